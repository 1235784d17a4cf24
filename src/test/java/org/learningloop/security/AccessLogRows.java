package org.learningloop.security;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows of the access log written and read past the application, for the retention tests. */
final class AccessLogRows {

  private AccessLogRows() {}

  /**
   * A VIEW of an audit, written straight to the table at {@code at}: stored as UTC wall-clock time,
   * as Hibernate writes it (hibernate.jdbc.time_zone=UTC).
   */
  static void insert(JdbcTemplate jdbc, Instant at, String principal, String resourceId) {
    jdbc.update(
        "insert into access_log (occurred_at, principal, action, resource_type, resource_id) values (?, ?, ?, ?, ?)",
        LocalDateTime.ofInstant(at, ZoneOffset.UTC),
        principal,
        "VIEW",
        "AUDIT",
        resourceId);
  }

  /** The resource ids of the rows whose resource id starts with {@code prefix}. */
  static List<String> resourceIdsStartingWith(JdbcTemplate jdbc, String prefix) {
    return jdbc.queryForList(
        "select resource_id from access_log where resource_id like ?", String.class, prefix + "%");
  }
}
