package org.learningloop.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_outbox} table, in plain SQL that runs the same on H2 and MySQL/MariaDB.
 * Instants are stored as UTC date-times. Sending is coordinated through the row itself: a node
 * claims a message with one conditional UPDATE, so any number of nodes can poll the same table and
 * each message has at most one sender at a time.
 *
 * <p>When a message is due is business time (the application's clock, which the tests and the demo
 * move); how long a claim lasts is the database's own clock, the one clock all nodes share, so a
 * node whose clock runs ahead cannot take over a live claim and one whose clock runs behind cannot
 * hold a claim for longer than it should.
 */
@Repository
class Outbox {

  private static final String COLUMNS =
      "id, notification_key, message_id, template, audit_ref, from_address, recipient_email, recipient_name, subject, "
          + "status, attempts, next_attempt_at, claimed_by, claimed_until, last_error, created_at, sent_at";

  private final JdbcTemplate jdbc;
  private volatile String databaseNow;

  Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The database's current UTC time as an SQL expression: MySQL and MariaDB have {@code
   * UTC_TIMESTAMP}; H2 runs inside this JVM, whose time zone is UTC, so its local time is UTC.
   */
  private String databaseNow() {
    String now = databaseNow;
    if (now == null) {
      String product =
          jdbc.execute(
              (ConnectionCallback<String>)
                  connection -> connection.getMetaData().getDatabaseProductName());
      now = product != null && product.startsWith("H2") ? "localtimestamp" : "utc_timestamp(6)";
      databaseNow = now;
    }
    return now;
  }

  boolean contains(String key) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from notification_outbox where notification_key = ?",
            Integer.class,
            key);
    return count != null && count > 0;
  }

  /**
   * Inserts the message unless its key is already there. Runs on the caller's connection (its
   * transaction) under a savepoint: when a concurrent transaction inserted the same key first, the
   * unique constraint refuses this insert, only the savepoint is rolled back, and the caller's
   * transaction goes on unharmed (no rollback-only mark, since the exception never leaves this
   * method).
   *
   * @return whether a row was inserted
   */
  boolean insertIfAbsent(
      String key,
      String messageId,
      Template template,
      String auditRef,
      String from,
      String recipientEmail,
      String recipientName,
      RenderedMail mail,
      Instant now) {
    return Boolean.TRUE.equals(
        jdbc.execute(
            (ConnectionCallback<Boolean>)
                connection -> {
                  Savepoint savepoint =
                      connection.getAutoCommit() ? null : connection.setSavepoint();
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          "insert into notification_outbox (notification_key, message_id, template, audit_ref, from_address, "
                              + "recipient_email, recipient_name, subject, text_body, html_body, ics_method, ics, status, attempts, "
                              + "next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
                    int i = 1;
                    insert.setString(i++, key);
                    insert.setString(i++, messageId);
                    insert.setString(i++, template.name());
                    insert.setString(i++, auditRef);
                    insert.setString(i++, from);
                    insert.setString(i++, recipientEmail);
                    insert.setString(i++, recipientName);
                    insert.setString(i++, mail.subject());
                    insert.setString(i++, mail.textBody());
                    insert.setString(i++, mail.htmlBody());
                    insert.setString(i++, mail.icsMethod());
                    insert.setString(i++, mail.ics());
                    insert.setObject(i++, utc(now));
                    insert.setObject(i, utc(now));
                    insert.executeUpdate();
                    release(connection, savepoint);
                    return true;
                  } catch (SQLException e) {
                    if (savepoint != null) {
                      connection.rollback(savepoint);
                      release(connection, savepoint);
                    }
                    DataAccessException translated =
                        jdbc.getExceptionTranslator().translate("outbox insert", null, e);
                    if (translated instanceof DuplicateKeyException) {
                      return false;
                    }
                    if (translated != null) {
                      throw translated;
                    }
                    throw e;
                  }
                }));
  }

  private static void release(Connection connection, Savepoint savepoint) throws SQLException {
    if (savepoint != null) {
      connection.releaseSavepoint(savepoint);
    }
  }

  /**
   * Ids of messages waiting to be sent at {@code now} (business time), oldest due first, not held
   * by a claim that is live by the database's clock.
   */
  List<Long> due(Instant now, int limit) {
    return jdbc.queryForList(
        "select id from notification_outbox where status = 'PENDING' and next_attempt_at <= ? "
            + "and (claimed_until is null or claimed_until < "
            + databaseNow()
            + ") order by next_attempt_at, id limit ?",
        Long.class,
        utc(now),
        limit);
  }

  /**
   * Claims one message for a sender, for {@code duration} by the database's clock: one atomic
   * UPDATE that succeeds for one node only. A claim that has run out (its node died mid-send) can
   * be taken over.
   *
   * @param now business time, to tell whether the message is due
   */
  Optional<OutboxMessage> claim(long id, String token, Instant now, Duration duration) {
    String databaseNow = databaseNow();
    int claimed =
        jdbc.update(
            "update notification_outbox set claimed_by = ?, claimed_until = timestampadd(second, ?, "
                + databaseNow
                + ") where id = ? and status = 'PENDING' and next_attempt_at <= ? "
                + "and (claimed_until is null or claimed_until < "
                + databaseNow
                + ")",
            token,
            Math.max(1, duration.toSeconds()),
            id,
            utc(now));
    if (claimed != 1) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select "
                + COLUMNS
                + ", text_body, html_body, ics_method, ics from notification_outbox "
                + "where id = ? and claimed_by = ?",
            FULL,
            id,
            token)
        .stream()
        .findFirst();
  }

  /** Records a delivery, if this sender still holds the claim. */
  boolean markSent(long id, String token, Instant now) {
    return jdbc.update(
            "update notification_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_by = null, "
                + "claimed_until = null, last_error = null where id = ? and claimed_by = ?",
            utc(now),
            id,
            token)
        == 1;
  }

  /**
   * Records a failed attempt: back to PENDING for another try at {@code nextAttempt}, or FAILED for
   * good.
   */
  boolean markFailed(
      long id, String token, OutboxMessage.Status status, Instant nextAttempt, String error) {
    return jdbc.update(
            "update notification_outbox set status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
                + "claimed_by = null, claimed_until = null where id = ? and claimed_by = ?",
            status.name(),
            utc(nextAttempt),
            truncate(error, 1000),
            id,
            token)
        == 1;
  }

  /**
   * An administrator's retry: a FAILED message is due again at once, with a fresh set of attempts.
   */
  boolean retry(long id, Instant now) {
    return jdbc.update(
            "update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_by = null, "
                + "claimed_until = null where id = ? and status = 'FAILED'",
            utc(now),
            id)
        == 1;
  }

  Optional<OutboxMessage> find(long id) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + ", text_body, html_body, ics_method, ics from notification_outbox "
                + "where id = ?",
            FULL,
            id)
        .stream()
        .findFirst();
  }

  Optional<OutboxMessage> findByKey(String key) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + ", text_body, html_body, ics_method, ics from notification_outbox "
                + "where notification_key = ?",
            FULL,
            key)
        .stream()
        .findFirst();
  }

  /** The newest messages first, without their bodies; {@code status} null for all. */
  List<OutboxMessage> list(OutboxMessage.Status status, int offset, int limit) {
    if (status == null) {
      return jdbc.query(
          "select " + COLUMNS + " from notification_outbox order by id desc limit ? offset ?",
          LIGHT,
          limit,
          offset);
    }
    return jdbc.query(
        "select "
            + COLUMNS
            + " from notification_outbox where status = ? order by id desc "
            + "limit ? offset ?",
        LIGHT,
        status.name(),
        limit,
        offset);
  }

  Map<OutboxMessage.Status, Long> countByStatus() {
    Map<OutboxMessage.Status, Long> counts = new EnumMap<>(OutboxMessage.Status.class);
    for (OutboxMessage.Status status : OutboxMessage.Status.values()) {
      counts.put(status, 0L);
    }
    jdbc.query(
        "select status, count(*) from notification_outbox group by status",
        (ResultSet rs) -> {
          counts.put(OutboxMessage.Status.valueOf(rs.getString(1)), rs.getLong(2));
        });
    return counts;
  }

  private static final RowMapper<OutboxMessage> LIGHT = (rs, n) -> map(rs, false);
  private static final RowMapper<OutboxMessage> FULL = (rs, n) -> map(rs, true);

  private static OutboxMessage map(ResultSet rs, boolean full) throws SQLException {
    return new OutboxMessage(
        rs.getLong("id"),
        rs.getString("notification_key"),
        rs.getString("message_id"),
        Template.valueOf(rs.getString("template")),
        rs.getString("audit_ref"),
        rs.getString("from_address"),
        rs.getString("recipient_email"),
        rs.getString("recipient_name"),
        rs.getString("subject"),
        full ? rs.getString("text_body") : null,
        full ? rs.getString("html_body") : null,
        full ? rs.getString("ics_method") : null,
        full ? rs.getString("ics") : null,
        OutboxMessage.Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        rs.getString("claimed_by"),
        instant(rs, "claimed_until"),
        rs.getString("last_error"),
        instant(rs, "created_at"),
        instant(rs, "sent_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String truncate(String text, int max) {
    if (text == null) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max);
  }
}
