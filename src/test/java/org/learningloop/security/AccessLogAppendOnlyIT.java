package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.learningloop.support.OnMariaDb;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On MySQL/MariaDB the database itself keeps the access log append-only: no update, and no delete
 * but the retention purge's, of expired rows only.
 */
@OnMariaDb
class AccessLogAppendOnlyIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired AccessLog accessLog;
  @Autowired AccessLogRetention retention;

  @Test
  void rowsCannotBeChangedOrDeletedBehindTheApplicationsBack() {
    String ref = "IT-" + System.nanoTime();
    accessLog.record("pi-officer", "VIEW", "AUDIT", ref);

    assertThatThrownBy(
            () ->
                jdbc.update(
                    "update access_log set principal = 'nobody' where resource_id = ?", ref))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from access_log where resource_id = ?", ref))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(
            jdbc.queryForObject(
                "select principal from access_log where resource_id = ?", String.class, ref))
        .isEqualTo("pi-officer");
  }

  @Test
  void theRetentionPurgeDeletesExpiredRowsOnly() {
    String ref = "IT-RET-" + System.nanoTime();
    Instant longAgo = Instant.now().minus(3 * 366, ChronoUnit.DAYS);
    AccessLogRows.insert(jdbc, longAgo, "x", ref + "-expired");
    accessLog.record("pi-officer", "VIEW", "AUDIT", ref + "-current");

    assertThat(retention.purgeExpired()).isGreaterThanOrEqualTo(1);

    assertThat(AccessLogRows.resourceIdsStartingWith(jdbc, ref)).containsExactly(ref + "-current");
    // The purge's permission ended with it.
    assertThatThrownBy(
            () -> jdbc.update("delete from access_log where resource_id = ?", ref + "-current"))
        .isInstanceOf(DataAccessException.class);
  }
}
