package org.learningloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * What an operator's Prometheus scrapes, over real HTTP: after an import through the API (which
 * opens a follow-up, its task in the PI team's queue and an email to the PI leads), the scrape
 * carries the follow-ups, tasks, outbox, engine, reminder sweep and import metrics with their
 * values; only an administrator may scrape.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // The reminder sweep runs on its schedule here, as in production, so that it is timed.
      "learning-loop.reminders.enabled=true",
      "learning-loop.reminders.sweep-interval=1s"
    })
class MetricsScrapeTest {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? ([-+0-9.eEINaf]+)$");

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @Test
  void aScrapeCarriesTheOperatorsMetricsWithValuesAfterRealActivity() throws IOException {
    Map<String, Double> before = scrape();
    String today =
        LocalDate.now(org.learningloop.common.TimeConfiguration.LONDON).minusDays(1).toString();
    String inadequate = TestAudits.uniqueRef("METRICS");
    String good = TestAudits.uniqueRef("METRICS");
    String file =
        TestAudits.CSV_HEADER
            + row(inadequate, today, "INADEQUATE", "ASSESSMENT_QUALITY")
            + row(good, today, "GOOD", "");
    var imported = TestAudits.importFile(http, file);
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody()).contains("\"created\":2");
    var rejected = TestAudits.importFile(http, file.replace(",GOOD,", ",BRILLIANT,"));
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // The sweep and the job executor run on their own threads: wait until each has run once. The
    // gauges keep a count for 5 seconds, so the new follow-up shows within that.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Map<String, Double> now = scrape();
              assertThat(now.get("learningloop_reminders_sweep_seconds_count")).isPositive();
              assertThat(now.get("learningloop_engine_job_acquisitions_total")).isPositive();
              assertThat(delta(before, now, "learningloop_followups_open{stage=\"ALLOCATION\"}"))
                  .isPositive();
            });
    Map<String, Double> after = scrape();

    assertThat(delta(before, after, "learningloop_audit_import_rows_total{outcome=\"created\"}"))
        .isEqualTo(2.0);
    assertThat(delta(before, after, "learningloop_audit_import_rows_total{outcome=\"rejected\"}"))
        .isEqualTo(2.0);
    assertThat(delta(before, after, "learningloop_followups_open{stage=\"ALLOCATION\"}"))
        .isEqualTo(1.0);
    assertThat(
            delta(
                before,
                after,
                "learningloop_tasks_open{group=\"practice-improvement\",list=\"queue\"}"))
        .isEqualTo(1.0);
    assertThat(delta(before, after, "learningloop_outbox_backlog")).isPositive();
    assertThat(after)
        .containsKeys(
            "learningloop_followups_overdue{stage=\"CONVERSATIONS\"}",
            "learningloop_tasks_overdue{group=\"pi-officer\",list=\"assigned\"}",
            "learningloop_outbox_retrying",
            "learningloop_outbox_failed",
            "learningloop_engine_jobs_acquired_total",
            "learningloop_engine_jobs_failed",
            "learningloop_engine_incidents_open",
            "learningloop_reminders_sweep_seconds_sum",
            "learningloop_audit_import_rows_total{outcome=\"unchanged\"}");
    // Nothing else sends in a test: the announcement to the PI leads waits, and so ages.
    assertThat(after.get("learningloop_outbox_oldest_unsent_age_seconds")).isPositive();
    assertThat(after.get("learningloop_engine_incidents_open")).isZero();

    // The dashboard in docker/ charts only what a scrape carries, from the address Prometheus
    // scrapes.
    String dashboard = Files.readString(Path.of("docker/grafana/dashboards/learning-loop.json"));
    Matcher charted = Pattern.compile("learningloop_[a-z_]+").matcher(dashboard);
    int names = 0;
    while (charted.find()) {
      String name = charted.group();
      assertThat(after.keySet()).as(name).anyMatch(key -> key.startsWith(name));
      names++;
    }
    assertThat(names).isGreaterThan(10);
    assertThat(Files.readString(Path.of("docker/prometheus/prometheus.yml")))
        .contains("metrics_path: /actuator/prometheus");
  }

  @Test
  void onlyAnAdministratorMayScrape() throws Exception {
    assertThat(scrapeStatus(null)).isEqualTo(401);
    for (String user : new String[] {"pi-lead", "pi-officer", "auditor", "service-manager"}) {
      assertThat(scrapeStatus(user)).as(user).isEqualTo(403);
    }
    assertThat(scrapeStatus("admin")).isEqualTo(200);
  }

  /** One request on a client of its own: no session or cookie from another request helps it. */
  private int scrapeStatus(String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String row(String ref, String date, String grade, String factors) {
    return TestAudits.demoPractitionerCsvLine(ref, date, grade, factors);
  }

  /** Every sample of a scrape, by name and labels (the application label left out). */
  private Map<String, Double> scrape() {
    var answer =
        http.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Double> samples = new HashMap<>();
    for (String line : answer.getBody().split("\n")) {
      Matcher m = SAMPLE.matcher(line.strip());
      if (line.startsWith("#") || !m.matches()) {
        continue;
      }
      String labels =
          m.group(2) == null
              ? ""
              : m.group(2)
                  .replaceAll("application=\"learning-loop\",?", "")
                  .replace(",}", "}")
                  .replace("{}", "");
      samples.put(m.group(1) + labels, Double.valueOf(m.group(3)));
    }
    return samples;
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
    assertThat(after).containsKey(key);
    return after.get(key) - before.getOrDefault(key, 0.0);
  }
}
