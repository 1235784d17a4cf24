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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
      String json) {

    static Rule everyone(String method, String path) {
      return new Rule(method, path, EnumSet.allOf(Role.class), true, 200, Set.of(), null);
    }

    static Rule signedIn(String method, String path) {
      return new Rule(method, path, EnumSet.allOf(Role.class), false, 200, Set.of(), null);
    }

    static Rule only(String method, String path, int allowedStatus, Role first, Role... rest) {
      return new Rule(method, path, EnumSet.of(first, rest), false, allowedStatus, Set.of(), null);
    }

    Rule notFoundFor(Role first, Role... rest) {
      return new Rule(method, path, allowed, open, allowedStatus, EnumSet.of(first, rest), json);
    }

    Rule withJson(String body) {
      return new Rule(method, path, allowed, open, allowedStatus, notFound, body);
    }

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

  static final List<Rule> MATRIX =
      List.of(
          Rule.signedIn("GET", "/"),
          Rule.everyone("GET", "/login"),
          Rule.everyone("GET", "/actuator/health"),
          Rule.everyone("GET", "/actuator/info"),
          // Exposed to nobody, but only an admin gets as far as learning that.
          Rule.only("GET", "/actuator/env", 404, Role.ADMIN),
          Rule.only("GET", "/actuator/metrics", 404, Role.ADMIN),
          Rule.only("GET", "/audits/new", 200, Role.AUDITOR, Role.ADMIN),
          Rule.only("GET", "/audits/import", 200, Role.AUDITOR, Role.ADMIN),
          Rule.only(
              "GET",
              "/dashboard",
              200,
              Role.PI_LEAD,
              Role.TEAM_MANAGER,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR),
          Rule.only(
              "GET",
              "/reports?from=2024-01&to=2024-01",
              200,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.AUDITOR,
              Role.MODERATOR,
              Role.ADMIN),
          Rule.only(
              "GET",
              "/api/reports/audit-summary?from=2024-01&to=2024-01",
              200,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.AUDITOR,
              Role.MODERATOR,
              Role.ADMIN),
          Rule.only(
              "GET",
              "/api/reports/follow-ups?from=2024-01&to=2024-01",
              200,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.AUDITOR,
              Role.MODERATOR,
              Role.ADMIN),
          Rule.only(
              "GET",
              "/reports/support.csv?from=2024-01&to=2024-01",
              200,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.AUDITOR,
              Role.MODERATOR,
              Role.ADMIN),
          Rule.only(
              "GET",
              "/reports/committee.pdf?from=2024-01&to=2024-01",
              200,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.AUDITOR,
              Role.MODERATOR,
              Role.ADMIN),
          // The committee report: PI leads prepare the draft, Assistant Directors write and publish
          // (2011: no draft, so the Assistant Director's request is a conflict, not a success).
          Rule.only(
              "GET",
              "/reports/committee?from=2024-01&to=2024-01",
              200,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.AUDITOR,
              Role.MODERATOR,
              Role.ADMIN),
          Rule.only(
              "GET",
              "/api/reports/breakdown?from=2024-01&to=2024-01",
              200,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.AUDITOR,
              Role.MODERATOR,
              Role.ADMIN),
          Rule.only(
              "GET",
              "/api/reports/publications",
              200,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.AUDITOR,
              Role.MODERATOR,
              Role.ADMIN),
          Rule.only(
              "GET",
              "/reports/committee/version.pdf?from=2011-02&to=2011-02&version=1",
              404,
              Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD,
              Role.PI_OFFICER,
              Role.AUDITOR,
              Role.MODERATOR,
              Role.ADMIN),
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
          Rule.signedIn("GET", "/api/follow-ups/{followUp}").notFoundFor(Role.MODERATOR),
          Rule.signedIn("GET", "/api/follow-ups/{otherAreaFollowUp}")
              .notFoundFor(Role.MODERATOR, SCOPED),
          Rule.signedIn("GET", "/follow-ups/{followUp}").notFoundFor(Role.MODERATOR),
          Rule.signedIn("GET", "/follow-ups/{otherAreaFollowUp}")
              .notFoundFor(Role.MODERATOR, SCOPED),
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
          Rule.only("GET", "/dashboard/follow-ups/{otherAreaFollowUp}", 200, Role.PI_LEAD));

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
                  .header("Cookie", sessionCookie(form))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.headers().firstValue("Location"))
          .as("signed in as " + role)
          .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
      String cookie = sessionCookie(signedIn);
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

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie"));
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
      request.header("Content-Type", "application/json");
    }
    if (role != null) {
      Session session = SESSIONS.computeIfAbsent(role, this::signIn);
      request.header("Cookie", session.cookie());
      if (!rule.method().equals("GET")) {
        request.header("X-CSRF-TOKEN", session.csrf());
      }
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());

    if (rule.open() || (role != null && rule.allowed().contains(role))) {
      assertThat(response.statusCode()).as("status").isEqualTo(rule.statusFor(role));
    } else if (role == null && rule.api()) {
      assertThat(response.statusCode()).as("nobody is asked to authenticate").isEqualTo(401);
    } else if (role == null) {
      boolean toLogin =
          response.statusCode() == 302
              && response.headers().firstValue("Location").orElse("").endsWith("/login");
      assertThat(response.statusCode() == 401 || toLogin)
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
}
