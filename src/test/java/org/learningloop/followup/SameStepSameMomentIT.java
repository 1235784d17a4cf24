package org.learningloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learningloop.support.DemoHttp;
import org.learningloop.support.OnMariaDb;
import org.learningloop.workflow.FollowUpProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same step, at the same moment, through the real HTTP API on MariaDB: exactly one request
 * wins, the other gets a 409 problem that says what happened; never a 500, nothing half-done. Each
 * race is run several times, since a race lost one way once may be lost another way the next.
 */
@OnMariaDb
class SameStepSameMomentIT {

  private static final int ROUNDS = 3;
  private static final String AREA = "Help and Protect";
  private static final String TEAM = "Help and Protect Team 1";

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void twoPiStaffClaimingOneQueueTask() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      long id = followUp();
      List<HttpResponse<String>> answers =
          race(
              post("pi-officer", "/api/follow-ups/" + id + "/claim", "{}"),
              post("pi-lead", "/api/follow-ups/" + id + "/claim", "{}"));
      assertOneWinsAndTheFollowUpHoldsItsValue(
          answers, id, "$.assignee", "$.assignee", "the follow-up is the winner's");
    }
  }

  @Test
  void acceptingOneSupportItemTwice() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String base = claimedFollowUp();
      ok(
          post(
              "pi-officer",
              base + "/support-items",
              "{\"type\":\"INDIVIDUAL_COACHING\",\"owner\":\"PRACTITIONER\",\"dueDate\":\""
                  + LocalDate.now().plusDays(30)
                  + "\"}"));
      int item = JsonPath.read(get("pi-officer", base).body(), "$.supportItems[0].id");
      String accept = base + "/support-items/" + item + "/accept";
      assertOneWinsOneConflict(
          race(post("practitioner", accept, "{}"), post("practitioner", accept, "{}")));
      assertThat(
              (List<String>) JsonPath.read(get("pi-lead", base).body(), "$.supportItems[*].state"))
          .containsExactly("ACCEPTED");
    }
  }

  @Test
  void signingOffOneClosureTwice() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String base = claimedFollowUp();
      List<Integer> conversations =
          JsonPath.read(get("pi-officer", base).body(), "$.conversations[*].id");
      for (int conversation : conversations) {
        String when = LocalDateTime.now().minusHours(1).withNano(0).toString();
        ok(
            post(
                "pi-officer",
                base + "/conversations/" + conversation + "/schedule",
                "{\"startsAt\":\""
                    + when
                    + "\",\"durationMinutes\":60,\"location\":\"Room 2, County Hall\"}"));
        ok(
            post(
                "pi-officer",
                base + "/conversations/" + conversation + "/outcome",
                "{\"held\":true,\"notes\":\"Talked it through\",\"learningPoints\":\"Planning\"}"));
      }
      ok(post("pi-officer", base + "/closure/propose", "{}"));
      String signOff = base + "/closure/sign-off";
      assertOneWinsOneConflict(
          race(post("pi-lead", signOff, "{}"), post("pi-lead", signOff, "{}")));
      String body = get("pi-lead", base).body();
      assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("CLOSED");
      assertThat((List<String>) JsonPath.read(body, "$.timeline[?(@.action == 'CLOSED')].action"))
          .as("signed off once")
          .hasSize(1);
    }
  }

  @Test
  void twoManagersExtendingOneDueDate() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      long id = followUp();
      LocalDate monday = LocalDate.now().plusWeeks(3).with(java.time.DayOfWeek.MONDAY);
      String extend = "/api/follow-ups/" + id + "/due-date-extensions";
      // Both managers saw the same due date, and each says so: however the two requests interleave,
      // the second finds it moved.
      String seen = JsonPath.read(get("pi-lead", "/api/follow-ups/" + id).body(), "$.dueDate");
      String body =
          "{\"stage\":\"ALLOCATION\",\"newDueDate\":\"%s\",\"reason\":\"%s\",\"currentDueDate\":\""
              + seen
              + "\"}";
      List<HttpResponse<String>> answers =
          race(
              post("service-manager", extend, body.formatted(monday, "Team away day")),
              post("assistant-director", extend, body.formatted(monday.plusDays(1), "Sickness")));
      assertOneWinsAndTheFollowUpHoldsItsValue(
          answers, id, "$.dueDate", "$.newDueDate", "the due date is the winner's");
    }
  }

  /**
   * The Team Manager confirms the child's safety review at the moment its timer fires (the job the
   * job executor would run, run here by the test so that the two meet). Either the confirmation
   * comes first, and the timer's job is refused by the engine's own conflict check (nothing
   * escalated, nobody emailed), or the timer comes first, and the confirmation then settles the
   * escalated check: never a 500, never an escalation recorded after the confirmation, never a
   * safeguarding task left open, never two emails.
   */
  @Test
  void confirmingSafeguardingWhileItsTimerFires() throws Exception {
    for (int round = 0; round < ROUNDS + 2; round++) {
      String ref = audit("SIGNIFICANT_HARM_RISK");
      long id = followUpOf(ref);
      Job timer =
          managementService
              .createJobQuery()
              .processInstanceId(followUpProcess(ref))
              .activityId("BoundaryEvent_SafeguardingUnconfirmed")
              .singleResult();
      assertThat(timer).as("the safeguarding timer of %s", ref).isNotNull();

      CyclicBarrier start = new CyclicBarrier(2);
      CompletableFuture<HttpResponse<String>> confirm =
          CompletableFuture.supplyAsync(
              () ->
                  sendAt(
                      start,
                      post(
                          "team-manager", "/api/follow-ups/" + id + "/safeguarding/confirm", "{}")),
              pool);
      CompletableFuture<Boolean> fired =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                  managementService.executeJob(timer.getId());
                  return true;
                } catch (OptimisticLockingException refusedByTheEngine) {
                  return false;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              pool);
      HttpResponse<String> confirmed = confirm.get();
      boolean escalated = fired.get();

      assertThat(confirmed.statusCode()).as("confirmation: %s", confirmed.body()).isEqualTo(200);
      String body = get("pi-lead", "/api/follow-ups/" + id).body();
      List<String> actions = JsonPath.read(body, "$.timeline[*].action");
      assertThat(actions).contains("SAFEGUARDING_CONFIRMED");
      if (escalated) {
        assertThat(actions.indexOf("SAFEGUARDING_ESCALATED"))
            .as("escalated before it was confirmed: %s", actions)
            .isBetween(0, actions.indexOf("SAFEGUARDING_CONFIRMED"));
      } else {
        assertThat(actions).doesNotContain("SAFEGUARDING_ESCALATED");
      }
      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceBusinessKey(ref)
                  .taskDefinitionKeyLike("Task_ConfirmChildSafety%")
                  .count())
          .as("no safety review left open")
          .isZero();
      assertThat(
              safeguardingTimers(ref, "BoundaryEvent_SafeguardingUnconfirmed")
                  + safeguardingTimers(ref, "BoundaryEvent_SafeguardingStillUnconfirmed"))
          .as("no safeguarding timer left")
          .isZero();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from notification_outbox where audit_ref = ? and template = 'ESCALATION'",
                  Integer.class,
                  ref))
          .as("the Service Manager told once if escalated, else not at all")
          .isEqualTo(escalated ? 1 : 0);
    }
  }

  @Test
  void aGradeChallengedByThePractitionerAndTheTeamManagerAtOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String ref = audit("PLANNING");
      String body = "{\"reasons\":\"The plan was reviewed the week before the audit.\"}";
      List<HttpResponse<String>> answers =
          race(
              post("practitioner", "/api/audits/" + ref + "/challenges", body),
              post("team-manager", "/api/audits/" + ref + "/challenges", body));
      assertOneWinsOneConflict(answers);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from moderation_request where audit_ref = ? and reason = 'CHALLENGE'",
                  Integer.class,
                  ref))
          .as("one challenge")
          .isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from open_task t join moderation_request r"
                      + " on r.id = t.moderation_request_id where r.audit_ref = ?",
                  Integer.class,
                  ref))
          .as("the Inadequate audit's moderation and the challenge's review, a task each")
          .isEqualTo(2);
    }
  }

  @Test
  void theSameModerationSentTwiceAtOnceIsRecordedOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String ref = audit("PLANNING");
      String moderation =
          "{\"date\":\"%s\",\"grade\":\"INADEQUATE\",\"rationale\":\"Agreed\"}"
              .formatted(LocalDate.now().minusDays(1));
      List<HttpResponse<String>> answers =
          race(
              put("moderator", "/api/audits/" + ref + "/moderation", moderation),
              put("moderator", "/api/audits/" + ref + "/moderation", moderation));
      assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList())
          .as("answers: %s", answers.stream().map(HttpResponse::body).toList())
          .isIn(List.of(200, 200), List.of(200, 409));
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from moderation m join audit a on a.id = m.audit_id"
                      + " where a.ref = ?",
                  Integer.class,
                  ref))
          .as("one moderation in the history")
          .isEqualTo(1);
      assertThat(
              jdbc.queryForList(
                  "select status from moderation_request where audit_ref = ?", String.class, ref))
          .containsExactly("MODERATED");
    }
  }

  @Test
  void aMonthDrawnByTwoPeopleAtOnceIsDrawnOnce() throws Exception {
    String month = "2021-03";
    for (int n = 1; n <= 6; n++) {
      ok(
          post(
              "auditor",
              "/api/audits",
              """
              {"ref":"AUD-DRAW-%s-%d","auditDate":"2021-03-%02d","type":"DEEP_DIVE","serviceArea":"%s",
               "team":"%s","practitionerEmail":"practitioner@learningloop.example",
               "teamManagerEmail":"team-manager@learningloop.example","childRef":"C-2","grade":"GOOD"}
              """
                  .formatted(System.nanoTime(), n, n + 1, AREA, TEAM)));
    }
    String draw = "{\"month\":\"" + month + "\"}";
    List<HttpResponse<String>> answers =
        race(
            post("moderator", "/api/moderation-queue/draws", draw),
            post("pi-lead", "/api/moderation-queue/draws", draw));
    assertThat(answers.stream().map(HttpResponse::statusCode).toList())
        .as("answers: %s", answers.stream().map(HttpResponse::body).toList())
        .contains(200)
        .allMatch(status -> status == 200 || status == 409);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from moderation_request where sample_month = ?"
                    + " and reason = 'RANDOM_SHARE' and audit_ref like 'AUD-DRAW-%'",
                Integer.class, month))
        .as("20 %% of six, rounded up, drawn once")
        .isEqualTo(2);
  }

  // ---- the race and its judge ----

  private List<HttpResponse<String>> race(HttpRequest first, HttpRequest second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    CompletableFuture<HttpResponse<String>> a =
        CompletableFuture.supplyAsync(() -> sendAt(start, first), pool);
    CompletableFuture<HttpResponse<String>> b =
        CompletableFuture.supplyAsync(() -> sendAt(start, second), pool);
    return List.of(a.get(), b.get());
  }

  private HttpResponse<String> sendAt(CyclicBarrier start, HttpRequest request) {
    try {
      start.await();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertOneWinsOneConflict(List<HttpResponse<String>> answers) {
    List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
    assertThat(statuses)
        .as("answers: %s", answers.stream().map(HttpResponse::body).toList())
        .isIn(List.of(200, 409), List.of(201, 409));
    HttpResponse<String> loser =
        answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
    assertThat(loser.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat((String) JsonPath.read(loser.body(), "$.detail")).isNotBlank();
  }

  /**
   * One of the two answers wins and the other conflicts, and the follow-up's {@code field} then
   * holds what the winner answered in its {@code winnersField}.
   */
  private void assertOneWinsAndTheFollowUpHoldsItsValue(
      List<HttpResponse<String>> answers,
      long id,
      String field,
      String winnersField,
      String description)
      throws Exception {
    assertOneWinsOneConflict(answers);
    String held = JsonPath.read(get("pi-lead", "/api/follow-ups/" + id).body(), field);
    String won = JsonPath.read(winner(answers).body(), winnersField);
    assertThat(held).as(description).isEqualTo(won);
  }

  /** A new follow-up, claimed by the PI officer: its path. */
  private String claimedFollowUp() throws Exception {
    String base = "/api/follow-ups/" + followUp();
    ok(post("pi-officer", base + "/claim", "{}"));
    return base;
  }

  private static HttpResponse<String> winner(List<HttpResponse<String>> answers) {
    return answers.stream().filter(r -> r.statusCode() < 300).findFirst().orElseThrow();
  }

  // ---- the API as the demo users call it ----

  /** An Inadequate audit of the demo practitioner, recorded by the auditor: its follow-up's id. */
  private long followUp() throws Exception {
    return followUpOf(audit("PLANNING"));
  }

  private long safeguardingTimers(String ref, String boundaryEvent) {
    return managementService
        .createJobQuery()
        .processInstanceId(followUpProcess(ref))
        .activityId(boundaryEvent)
        .count();
  }

  private String followUpProcess(String ref) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(FollowUpProcess.KEY)
        .processInstanceBusinessKey(ref)
        .singleResult()
        .getId();
  }

  private long followUpOf(String ref) throws Exception {
    return ((Number)
            JsonPath.read(
                get("pi-lead", "/api/follow-ups?auditRef=" + ref).body(), "$.content[0].id"))
        .longValue();
  }

  /** Records an Inadequate audit of the demo practitioner with one factor: its reference. */
  private String audit(String factor) throws Exception {
    String ref = "AUD-RACE-" + System.nanoTime();
    ok(
        post(
            "auditor",
            "/api/audits",
            """
            {"ref":"%s","auditDate":"%s","type":"DEEP_DIVE","serviceArea":"%s","team":"%s",
             "practitionerEmail":"practitioner@learningloop.example",
             "teamManagerEmail":"team-manager@learningloop.example","childRef":"C-1",
             "grade":"INADEQUATE","factors":["%s"]}
            """
                .formatted(ref, LocalDate.now().minusDays(2), AREA, TEAM, factor)));
    return ref;
  }

  private HttpRequest put(String user, String path, String json) {
    return request(user, path).PUT(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  private HttpRequest post(String user, String path, String json) {
    return request(user, path).POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return client.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String user, String path) {
    return DemoHttp.json("http://localhost:" + port, user, path);
  }

  private void ok(HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s: %s", request.method(), request.uri(), response.body())
        .isBetween(200, 201);
  }
}
