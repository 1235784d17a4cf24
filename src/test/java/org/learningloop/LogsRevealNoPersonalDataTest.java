package org.learningloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningloop.common.TimeConfiguration;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * No personal data in any log line: real flows over HTTP (failed sign-ins, an import and a rejected
 * one, a follow-up allocated, its conversations scheduled and recorded, support offered and
 * declined) with the application's own log output captured, which must name no email address,
 * person, child reference or password that went in; and the lines written while a request is served
 * carry its request id. Same application context as {@link MetricsScrapeTest}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "learning-loop.reminders.enabled=true",
      "learning-loop.reminders.sweep-interval=1s"
    })
@ExtendWith(OutputCaptureExtension.class)
class LogsRevealNoPersonalDataTest {

  private static final String PRACTITIONER_EMAIL = "zebedee.quartermain@council.example";
  private static final String PRACTITIONER_NAME = "Zebedee Quartermain";
  private static final String MANAGER_EMAIL = "ottoline.fairweather@council.example";
  private static final String MANAGER_NAME = "Ottoline Fairweather";
  private static final String CHILD_REF = "C-ZQ-771234";
  private static final String TYPED_PASSWORD = "Tr0ub4dor-and-3-Secret";
  private static final String STRANGER_EMAIL = "nobody.known@council.example";

  @Autowired TestRestTemplate http;

  @Test
  void realFlowsLogNoPersonalDataAndEveryRequestLineCarriesItsRequestId(CapturedOutput output) {
    // Failed sign-ins: an email address typed as the username, and a real account's wrong password.
    HttpHeaders withId = new HttpHeaders();
    withId.set("X-Request-Id", "ops-check-4711");
    ResponseEntity<String> refused =
        http.withBasicAuth(PRACTITIONER_EMAIL, TYPED_PASSWORD)
            .exchange("/api/follow-ups", HttpMethod.GET, new HttpEntity<>(withId), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(refused.getHeaders().getFirst("X-Request-Id")).isEqualTo("ops-check-4711");
    assertThat(
            http.withBasicAuth("practitioner", TYPED_PASSWORD)
                .getForEntity("/api/follow-ups", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // An import naming a new practitioner and team manager, and a rejected one.
    String ref = "LOGS-" + System.nanoTime();
    String date = LocalDate.now(TimeConfiguration.LONDON).minusDays(1).toString();
    String row =
        TestAudits.csvLine(
            ref,
            date,
            PRACTITIONER_EMAIL,
            PRACTITIONER_NAME,
            MANAGER_EMAIL,
            MANAGER_NAME,
            CHILD_REF,
            "INADEQUATE",
            "ASSESSMENT_QUALITY",
            "Spoke with " + PRACTITIONER_NAME + " about " + CHILD_REF);
    assertThat(TestAudits.importFile(http, TestAudits.CSV_HEADER + row).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String bad =
        row.replace(ref, ref + "-X")
            .replace(PRACTITIONER_EMAIL, STRANGER_EMAIL)
            .replace("INADEQUATE", "BRILLIANT");
    assertThat(TestAudits.importFile(http, TestAudits.CSV_HEADER + bad).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    // The follow-up it opened, worked through the API.
    String found =
        http.withBasicAuth("pi-lead", "demo")
            .getForObject("/api/follow-ups?auditRef=" + ref, String.class);
    long id = ((Number) JsonPath.read(found, "$.content[0].id")).longValue();
    String base = "/api/follow-ups/" + id;
    assertThat(
            post(
                    "pi-lead",
                    base + "/allocate",
                    "{\"officer\":\"pi-officer\",\"jointConversation\":true}")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(post("pi-lead", base + "/allocate", "{\"officer\":\"pi-officer\"}").getStatusCode())
        .as("allocated already")
        .isEqualTo(HttpStatus.CONFLICT);
    List<Integer> conversations =
        JsonPath.read(
            http.withBasicAuth("pi-officer", "demo").getForObject(base, String.class),
            "$.conversations[*].id");
    String path = base + "/conversations/" + conversations.get(0);
    String when = LocalDateTime.now(TimeConfiguration.LONDON).minusHours(1).withNano(0).toString();
    String schedule =
        "{\"startsAt\":\"" + when + "\",\"durationMinutes\":60,\"location\":\"Room 2\"}";
    assertThat(post("pi-officer", path + "/schedule", schedule).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            post(
                    "pi-officer",
                    path + "/outcome",
                    "{\"held\":false,\"reason\":\"" + PRACTITIONER_NAME + " was off sick\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            post(
                    "pi-officer",
                    base + "/support-items",
                    "{\"type\":\"INDIVIDUAL_COACHING\",\"description\":\"Coaching for "
                        + PRACTITIONER_NAME
                        + "\",\"owner\":\"PRACTITIONER\",\"dueDate\":\""
                        + LocalDate.now(TimeConfiguration.LONDON).plusDays(30)
                        + "\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(post("pi-officer", base + "/closure/propose", null).getStatusCode())
        .as("the conversation was not held")
        .isEqualTo(HttpStatus.CONFLICT);

    String logs = output.getAll();
    assertThat(logs)
        .isNotBlank()
        .doesNotContainIgnoringCase(PRACTITIONER_EMAIL)
        .doesNotContainIgnoringCase(MANAGER_EMAIL)
        .doesNotContainIgnoringCase(STRANGER_EMAIL)
        .doesNotContain("zebedee")
        .doesNotContain("Zebedee")
        .doesNotContain("Quartermain")
        .doesNotContain("Ottoline")
        .doesNotContain("Fairweather")
        .doesNotContain(CHILD_REF)
        .doesNotContain(TYPED_PASSWORD);
    assertThat(logs.lines().filter(line -> line.contains("Failed sign-in")))
        .as("the failed sign-in is logged, with the request id it came with")
        .anySatisfy(line -> assertThat(line).contains("[ops-check-4711]"));
  }

  private ResponseEntity<String> post(String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return http.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }
}
