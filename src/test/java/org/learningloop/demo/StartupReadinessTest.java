package org.learningloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ready means ready: while the start-up runners put the demo users and demo data in place, the web
 * server already answers, but readiness (and the overall health) says 503 and liveness says 200;
 * the application reports ready only once the demo users can sign in and the demo data is there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupReadinessTest {

  /** What the probes answered over HTTP, by moment: before and after the demo start-up work. */
  static final Map<String, Map<String, Integer>> PROBES = new ConcurrentHashMap<>();

  /** What existed when the application announced it accepts traffic. */
  static final List<String> AT_READY = new CopyOnWriteArrayList<>();

  @TestConfiguration
  static class Probes {

    @Bean
    @Order(DemoStartup.ORDER - 1)
    ApplicationRunner probeBeforeDemoWork(ServletWebServerApplicationContext context) {
      return args -> PROBES.put("before", probe(context));
    }

    @Bean
    @Order(DemoStartup.ORDER + 1)
    ApplicationRunner probeAfterDemoWork(ServletWebServerApplicationContext context) {
      return args -> PROBES.put("after", probe(context));
    }

    @Bean
    ApplicationListener<AvailabilityChangeEvent<ReadinessState>> recordWhatExistsAtReady(
        JdbcTemplate jdbc) {
      return event -> {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
          AT_READY.addAll(
              jdbc.queryForList(
                  "select username from staff where username in ('pi-officer', 'admin')"
                      + " union all select ref from audit where ref = ?",
                  String.class,
                  DemoAudits.MARKER_REF));
        }
      };
    }

    private static Map<String, Integer> probe(ServletWebServerApplicationContext context) {
      int port = context.getWebServer().getPort();
      HttpClient client = HttpClient.newHttpClient();
      Map<String, Integer> answers = new ConcurrentHashMap<>();
      for (String path :
          List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
        try {
          answers.put(
              path,
              client
                  .send(
                      HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode());
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException("The probe " + path + " did not answer", e);
        }
      }
      return answers;
    }
  }

  @Autowired TestRestTemplate http;

  @Test
  void readinessStaysDownUntilTheDemoUsersAndDataArePresent() {
    assertThat(PROBES.get("before"))
        .containsEntry("/actuator/health/readiness", 503)
        .containsEntry("/actuator/health", 503)
        .containsEntry("/actuator/health/liveness", 200);
    assertThat(PROBES.get("after"))
        .as("the demo work is done, but the runners are not: still not ready")
        .containsEntry("/actuator/health/readiness", 503)
        .containsEntry("/actuator/health/liveness", 200);
    assertThat(AT_READY).containsExactlyInAnyOrder("pi-officer", "admin", DemoAudits.MARKER_REF);

    assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDemoUserSignsInAsSoonAsTheApplicationIsReady() {
    var answer =
        http.withBasicAuth("pi-officer", DemoUsers.PASSWORD).getForEntity("/tasks", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
