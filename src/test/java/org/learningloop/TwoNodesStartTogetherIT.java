package org.learningloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learningloop.support.AppNode;
import org.learningloop.support.MariaDb;

/**
 * Two nodes, two JVM processes of the packaged application, started at the same moment on an empty
 * database: both come up, the schema is migrated once, the process models are deployed once, and
 * there is one initial administrator.
 */
class TwoNodesStartTogetherIT {

  private final List<AppNode> nodes = new ArrayList<>();
  private String schemaUrl;

  @AfterEach
  void stopNodesAndDropTheSchema() throws Exception {
    for (AppNode node : nodes) {
      node.stop();
    }
    if (schemaUrl != null) {
      AppNode.dropSchema(schemaUrl);
    }
  }

  @Test
  void bothComeUpAndTheSchemaModelsAndAdministratorExistOnce() throws Exception {
    schemaUrl = AppNode.schemaUrl("two_nodes");
    for (String name : List.of("a", "b")) {
      nodes.add(
          AppNode.start(
              name, schemaUrl, false, List.of("--learning-loop.mail.sender.enabled=false")));
    }
    AppNode.awaitReady(nodes, Duration.ofMinutes(6));

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
}
