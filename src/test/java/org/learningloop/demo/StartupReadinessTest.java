package org.learningloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.learningloop.LearningLoopApplication;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Ready means ready, and shutting down lets work finish, on an application this test starts and
 * stops itself (with the tests' in-memory database). While the start-up runners put the demo users
 * and demo data in place the web server already answers, but readiness (and the overall health)
 * says 503 and liveness 200; the application reports ready only once the demo users can sign in and
 * the demo data is there. On shutdown readiness turns to refusing traffic, the job executor stops
 * acquiring, and a job already running finishes instead of being interrupted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupReadinessTest {

  /** What the probes answered over HTTP, by moment: before and after the demo start-up work. */
  static final Map<String, Map<String, Integer>> PROBES = new ConcurrentHashMap<>();

  /** What existed when the application announced it accepts traffic. */
  static final List<String> AT_READY = new CopyOnWriteArrayList<>();

  /** Readiness states announced after the application became ready, in order. */
  static final List<ReadinessState> LATER = new CopyOnWriteArrayList<>();

  @Configuration(proxyBeanMethods = false)
  static class Probes {

    @Bean
    @org.springframework.core.annotation.Order(DemoStartup.ORDER - 1)
    ApplicationRunner probeBeforeDemoWork(ServletWebServerApplicationContext context) {
      return args -> PROBES.put("before", probe(context.getWebServer().getPort()));
    }

    @Bean
    @org.springframework.core.annotation.Order(DemoStartup.ORDER + 1)
    ApplicationRunner probeAfterDemoWork(ServletWebServerApplicationContext context) {
      return args -> PROBES.put("after", probe(context.getWebServer().getPort()));
    }

    @Bean
    ApplicationListener<AvailabilityChangeEvent<ReadinessState>> recordWhatExistsAtReady(
        JdbcTemplate jdbc) {
      return event -> {
        if (!AT_READY.isEmpty()) {
          LATER.add(event.getState());
        } else if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
          AT_READY.addAll(
              jdbc.queryForList(
                  "select username from staff where username in ('pi-officer', 'admin')"
                      + " union all select 'demo story' from demo_story where finished_at is not null",
                  String.class));
        }
      };
    }

    private static Map<String, Integer> probe(int port) {
      Map<String, Integer> answers = new ConcurrentHashMap<>();
      for (String path :
          List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
        answers.put(path, status(port, path, null));
      }
      return answers;
    }
  }

  /** Leaves out classes nested in test classes, which component scanning would otherwise find. */
  static final class OtherTestsExcluded extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      String enclosing = reader.getClassMetadata().getEnclosingClassName();
      return enclosing != null && enclosing.endsWith("Test");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof OtherTestsExcluded;
    }

    @Override
    public int hashCode() {
      return OtherTestsExcluded.class.hashCode();
    }
  }

  private static ConfigurableApplicationContext app;
  private static int port;

  @BeforeAll
  static void start() {
    app =
        new SpringApplicationBuilder(LearningLoopApplication.class, Probes.class)
            // An engine of its own name: closing this application unregisters its engine, and the
            // engine REST API of other tests' contexts in this JVM looks theirs up by name.
            .properties("server.port=0", "camunda.bpm.process-engine-name=startup-readiness")
            // As @SpringBootTest does: other tests' nested configurations stay out of this one.
            .initializers(
                context ->
                    context
                        .getBeanFactory()
                        .registerSingleton("otherTestsExcluded", new OtherTestsExcluded()))
            .run();
    port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (app != null && app.isActive()) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void readinessStaysDownUntilTheDemoUsersAndDataArePresent() {
    assertThat(PROBES.get("before"))
        .containsEntry("/actuator/health/readiness", 503)
        .containsEntry("/actuator/health", 503)
        .containsEntry("/actuator/health/liveness", 200);
    assertThat(PROBES.get("after"))
        .as("the demo work is done, but the runners are not: still not ready")
        .containsEntry("/actuator/health/readiness", 503)
        .containsEntry("/actuator/health/liveness", 200);
    assertThat(AT_READY).containsExactlyInAnyOrder("pi-officer", "admin", "demo story");

    assertThat(status(port, "/actuator/health/readiness", null)).isEqualTo(200);
    assertThat(status(port, "/actuator/health", null)).isEqualTo(200);
  }

  @Test
  @Order(2)
  void aDemoUserSignsInAsSoonAsTheApplicationIsReady() {
    assertThat(status(port, "/tasks", "pi-officer")).isEqualTo(200);
  }

  @Test
  @Order(3)
  void shutdownLetsARunningJobFinishAndStopsAcquiringJobs() throws Exception {
    ThreadPoolTaskExecutor pool = app.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);
    var jobExecutor = app.getBean(org.camunda.bpm.engine.impl.jobexecutor.JobExecutor.class);
    assertThat(jobExecutor.isActive()).isTrue();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    AtomicBoolean interrupted = new AtomicBoolean();
    pool.execute(
        () -> {
          started.countDown();
          try {
            // Work that takes two seconds, as a slow job would.
            never.await(2, TimeUnit.SECONDS);
            finished.set(true);
          } catch (InterruptedException e) {
            interrupted.set(true);
          }
        });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    app.close();

    assertThat(interrupted).as("the running job was interrupted").isFalse();
    assertThat(finished).as("the running job finished before the application stopped").isTrue();
    assertThat(jobExecutor.isActive()).isFalse();
    assertThat(LATER).contains(ReadinessState.REFUSING_TRAFFIC);
  }

  private static int status(int port, String path, String user) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      String credentials = user + ":" + DemoUsers.PASSWORD;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(path + " did not answer", e);
    }
  }
}
