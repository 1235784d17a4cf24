package org.learningloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the application: a JVM process of the packaged jar (Failsafe passes its path as
 * {@code app.jar}) on the MariaDB schema the test names, as an operator starts a node. Optionally
 * on a clock of its own that the test moves ({@code libfaketime}, from Debian's package {@code
 * faketime}): the node's wall clock, and so its engine's timers, its sweep and its outbox, run that
 * far ahead; its monotonic clock is left alone.
 */
public final class AppNode {

  /** Debian's libfaketime, which {@code apt-get install faketime} puts here. */
  public static final Path FAKETIME =
      Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

  public final String name;
  public final int port;
  public final int managementPort;
  public final Path log;
  private final Process process;
  private final Path clock;

  private AppNode(
      String name, int port, int managementPort, Path log, Process process, Path clock) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
    this.process = process;
    this.clock = clock;
  }

  /**
   * Starts a node on {@code schemaUrl} with profile {@code mysql}.
   *
   * @param movableClock whether the node runs on a clock the test moves with {@link #clock}
   * @param args further Spring Boot arguments ({@code --name=value})
   */
  public static AppNode start(
      String name, String schemaUrl, boolean movableClock, List<String> args) {
    try {
      Path jar = Path.of(System.getProperty("app.jar", "target/learning-loop-0.1.0-SNAPSHOT.jar"));
      assertThat(jar).as("the packaged application (mvn package runs before the ITs)").exists();
      int port = freePort();
      int management = freePort();
      Path log = Files.createTempFile("node-" + name + "-", ".log");
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of(
              java(),
              "-Xmx768m",
              // Under libfaketime every clock read costs more: the client compiler alone and one
              // garbage collector thread keep a node's start (and its CPU) within bounds on a small
              // machine; the test is about behaviour, not speed.
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-jar",
              jar.toString(),
              "--server.port=" + port,
              "--management.server.port=" + management,
              "--camunda.bpm.job-execution.enabled=true"));
      command.addAll(args);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("SPRING_PROFILES_ACTIVE", "mysql");
      env.put("SPRING_DATASOURCE_URL", schemaUrl);
      env.put("SPRING_DATASOURCE_USERNAME", MariaDb.username());
      env.put("SPRING_DATASOURCE_PASSWORD", MariaDb.password());
      env.put("LEARNING_LOOP_INITIAL_ADMIN_PASSWORD", "two-nodes-initial-77");
      Path clock = null;
      if (movableClock) {
        assertThat(FAKETIME)
            .as("libfaketime moves a node's clock: apt-get install faketime")
            .exists();
        clock = Files.createTempFile("node-" + name + "-clock-", ".txt");
        Files.writeString(clock, "+0d");
        env.put("LD_PRELOAD", FAKETIME.toString());
        env.put("FAKETIME_TIMESTAMP_FILE", clock.toString());
        env.put("FAKETIME_CACHE_DURATION", "1");
        env.put("NO_FAKE_STAT", "1");
        env.put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
      }
      return new AppNode(name, port, management, log, builder.start(), clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until every node reports ready; fails with the end of their logs if one stops. */
  public static void awaitReady(List<AppNode> nodes, Duration limit) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(limit);
    Map<AppNode, Boolean> ready = new LinkedHashMap<>();
    while (Instant.now().isBefore(deadline) && ready.size() < nodes.size()) {
      for (AppNode node : nodes) {
        assertThat(node.process.isAlive())
            .as("node %s stopped: %s", node.name, tails(nodes))
            .isTrue();
        if (!ready.containsKey(node) && node.ready(http)) {
          ready.put(node, true);
        }
      }
      TimeUnit.SECONDS.sleep(2);
    }
    assertThat(ready).as("all nodes ready: %s", tails(nodes)).hasSize(nodes.size());
  }

  private boolean ready(HttpClient http) throws InterruptedException {
    try {
      return http.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:" + managementPort + "/actuator/health/readiness"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** The node's address, e.g. {@code http://localhost:41234}. */
  public String base() {
    return "http://localhost:" + port;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Moves this node's clock to {@code offset} ahead of the real one (libfaketime's notation, e.g.
   * {@code +9d}); the node sees it within a second or two.
   */
  public void clock(String offset) {
    assertThat(clock).as("node %s was started on its own clock", name).isNotNull();
    try {
      Files.writeString(clock, offset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code kill -9}: the node ends at once, whatever it holds. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  /** Stops the node as an operator would ({@code SIGTERM}), or kills it if it takes too long. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** The last lines of each node's log, for a failure message. */
  public static String tails(List<AppNode> nodes) {
    StringBuilder all = new StringBuilder();
    for (AppNode node : nodes) {
      try {
        List<String> lines = Files.readAllLines(node.log);
        all.append("\n--- node ")
            .append(node.name)
            .append(" (")
            .append(node.log)
            .append(") ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      } catch (IOException e) {
        all.append("\n(no log ").append(node.log).append(")");
      }
    }
    return all.toString();
  }

  /** A schema of its own for a test's nodes: the build's test schema with a suffix. */
  public static String schemaUrl(String suffix) {
    String url = MariaDb.url().replaceFirst("/([A-Za-z0-9_]+)\\?", "/$1_" + suffix + "?");
    assertThat(schema(url)).endsWith("_" + suffix);
    return url;
  }

  public static void dropSchema(String url) throws Exception {
    try (Connection c =
            DriverManager.getConnection(MariaDb.url(), MariaDb.username(), MariaDb.password());
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + schema(url));
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

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
