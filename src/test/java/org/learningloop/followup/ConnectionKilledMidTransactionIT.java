package org.learningloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.learningloop.support.DemoHttp;
import org.learningloop.support.MariaDb;
import org.learningloop.support.OnMariaDb;
import org.learningloop.workflow.FollowUpProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database connection killed in the middle of a person's step ({@code KILL} from another session,
 * as a DBA, a failover or a network cut would end it): the request is told so (503, try again), the
 * database rolled the whole step back (no half-written follow-up, no email queued, the process
 * where it was), and the same step then succeeds once, with one email.
 */
@OnMariaDb
class ConnectionKilledMidTransactionIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aClaimWhoseConnectionIsKilledHalfWayLeavesNothingBehindAndCanBeTakenAgain()
      throws Exception {
    String ref = "AUD-KILL-" + System.nanoTime();
    send(
        "auditor",
        "/api/audits",
        """
        {"ref":"%s","auditDate":"%s","type":"DEEP_DIVE","serviceArea":"Help and Protect",
         "team":"Help and Protect Team 1","practitionerEmail":"practitioner@learningloop.example",
         "teamManagerEmail":"team-manager@learningloop.example","childRef":"C-1",
         "grade":"INADEQUATE","factors":["PLANNING"]}
        """
            .formatted(ref, LocalDate.now().minusDays(2)),
        201);
    long id =
        ((Number)
                JsonPath.read(
                    get("pi-lead", "/api/follow-ups?auditRef=" + ref).body(), "$.content[0].id"))
            .longValue();
    String process =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(FollowUpProcess.KEY)
            .processInstanceBusinessKey(ref)
            .singleResult()
            .getId();
    String before = get("pi-lead", "/api/follow-ups/" + id).body();

    CompletableFuture<HttpResponse<String>> claim;
    long rowsTheStepHadWritten;
    try (Connection blocker =
        DriverManager.getConnection(MariaDb.url(), MariaDb.username(), MariaDb.password())) {
      // Another session holds the follow-up's open task, so the claim stops half-way: its own row
      // locked and its first writes made, its next write waiting.
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.executeQuery(
                "select ID_ from ACT_RU_TASK where PROC_INST_ID_ = '" + process + "' for update")
            .close();
      }
      claim =
          CompletableFuture.supplyAsync(
              () ->
                  send(request("pi-officer", "/api/follow-ups/" + id + "/claim").POST(body("{}"))));
      long[] waiting = new long[2];
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                List<long[]> trx =
                    jdbc.query(
                        "select t.trx_mysql_thread_id, t.trx_rows_locked from information_schema.innodb_trx t"
                            + " join information_schema.processlist p on p.id = t.trx_mysql_thread_id"
                            + " where t.trx_state = 'LOCK WAIT' and p.db = database()",
                        (r, n) -> new long[] {r.getLong(1), r.getLong(2)});
                if (trx.size() != 1) {
                  return false;
                }
                waiting[0] = trx.get(0)[0];
                waiting[1] = trx.get(0)[1];
                return true;
              });
      rowsTheStepHadWritten = waiting[1];
      try (Statement s = blocker.createStatement()) {
        s.execute("KILL CONNECTION " + waiting[0]);
      }
      blocker.rollback();
    }

    HttpResponse<String> killed = claim.get(60, TimeUnit.SECONDS);
    assertThat(rowsTheStepHadWritten).as("the step was half-way: rows locked").isPositive();
    assertThat(killed.statusCode()).as(killed.body()).isEqualTo(503);
    assertThat(killed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat((String) JsonPath.read(killed.body(), "$.detail")).contains("Nothing was changed");

    String after = get("pi-lead", "/api/follow-ups/" + id).body();
    assertThat((Object) JsonPath.read(after, "$.assignee")).isNull();
    assertThat((List<Object>) JsonPath.read(after, "$.timeline"))
        .isEqualTo(JsonPath.read(before, "$.timeline"));
    assertThat(allocatedEmails(ref)).isZero();
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(process)
                .taskDefinitionKey(FollowUpProcess.Elements.Task_AllocateFollowUp)
                .count())
        .as("the process is still waiting for the allocation")
        .isEqualTo(1);

    // The application carries on with fresh connections, and the same step now succeeds once.
    HttpResponse<String> again =
        send(request("pi-officer", "/api/follow-ups/" + id + "/claim").POST(body("{}")));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat((String) JsonPath.read(again.body(), "$.assignee")).isEqualTo("pi-officer");
    assertThat(allocatedEmails(ref)).isEqualTo(1);
  }

  private int allocatedEmails(String ref) {
    return jdbc.queryForObject(
        "select count(*) from notification_outbox where audit_ref = ? and template = 'FOLLOW_UP_ALLOCATED'",
        Integer.class,
        ref);
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }

  private HttpResponse<String> get(String user, String path) {
    return send(request(user, path).GET());
  }

  private void send(String user, String path, String json, int expected) {
    HttpResponse<String> response = send(request(user, path).POST(body(json)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    return DemoHttp.json("http://localhost:" + port, user, path);
  }
}
