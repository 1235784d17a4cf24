package org.learningloop.support;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the database-facing tests (*IT) find MariaDB or MySQL: the Failsafe plugin passes {@code
 * it.db.url} (a fresh schema per build, {@code learningloop_it_<UTC timestamp>}), {@code
 * it.db.username} and {@code it.db.password}; run from an IDE, the defaults below apply. Point
 * elsewhere with {@code ./mvnw verify -Dit.db.host=HOST:PORT -Dit.db.username=U
 * -Dit.db.password=P}. Schemas of builds older than a day are dropped.
 */
public final class MariaDb {

  private static final String DEFAULT_URL =
      "jdbc:mysql://127.0.0.1:3306/learningloop_it_ide?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullDatabaseMeansCurrent=true";
  private static final String PREFIX = "learningloop_it_";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private static boolean cleaned;

  private MariaDb() {}

  public static String url() {
    return System.getProperty("it.db.url", DEFAULT_URL);
  }

  public static String username() {
    return System.getProperty("it.db.username", "root");
  }

  public static String password() {
    return System.getProperty("it.db.password", "");
  }

  /**
   * Points the application at the database, after dropping the schemas of old builds; named in
   * {@link OnMariaDb}, so every test that carries it has the same context configuration.
   */
  static final class Connection
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      dropSchemasOfOldBuilds();
      TestPropertyValues.of(
              "spring.datasource.url=" + url(),
              "spring.datasource.username=" + username(),
              "spring.datasource.password=" + password())
          .applyTo(context);
    }
  }

  private static synchronized void dropSchemasOfOldBuilds() {
    if (cleaned) {
      return;
    }
    cleaned = true;
    LocalDateTime dayAgo = LocalDateTime.now(ZoneOffset.UTC).minusDays(1);
    try (java.sql.Connection connection =
            DriverManager.getConnection(url(), username(), password());
        Statement statement = connection.createStatement()) {
      List<String> old = new ArrayList<>();
      try (ResultSet schemas =
          statement.executeQuery("show databases like 'learningloop\\_it\\_%'")) {
        while (schemas.next()) {
          String name = schemas.getString(1);
          if (builtBefore(name, dayAgo)) {
            old.add(name);
          }
        }
      }
      for (String name : old) {
        statement.execute("drop database `" + name + "`");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "MariaDB is not reachable at " + url() + ": " + e.getMessage(), e);
    }
  }

  private static boolean builtBefore(String schema, LocalDateTime limit) {
    try {
      return LocalDateTime.parse(schema.substring(PREFIX.length()), STAMP).isBefore(limit);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
