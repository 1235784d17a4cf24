package org.learningloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learningloop.support.MariaDb;

/**
 * Two nodes, two JVM processes of the packaged application, started at the same moment on an empty
 * database: both come up, the schema is migrated once, the process models are deployed once, and
 * there is one initial administrator.
 */
class TwoNodesStartTogetherIT {

  private static final Duration START_LIMIT = Duration.ofMinutes(6);

  private final List<Process> nodes = new ArrayList<>();
  private String schemaUrl;

  @AfterEach
  void stopNodesAndDropTheSchema() throws Exception {
    for (Process node : nodes) {
      node.destroy();
    }
    for (Process node : nodes) {
      if (!node.waitFor(90, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    if (schemaUrl != null) {
      try (Connection c =
              DriverManager.getConnection(MariaDb.url(), MariaDb.username(), MariaDb.password());
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + schema(schemaUrl));
      }
    }
  }

  @Test
  void bothComeUpAndTheSchemaModelsAndAdministratorExistOnce() throws Exception {
    schemaUrl = MariaDb.url().replaceFirst("/([A-Za-z0-9_]+)\\?", "/$1_two_nodes?");
    assertThat(schema(schemaUrl)).endsWith("_two_nodes");
    Path jar = Path.of(System.getProperty("app.jar", "target/learning-loop-0.1.0-SNAPSHOT.jar"));
    assertThat(jar).as("the packaged application (mvn package runs before the ITs)").exists();

    Map<Integer, Path> logs = new LinkedHashMap<>();
    for (int n = 1; n <= 2; n++) {
      int management = freePort();
      Path log = Files.createTempFile("node" + n + "-", ".log");
      logs.put(management, log);
      ProcessBuilder builder =
          new ProcessBuilder(
                  java(),
                  "-Xmx768m",
                  "-jar",
                  jar.toString(),
                  "--server.port=" + freePort(),
                  "--management.server.port=" + management,
                  "--camunda.bpm.job-execution.enabled=true")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("SPRING_PROFILES_ACTIVE", "mysql");
      builder.environment().put("SPRING_DATASOURCE_URL", schemaUrl);
      builder.environment().put("SPRING_DATASOURCE_USERNAME", MariaDb.username());
      builder.environment().put("SPRING_DATASOURCE_PASSWORD", MariaDb.password());
      builder.environment().put("LEARNING_LOOP_INITIAL_ADMIN_PASSWORD", "two-nodes-initial-77");
      builder.environment().put("LEARNING_LOOP_MAIL_SENDER_ENABLED", "false");
      nodes.add(builder.start());
    }

    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(START_LIMIT);
    Map<Integer, Integer> ready = new LinkedHashMap<>();
    while (Instant.now().isBefore(deadline) && ready.size() < 2) {
      for (int port : logs.keySet()) {
        if (ready.containsKey(port)) {
          continue;
        }
        try {
          int status =
              http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                          .timeout(Duration.ofSeconds(5))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode();
          if (status == 200) {
            ready.put(port, status);
          }
        } catch (IOException notYet) {
          // not listening yet
        }
      }
      for (Process node : nodes) {
        assertThat(node.isAlive()).as("a node stopped: %s", tails(logs)).isTrue();
      }
      TimeUnit.SECONDS.sleep(2);
    }
    assertThat(ready).as("both nodes ready: %s", tails(logs)).hasSize(2);

    try (Connection c =
            DriverManager.getConnection(schemaUrl, MariaDb.username(), MariaDb.password());
        Statement s = c.createStatement()) {
      assertThat(count(s, "select count(*) from flyway_schema_history where success = 0")).isZero();
      assertThat(count(s, "select count(*) from staff where username = 'admin'")).isEqualTo(1);
      assertThat(
              count(
                  s,
                  "select count(*) from (select KEY_ from ACT_RE_PROCDEF group by KEY_"
                      + " having count(*) > 1) twice"))
          .as("each process model deployed once")
          .isZero();
      assertThat(count(s, "select count(distinct KEY_) from ACT_RE_PROCDEF")).isPositive();
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String schema(String url) {
    String path = URI.create(url.substring("jdbc:".length())).getPath();
    return path.substring(1);
  }

  private static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tails(Map<Integer, Path> logs) {
    StringBuilder all = new StringBuilder();
    for (Path log : logs.values()) {
      try {
        List<String> lines = Files.readAllLines(log);
        all.append("\n--- ")
            .append(log)
            .append(" ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      } catch (IOException e) {
        all.append("\n(no log ").append(log).append(")");
      }
    }
    return all.toString();
  }
}
