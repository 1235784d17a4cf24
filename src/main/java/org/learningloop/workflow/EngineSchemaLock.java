package org.learningloop.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One node at a time creates or checks the engine's tables. Two nodes starting together on an empty
 * MySQL or MariaDB database would otherwise both run the engine's create scripts, and the second
 * would fail on "Table 'ACT_ID_GROUP' already exists". The engine's schema work happens between
 * {@link #preInit} and {@link #postProcessEngineBuild}; a named database lock ({@code GET_LOCK},
 * held by one connection for that time) makes the second node wait for the first, then find the
 * tables there. Flyway takes its own lock for our tables; the embedded H2 has one node.
 */
@Component
class EngineSchemaLock extends AbstractProcessEnginePlugin {

  static final String LOCK = "learningloop.engine-schema";

  /** Long enough for a first start on a slow database; a node that waits longer stops. */
  static final int WAIT_SECONDS = 600;

  private static final Logger log = LoggerFactory.getLogger(EngineSchemaLock.class);

  private final DataSource dataSource;
  private Connection held;

  EngineSchemaLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (!product.contains("mysql") && !product.contains("mariadb")) {
        connection.close();
        return;
      }
      try (PreparedStatement lock = connection.prepareStatement("select get_lock(?, ?)")) {
        lock.setString(1, LOCK);
        lock.setInt(2, WAIT_SECONDS);
        try (ResultSet result = lock.executeQuery()) {
          if (!result.next() || result.getInt(1) != 1) {
            connection.close();
            throw new IllegalStateException(
                "Another node held the engine's schema lock for "
                    + WAIT_SECONDS
                    + " s; is a start-up stuck?");
          }
        }
      }
      held = connection;
      log.debug("Holding the engine's schema lock while the engine starts");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the engine's schema lock", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (held == null) {
      return;
    }
    try (Connection connection = held;
        PreparedStatement release = connection.prepareStatement("select release_lock(?)")) {
      release.setString(1, LOCK);
      release.executeQuery().close();
    } catch (SQLException e) {
      // Closing the connection releases the lock too.
      log.warn("Could not release the engine's schema lock cleanly: {}", e.getMessage());
    } finally {
      held = null;
    }
  }
}
