package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.learningloop.audit.AuditDraft;
import org.learningloop.audit.AuditRegister;
import org.learningloop.directory.Role;
import org.learningloop.followup.FollowUpQueries;
import org.learningloop.support.HttpSession;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may reach what, over real HTTP (so the engine's servlets and filters answer too): every row
 * is tried by every demo user (signed in once with the login form, then by session cookie) and by
 * nobody. Add a row for each new page and endpoint; when a feature merges, its addresses join the
 * table with the roles the product brief gives them.
 */
// A context of its own, started just before it runs: the engine it registers is the one its engine
// REST API finds, and no earlier test's lock-outs or sessions are in its way.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "learning-loop.test.context=role-matrix")
@AutoConfigureMockMvc
class RoleMatrixTest {

  /**
   * One address, the roles allowed there, whether it is public, and the status an allowed request
   * gets. Some roles pass the role check but are scoped away from the one follow-up asked for: they
   * get {@code 404}, as if it did not exist ({@link #notFoundFor}). A request with a body sends it
   * as JSON ({@link #withJson}). A path may name test data in braces ({@code {followUp}}), made
   * once for the class (see {@link #resolve}).
   */
  record Rule(
      String method,
      String path,
      Set<Role> allowed,
      boolean open,
      int allowedStatus,
      Set<Role> notFound,
      String json,
      String contentType) {

    static Rule everyone(String method, String path) {
      return new Rule(method, path, EnumSet.allOf(Role.class), true, 200, Set.of(), null, null);
    }

    static Rule signedIn(String method, String path) {
      return new Rule(method, path, EnumSet.allOf(Role.class), false, 200, Set.of(), null, null);
    }

    static Rule only(String method, String path, int allowedStatus, Role first, Role... rest) {
      return new Rule(
          method, path, EnumSet.of(first, rest), false, allowedStatus, Set.of(), null, null);
    }

    /**
     * Allowed roles get past the role check (anything but 401, 403 or a server error: the test data
     * is made so that nothing changes, e.g. a follow-up that does not exist, an empty form);
     * everyone else is refused.
     */
    static Rule reach(String method, String path, Role first, Role... rest) {
      return new Rule(method, path, EnumSet.of(first, rest), false, REACHES, Set.of(), null, null);
    }

    static Rule reach(String method, String path, Role[] roles) {
      return reach(method, path, roles[0], java.util.Arrays.copyOfRange(roles, 1, roles.length));
    }

    static Rule only(String method, String path, int allowedStatus, Role[] roles) {
      return only(
          method,
          path,
          allowedStatus,
          roles[0],
          java.util.Arrays.copyOfRange(roles, 1, roles.length));
    }

    static Rule reachSignedIn(String method, String path) {
      return new Rule(
          method, path, EnumSet.allOf(Role.class), false, REACHES, Set.of(), null, null);
    }

    /** The engine's REST API takes HTTP Basic only, never the session. */
    boolean basic() {
      return path.startsWith("/engine-rest/");
    }

    Rule notFoundFor(Role first, Role... rest) {
      return new Rule(
          method, path, allowed, open, allowedStatus, EnumSet.of(first, rest), json, contentType);
    }

    Rule withJson(String body) {
      return new Rule(
          method, path, allowed, open, allowedStatus, notFound, body, "application/json");
    }

    Rule withCsv(String body) {
      return new Rule(method, path, allowed, open, allowedStatus, notFound, body, "text/csv");
    }

    /** See {@link #reach}. */
    static final int REACHES = 0;

    int statusFor(Role role) {
      return role != null && notFound.contains(role) ? 404 : allowedStatus;
    }

    boolean api() {
      return path.startsWith("/api/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /**
   * Those who see the follow-ups of their own work, team or service area only (the demo users' area
   * and team); PI staff, auditors and admins see all.
   */
  static final Role[] SCOPED = {
    Role.PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.ASSISTANT_DIRECTOR
  };

  /** Administrators see no case data: a follow-up does not exist for them. */
  static final Role[] SCOPED_OR_ADMIN = {
    Role.PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.ASSISTANT_DIRECTOR, Role.ADMIN
  };

  /** A follow-up (or outbox message, or person) that does not exist. */
  static final String NONE = "999999999";

  static final Role[] PI_STAFF = {Role.PI_LEAD, Role.PI_OFFICER};

  /** Who may read reports (ReportRoles.READ). */
  static final Role[] REPORT_READERS = {
    Role.SERVICE_MANAGER,
    Role.ASSISTANT_DIRECTOR,
    Role.PI_LEAD,
    Role.PI_OFFICER,
    Role.AUDITOR,
    Role.MODERATOR,
    Role.ADMIN
  };

  static final Role[] MANAGERS = {Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.ASSISTANT_DIRECTOR};

  /** Who reads dip samples: everyone who works with case data (administrators see none). */
  static final Role[] DIP_SAMPLE_READERS = {
    Role.AUDITOR,
    Role.MODERATOR,
    Role.PI_LEAD,
    Role.PI_OFFICER,
    Role.PRACTITIONER,
    Role.TEAM_MANAGER,
    Role.SERVICE_MANAGER,
    Role.ASSISTANT_DIRECTOR
  };

  /** Who sets actions, and verifies, sends back or cancels them (as their setter or a PI lead). */
  static final Role[] ACTION_SETTERS = {Role.AUDITOR, Role.PI_LEAD};

  static final Role[] ESCALATORS = {Role.SERVICE_MANAGER, Role.ASSISTANT_DIRECTOR, Role.PI_LEAD};
  static final String SCHEDULE =
      "{\"startsAt\":\"2030-01-01T10:00:00\",\"durationMinutes\":60,\"location\":\"Room 2\"}";
  static final String REASON = "{\"reason\":\"Role matrix\"}";

  /** A follow-up that does not exist: the rules reach its paths, whatever they then answer. */
  static final String FOLLOW_UP = "/api/follow-ups/" + NONE;

  static final List<Rule> MATRIX =
      List.of(
          Rule.signedIn("GET", "/"),
          Rule.everyone("GET", "/login"),
          Rule.everyone("GET", "/actuator/health"),
          Rule.everyone("GET", "/actuator/info"),
          Rule.everyone("GET", "/actuator/health/readiness"),
          Rule.everyone("GET", "/actuator/health/liveness"),
          Rule.only("GET", "/actuator/prometheus", 200, Role.ADMIN),
          // Exposed to nobody, but only an admin gets as far as learning that.
          Rule.only("GET", "/actuator/env", 404, Role.ADMIN),
          Rule.only("GET", "/actuator/metrics", 404, Role.ADMIN),
          // Administrators run the system and see no case data: they neither record nor import
          // audits.
          Rule.only("GET", "/audits/new", 200, Role.AUDITOR),
          Rule.only("GET", "/audits/import", 200, Role.AUDITOR, Role.MODERATOR),
          Rule.only(
              "GET",
              "/dashboard",
              200,
              Role.PI_LEAD,
              Role.TEAM_MANAGER,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR),
          Rule.only("GET", "/reports?from=2024-01&to=2024-01", 200, REPORT_READERS),
          // The auditors' calibration: PI leads (the QA lead) only, never published.
          Rule.only("GET", "/calibration?from=2024-01&to=2024-01", 200, Role.PI_LEAD),
          Rule.only("GET", "/calibration.csv?from=2024-01&to=2024-01", 200, Role.PI_LEAD),
          Rule.only(
              "GET", "/api/reports/audit-summary?from=2024-01&to=2024-01", 200, REPORT_READERS),
          Rule.only("GET", "/api/reports/follow-ups?from=2024-01&to=2024-01", 200, REPORT_READERS),
          Rule.only("GET", "/reports/support.csv?from=2024-01&to=2024-01", 200, REPORT_READERS),
          Rule.only("GET", "/reports/committee.pdf?from=2024-01&to=2024-01", 200, REPORT_READERS),
          // The committee report: PI leads prepare the draft, Assistant Directors write and publish
          // (2011: no draft, so the Assistant Director's request is a conflict, not a success).
          Rule.only("GET", "/reports/committee?from=2024-01&to=2024-01", 200, REPORT_READERS),
          Rule.only("GET", "/api/reports/breakdown?from=2024-01&to=2024-01", 200, REPORT_READERS),
          Rule.only("GET", "/api/reports/publications", 200, REPORT_READERS),
          Rule.only(
              "GET",
              "/reports/committee/version.pdf?from=2011-02&to=2011-02&version=1",
              404,
              REPORT_READERS),
          Rule.only(
              "POST", "/api/reports/committee-reports?from=2011-01&to=2011-01", 201, Role.PI_LEAD),
          Rule.only(
                  "PUT",
                  "/api/reports/committee-reports/narrative?from=2011-02&to=2011-02",
                  409,
                  Role.ASSISTANT_DIRECTOR)
              .withJson("{\"sections\":{}}"),
          Rule.only(
                  "POST",
                  "/api/reports/publications?from=2011-02&to=2011-02",
                  409,
                  Role.ASSISTANT_DIRECTOR)
              .withJson("{}"),
          Rule.only(
              "GET",
              "/reports/committee/narrative?from=2011-02&to=2011-02",
              409,
              Role.ASSISTANT_DIRECTOR),
          Rule.only("GET", "/admin", 200, Role.ADMIN),
          Rule.only("GET", "/admin/users", 200, Role.ADMIN),
          Rule.only("GET", "/admin/users/new", 200, Role.ADMIN),
          Rule.only("GET", "/admin/teams", 200, Role.ADMIN),
          Rule.only("GET", "/admin/catalogues", 200, Role.ADMIN),
          Rule.only("GET", "/admin/users/import", 200, Role.ADMIN),
          Rule.only("GET", "/admin/catalogues/support-types/new", 200, Role.ADMIN),
          Rule.only("GET", "/admin/catalogues/factors/PLANNING", 200, Role.ADMIN),
          Rule.only("GET", "/admin/outbox", 200, Role.ADMIN),
          Rule.only("GET", "/admin/access-log", 200, Role.ADMIN),
          Rule.only("GET", "/api/admin/access-log", 200, Role.ADMIN),
          Rule.only("GET", "/engine-rest/process-definition?maxResults=10", 200, Role.ADMIN),
          Rule.only("GET", "/engine-rest/engine", 200, Role.ADMIN),
          Rule.only("GET", "/camunda/app/cockpit/default/", 200, Role.ADMIN),
          Rule.only("GET", "/camunda/app/admin/default/", 200, Role.ADMIN),
          // Follow-ups: anyone signed in may ask; each sees only those their role and place allow,
          // and one they may
          // not see does not exist for them. {followUp} concerns the demo practitioner, Team
          // Manager and service
          // area; {otherAreaFollowUp} other people in another service area.
          Rule.signedIn("GET", "/api/follow-ups"),
          Rule.signedIn("GET", "/api/follow-ups/{followUp}")
              .notFoundFor(Role.MODERATOR, Role.ADMIN),
          Rule.signedIn("GET", "/api/follow-ups/{otherAreaFollowUp}")
              .notFoundFor(Role.MODERATOR, SCOPED_OR_ADMIN),
          Rule.signedIn("GET", "/follow-ups/{followUp}").notFoundFor(Role.MODERATOR, Role.ADMIN),
          Rule.signedIn("GET", "/follow-ups/{otherAreaFollowUp}")
              .notFoundFor(Role.MODERATOR, SCOPED_OR_ADMIN),
          Rule.only("POST", "/api/follow-ups/{followUpToAllocate}/allocate", 200, Role.PI_LEAD)
              .withJson("{\"officer\":\"pi-officer\",\"jointConversation\":true}"),
          // Task lists: everyone's own, served from the read model.
          Rule.signedIn("GET", "/api/tasks"),
          Rule.signedIn("GET", "/tasks"),
          Rule.signedIn("GET", "/my-work"),
          // The managers' escalate-or-extend page: Service Managers and Assistant Directors of the
          // follow-up's
          // service area, and PI leads.
          Rule.only(
              "GET",
              "/dashboard/follow-ups/{followUp}",
              200,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD),
          Rule.only("GET", "/dashboard/follow-ups/{otherAreaFollowUp}", 200, Role.PI_LEAD),
          // Every other address, so that the table covers them all (see
          // everyRequestMappingHasARow). Changes name a follow-up, audit or task that does not
          // exist,
          // or send an empty form, so nothing changes: the allowed roles get past the role check
          // (and then a 404 or a form error), everyone else is refused. Bodies are valid, because
          // a body is read before the role is checked.
          Rule.only("GET", "/audits", 200, Role.values()),
          Rule.reach("POST", "/audits/new", Role.AUDITOR),
          Rule.reachSignedIn("GET", "/audits/NO-SUCH-AUDIT"),
          Rule.reach("GET", "/audits/NO-SUCH-AUDIT/moderation", Role.MODERATOR),
          Rule.reach("POST", "/audits/NO-SUCH-AUDIT/moderation", Role.MODERATOR),
          Rule.reach("POST", "/audits/import", Role.AUDITOR, Role.MODERATOR),
          // The moderation queue: moderators and PI leads; a challenge is open to anyone signed in
          // and then limited to the audit's practitioner and Team Manager (404 for the rest).
          Rule.only("GET", "/moderation", 200, Role.MODERATOR, Role.PI_LEAD),
          Rule.reach("POST", "/moderation/draw", Role.MODERATOR, Role.PI_LEAD),
          Rule.reachSignedIn("POST", "/audits/NO-SUCH-AUDIT/challenge"),
          Rule.only("GET", "/api/moderation-queue", 200, Role.MODERATOR, Role.PI_LEAD),
          Rule.reach("POST", "/api/moderation-queue/draws", Role.MODERATOR, Role.PI_LEAD)
              .withJson("{\"month\":\"not a month\"}"),
          Rule.reachSignedIn("POST", "/api/audits/NO-SUCH-AUDIT/challenges")
              .withJson("{\"reasons\":\"The plan had timescales.\"}"),
          Rule.only("GET", "/api/audits", 200, Role.values()),
          Rule.reachSignedIn("GET", "/api/audits/NO-SUCH-AUDIT"),
          Rule.reach("POST", "/api/audits", Role.AUDITOR).withJson("{}"),
          Rule.reach("PUT", "/api/audits/NO-SUCH-AUDIT/moderation", Role.MODERATOR)
              .withJson("{\"grade\":\"GOOD\"}"),
          Rule.reach("POST", "/api/audits/import", Role.AUDITOR, Role.MODERATOR)
              .withCsv("audit_ref\n"),
          Rule.reachSignedIn("GET", "/api/follow-ups?auditRef=NO-SUCH-AUDIT"),
          Rule.reach("POST", FOLLOW_UP + "/claim", PI_STAFF).withJson("{}"),
          Rule.reach("POST", FOLLOW_UP + "/reassign", Role.PI_LEAD)
              .withJson("{\"officer\":\"pi-officer\"}"),
          Rule.reach("POST", FOLLOW_UP + "/safeguarding/confirm", MANAGERS),
          Rule.reach("POST", FOLLOW_UP + "/conversations/1/schedule", PI_STAFF).withJson(SCHEDULE),
          Rule.reach("POST", FOLLOW_UP + "/conversations/1/reschedule", PI_STAFF)
              .withJson(SCHEDULE),
          Rule.reach("POST", FOLLOW_UP + "/conversations/1/outcome", PI_STAFF)
              .withJson("{\"held\":false,\"reason\":\"ill\"}"),
          Rule.reach("POST", FOLLOW_UP + "/support-items", PI_STAFF)
              .withJson(
                  "{\"type\":\"TEAM_SESSION\",\"owner\":\"PRACTITIONER\",\"dueDate\":\"2030-01-01\"}"),
          Rule.reachSignedIn("POST", FOLLOW_UP + "/support-items/1/accept"),
          Rule.reachSignedIn("POST", FOLLOW_UP + "/support-items/1/decline").withJson(REASON),
          Rule.reachSignedIn("POST", FOLLOW_UP + "/support-items/1/complete"),
          Rule.reach("POST", FOLLOW_UP + "/support-items/1/verify", PI_STAFF),
          Rule.reach("POST", FOLLOW_UP + "/support-items/1/withdraw", PI_STAFF).withJson(REASON),
          Rule.reach("POST", FOLLOW_UP + "/closure/propose", PI_STAFF),
          Rule.reach("POST", FOLLOW_UP + "/closure/sign-off", Role.PI_LEAD),
          Rule.reach("POST", FOLLOW_UP + "/closure/send-back", Role.PI_LEAD).withJson(REASON),
          Rule.reach("POST", FOLLOW_UP + "/re-audit", Role.AUDITOR, Role.PI_LEAD)
              .withJson("{\"auditRef\":\"NO-SUCH-AUDIT\"}"),
          Rule.reach("POST", FOLLOW_UP + "/re-audit/not-possible", Role.AUDITOR, Role.PI_LEAD)
              .withJson(REASON),
          Rule.reach("POST", FOLLOW_UP + "/withdraw", Role.PI_LEAD).withJson(REASON),
          Rule.reach("POST", FOLLOW_UP + "/escalations", ESCALATORS)
              .withJson("{\"note\":\"late\"}"),
          Rule.reach("POST", FOLLOW_UP + "/due-date-extensions", ESCALATORS)
              .withJson(
                  "{\"stage\":\"ALLOCATION\",\"newDueDate\":\"2030-01-01\",\"reason\":\"leave\"}"),
          Rule.only(
              "GET",
              "/api/dashboard",
              200,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.TEAM_MANAGER,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR),
          Rule.reach("POST", "/dashboard/follow-ups/" + NONE + "/escalation", ESCALATORS),
          Rule.reach("POST", "/dashboard/follow-ups/" + NONE + "/extension", ESCALATORS),
          Rule.reach("POST", "/follow-ups/" + NONE + "/claim", PI_STAFF),
          Rule.reach("POST", "/follow-ups/" + NONE + "/allocate", Role.PI_LEAD),
          Rule.reach("POST", "/follow-ups/" + NONE + "/reassign", Role.PI_LEAD),
          Rule.reach("POST", "/follow-ups/" + NONE + "/safeguarding", MANAGERS),
          Rule.reach("POST", "/follow-ups/" + NONE + "/conversations/1/schedule", PI_STAFF),
          Rule.reach("POST", "/follow-ups/" + NONE + "/conversations/1/reschedule", PI_STAFF),
          Rule.reach("POST", "/follow-ups/" + NONE + "/conversations/1/held", PI_STAFF),
          Rule.reach("POST", "/follow-ups/" + NONE + "/conversations/1/not-held", PI_STAFF),
          Rule.reach("POST", "/follow-ups/" + NONE + "/support-items", PI_STAFF),
          Rule.reachSignedIn("POST", "/follow-ups/" + NONE + "/support-items/1/accept"),
          Rule.reachSignedIn("POST", "/follow-ups/" + NONE + "/support-items/1/decline"),
          Rule.reachSignedIn("POST", "/follow-ups/" + NONE + "/support-items/1/complete"),
          Rule.reach("POST", "/follow-ups/" + NONE + "/support-items/1/verify", PI_STAFF),
          Rule.reach("POST", "/follow-ups/" + NONE + "/support-items/1/withdraw", PI_STAFF),
          Rule.reach("POST", "/follow-ups/" + NONE + "/closure/propose", PI_STAFF),
          Rule.reach("POST", "/follow-ups/" + NONE + "/closure/sign-off", Role.PI_LEAD),
          Rule.reach("POST", "/follow-ups/" + NONE + "/closure/send-back", Role.PI_LEAD),
          Rule.reach("POST", "/follow-ups/" + NONE + "/withdraw", Role.PI_LEAD),
          Rule.reach("POST", "/follow-ups/" + NONE + "/re-audit", Role.AUDITOR, Role.PI_LEAD),
          Rule.reach(
              "POST", "/follow-ups/" + NONE + "/re-audit/not-possible", Role.AUDITOR, Role.PI_LEAD),
          Rule.reach("POST", "/tasks/follow-ups/" + NONE + "/claim", PI_STAFF),
          Rule.reachSignedIn("POST", "/tasks/no-such-task/claim"),
          Rule.reachSignedIn("POST", "/tasks/no-such-task/unclaim"),
          Rule.only("GET", "/reports/committee?from=2024-01&to=2024-01", 200, REPORT_READERS),
          Rule.reach(
              "POST",
              "/reports/committee/publish?from=nonsense&to=nonsense",
              Role.ASSISTANT_DIRECTOR),
          Rule.reach(
              "POST",
              "/reports/committee/narrative?from=nonsense&to=nonsense",
              Role.ASSISTANT_DIRECTOR),
          Rule.reach("POST", "/reports/committee/prepare?from=nonsense&to=nonsense", Role.PI_LEAD),
          Rule.reach(
              "GET", "/api/reports/committee-reports?from=2011-02&to=2011-02", REPORT_READERS),
          Rule.reach(
              "GET",
              "/reports/committee/version?from=2011-02&to=2011-02&version=1",
              REPORT_READERS),
          Rule.reach(
              "GET",
              "/reports/committee/version.html?from=2011-02&to=2011-02&version=1",
              REPORT_READERS),
          Rule.reach(
              "GET",
              "/reports/committee/version.json?from=2011-02&to=2011-02&version=1",
              REPORT_READERS),
          Rule.reach("GET", "/api/reports/dip-samples?from=2024-01&to=2024-01", REPORT_READERS),
          Rule.reach("GET", "/api/reports/publications", REPORT_READERS),
          Rule.reach(
              "POST",
              "/api/reports/publications?from=nonsense&to=nonsense",
              Role.ASSISTANT_DIRECTOR),
          Rule.only("GET", "/api/catalogues/factors", 200, Role.values()),
          Rule.only("GET", "/api/catalogues/support-types", 200, Role.values()),
          // A code that exists already: an administrator gets 409, and nothing is added.
          Rule.reach("POST", "/api/catalogues/factors", Role.ADMIN)
              .withJson("{\"code\":\"PLANNING\",\"label\":\"Planning\"}"),
          Rule.reach("POST", "/api/catalogues/support-types", Role.ADMIN)
              .withJson("{\"code\":\"TEAM_SESSION\",\"label\":\"Team session\"}"),
          Rule.reach("PUT", "/api/catalogues/factors/NO_SUCH_CODE", Role.ADMIN)
              .withJson("{\"label\":\"Nothing\"}"),
          Rule.reach("PUT", "/api/catalogues/support-types/NO_SUCH_CODE", Role.ADMIN)
              .withJson("{\"label\":\"Nothing\"}"),
          Rule.reach("POST", "/admin/users", Role.ADMIN),
          Rule.reach("GET", "/admin/users/" + NONE, Role.ADMIN),
          Rule.reach("POST", "/admin/users/" + NONE, Role.ADMIN),
          Rule.reach("POST", "/admin/users/" + NONE + "/password", Role.ADMIN),
          Rule.reach("POST", "/admin/users/import", Role.ADMIN),
          // A header with no rows is refused whole: nothing is written.
          Rule.reach("POST", "/api/admin/staff/import", Role.ADMIN).withCsv("username\n"),
          // An empty form is shown again with its errors; a code that does not exist is not found.
          Rule.reach("POST", "/admin/catalogues/factors", Role.ADMIN),
          Rule.reach("POST", "/admin/catalogues/factors/NO_SUCH_CODE", Role.ADMIN),
          Rule.reach("POST", "/admin/teams", Role.ADMIN),
          Rule.reach("POST", "/admin/service-areas", Role.ADMIN),
          Rule.reach("GET", "/admin/outbox/" + NONE, Role.ADMIN),
          Rule.only("GET", "/admin/retention", 200, Role.ADMIN),
          Rule.only("GET", "/admin/incidents", 200, Role.ADMIN),
          Rule.reach("POST", "/admin/incidents/NO-SUCH-INCIDENT/retry", Role.ADMIN),
          // Dip samples and actions: auditors record dip samples; auditors and PI leads set actions
          // and (as setter or PI lead) verify, send back and cancel them; whoever acts for the
          // owner
          // completes one they may see (anyone else: 403 from the service, or 404 if they may not
          // see it). Bodies are valid but name a service area, source or action that does not
          // exist, so nothing is written.
          Rule.only("GET", "/dip-samples", 200, DIP_SAMPLE_READERS),
          Rule.only("GET", "/dip-samples/new", 200, Role.AUDITOR),
          Rule.reach("POST", "/dip-samples/new", Role.AUDITOR),
          Rule.reach("GET", "/dip-samples/NO-SUCH-DIP-SAMPLE", DIP_SAMPLE_READERS),
          Rule.only("GET", "/actions/new", 200, ACTION_SETTERS),
          Rule.reach("POST", "/actions/new", ACTION_SETTERS),
          Rule.reachSignedIn("GET", "/actions/" + NONE),
          Rule.reachSignedIn("POST", "/actions/" + NONE + "/complete"),
          Rule.reach("POST", "/actions/" + NONE + "/verify", ACTION_SETTERS),
          Rule.reach("POST", "/actions/" + NONE + "/send-back", ACTION_SETTERS),
          Rule.reach("POST", "/actions/" + NONE + "/cancel", ACTION_SETTERS),
          Rule.only("GET", "/api/dip-samples?from=2024-01&to=2024-01", 200, DIP_SAMPLE_READERS),
          Rule.reach("GET", "/api/dip-samples/NO-SUCH-DIP-SAMPLE", DIP_SAMPLE_READERS),
          Rule.reach("POST", "/api/dip-samples", Role.AUDITOR)
              .withJson(
                  "{\"ref\":\"DS-MATRIX\",\"theme\":\"Matrix\",\"month\":\"2024-01\","
                      + "\"serviceArea\":\"No Such Area\",\"unit\":\"CASES\",\"sampleSize\":1}"),
          Rule.signedIn("GET", "/api/actions"),
          Rule.reachSignedIn("GET", "/api/actions/" + NONE),
          Rule.reach("POST", "/api/actions", ACTION_SETTERS)
              .withJson(
                  "{\"source\":\"NO-SUCH-SOURCE\",\"ownerType\":\"TEAM\",\"owner\":\"Nobody\","
                      + "\"description\":\"Matrix\",\"dueDate\":\"2030-01-02\"}"),
          Rule.reachSignedIn("POST", "/api/actions/" + NONE + "/complete")
              .withJson("{\"evidence\":\"Matrix\"}"),
          Rule.reach("POST", "/api/actions/" + NONE + "/verify", ACTION_SETTERS),
          Rule.reach("POST", "/api/actions/" + NONE + "/send-back", ACTION_SETTERS)
              .withJson(REASON),
          Rule.reach("POST", "/api/actions/" + NONE + "/cancel", ACTION_SETTERS).withJson(REASON),
          Rule.reach("POST", "/admin/outbox/" + NONE + "/retry", Role.ADMIN));

  /** Demo users: the username is the role's engine group id (pi-lead, team-manager, ...). */
  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Rule rule : MATRIX) {
      cases.add(Arguments.of(rule, null));
      for (Role role : Role.values()) {
        cases.add(Arguments.of(rule, role));
      }
    }
    return cases.stream();
  }

  @LocalServerPort int port;

  @Autowired AuditRegister register;
  @Autowired FollowUpQueries followUps;
  @Autowired Clock clock;

  /**
   * The follow-ups the rows name, made through the audit register on first use and kept for the
   * class.
   */
  private static final Map<String, Long> DATA = new ConcurrentHashMap<>();

  /** Replaces each {name} in a path by the id of the follow-up of that name. */
  private String resolve(String path) {
    Matcher name = Pattern.compile("\\{(\\w+)}").matcher(path);
    StringBuilder resolved = new StringBuilder();
    while (name.find()) {
      name.appendReplacement(
          resolved, Long.toString(DATA.computeIfAbsent(name.group(1), this::followUp)));
    }
    name.appendTail(resolved);
    return resolved.toString();
  }

  private long followUp(String name) {
    String ref =
        switch (name) {
          case "followUp", "followUpToAllocate", "followUpToForge" ->
              TestAudits.inadequate(register, LocalDate.now(clock), "MATRIX", List.of("PLANNING"));
          case "otherAreaFollowUp" -> inadequateElsewhere();
          default -> throw new IllegalArgumentException("no test data called " + name);
        };
    return followUps.idOf(ref).orElseThrow();
  }

  /** An inadequate audit of people in another service area and team than the demo users'. */
  private String inadequateElsewhere() {
    String ref = TestAudits.uniqueRef("MATRIX-ELSEWHERE");
    register.record(
        new AuditDraft(
            ref,
            LocalDate.now(clock).toString(),
            "DEEP_DIVE",
            null,
            "Matrix Elsewhere Area",
            "Matrix Elsewhere Team",
            "elsewhere-practitioner@learningloop.example",
            "Elle Where",
            "elsewhere-manager@learningloop.example",
            "Mel Where",
            "C-" + ref,
            "auditor@learningloop.example",
            "INADEQUATE",
            null,
            null,
            null,
            null,
            List.of("PLANNING"),
            "Role matrix"));
    return ref;
  }

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * One signed-in session per demo user, for the whole class: each sign-in costs a bcrypt check.
   */
  private static final Map<Role, Session> SESSIONS = new ConcurrentHashMap<>();

  /**
   * A signed-in browser session: its cookie, and the CSRF token its pages carry (sent as a header,
   * as a script would).
   */
  private record Session(String cookie, String csrf) {}

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private Session signIn(Role role) {
    try {
      HttpResponse<String> form =
          client.send(
              HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher token = CSRF.matcher(form.body());
      assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
      String body =
          "username="
              + role.groupId()
              + "&password=demo&_csrf="
              + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> signedIn =
          client.send(
              HttpRequest.newBuilder(URI.create(base() + "/login"))
                  .header("Cookie", HttpSession.sessionCookie(form))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.headers().firstValue("Location"))
          .as("signed in as " + role)
          .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
      String cookie = HttpSession.sessionCookie(signedIn);
      // Every page's header has the sign-out form, with the session's CSRF token.
      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(URI.create(base() + "/")).header("Cookie", cookie).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher pageToken = CSRF.matcher(page.body());
      assertThat(pageToken.find()).as("the home page of %s carries a CSRF token", role).isTrue();
      return new Session(cookie, pageToken.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void eachAddressAdmitsExactlyItsRoles(Rule rule, Role role) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + resolve(rule.path())))
            .method(
                rule.method(),
                rule.json() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(rule.json()));
    if (rule.json() != null) {
      request.header("Content-Type", rule.contentType());
    }
    if (role != null && rule.basic()) {
      request.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString((role.groupId() + ":demo").getBytes(StandardCharsets.UTF_8)));
    } else if (role != null) {
      Session session = SESSIONS.computeIfAbsent(role, this::signIn);
      request.header("Cookie", session.cookie());
      if (!rule.method().equals("GET")) {
        request.header("X-CSRF-TOKEN", session.csrf());
      }
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());

    if ((rule.open() || (role != null && rule.allowed().contains(role)))
        && rule.statusFor(role) == Rule.REACHES) {
      assertThat(response.statusCode())
          .as("past the role check: %s", response.body())
          .isNotIn(401, 403)
          .isLessThan(500);
    } else if (rule.open() || (role != null && rule.allowed().contains(role))) {
      assertThat(response.statusCode()).as("status").isEqualTo(rule.statusFor(role));
    } else if (role == null && rule.api()) {
      assertThat(response.statusCode()).as("nobody is asked to authenticate").isEqualTo(401);
    } else if (role == null) {
      boolean toLogin =
          response.statusCode() == 302
              && response.headers().firstValue("Location").orElse("").endsWith("/login");
      // A change from nobody (no session, so no CSRF token) is refused by the CSRF check first.
      boolean refusedChange = !rule.method().equals("GET") && response.statusCode() == 403;
      assertThat(response.statusCode() == 401 || toLogin || refusedChange)
          .as("nobody is sent to sign in, got %s", response.statusCode())
          .isTrue();
    } else {
      assertThat(response.statusCode()).as("status").isEqualTo(403);
    }
  }

  /**
   * A browser session does not let a forged request through the API: a change without the session's
   * CSRF token is refused before anything happens, even for the one role allowed to make it.
   */
  @org.junit.jupiter.api.Test
  void aSessionCannotChangeAnythingThroughTheApiWithoutItsCsrfToken() throws Exception {
    Session lead = SESSIONS.computeIfAbsent(Role.PI_LEAD, this::signIn);
    HttpResponse<String> forged =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(base() + resolve("/api/follow-ups/{followUpToForge}/allocate")))
                .header("Cookie", lead.cookie())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"officer\":\"pi-officer\",\"jointConversation\":false}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(followUps.get(DATA.get("followUpToForge"), "pi-lead").stage().name())
        .isEqualTo("ALLOCATION");
  }

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

  /**
   * The table covers every page and endpoint the application maps: a new mapping without a row
   * fails here, so nobody adds an address without saying who may reach it. (The container's error
   * page is reached by forwarding, not by address; the engine's REST API and web apps are not
   * Spring MVC and have their rows above.)
   */
  @org.junit.jupiter.api.Test
  void everyRequestMappingHasARow() {
    List<String> missing = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              Class<?> type = handler.getBeanType();
              if (!type.getPackageName().startsWith("org.learningloop")
                  || org.springframework.boot.web.servlet.error.ErrorController.class
                      .isAssignableFrom(type)) {
                return;
              }
              Set<String> params =
                  info.getParamsCondition().getExpressions().stream()
                      .filter(expression -> !expression.isNegated())
                      .map(expression -> expression.getName())
                      .collect(java.util.stream.Collectors.toSet());
              Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                  info.getMethodsCondition().getMethods().isEmpty()
                      ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                      : info.getMethodsCondition().getMethods();
              for (var pattern : info.getPathPatternsCondition().getPatterns()) {
                for (var method : methods) {
                  boolean covered =
                      MATRIX.stream()
                          .anyMatch(
                              rule ->
                                  rule.method().equals(method.name())
                                      && covers(rule.path(), pattern, params));
                  if (!covered) {
                    missing.add(method + " " + pattern + (params.isEmpty() ? "" : " " + params));
                  }
                }
              }
            });
    assertThat(missing).as("request mappings with no row in the role matrix").isEmpty();
  }

  private static boolean covers(
      String rulePath,
      org.springframework.web.util.pattern.PathPattern pattern,
      Set<String> params) {
    int query = rulePath.indexOf('?');
    String path = (query < 0 ? rulePath : rulePath.substring(0, query)).replaceAll("\\{\\w+}", "1");
    String queryString = query < 0 ? "" : "&" + rulePath.substring(query + 1);
    return pattern.matches(org.springframework.http.server.PathContainer.parsePath(path))
        && params.stream().allMatch(name -> queryString.contains("&" + name + "="));
  }
}
