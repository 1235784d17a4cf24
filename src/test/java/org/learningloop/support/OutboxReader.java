package org.learningloop.support;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The notification outbox, read as the tests that look at who was emailed read it. */
public final class OutboxReader {

  private OutboxReader() {}

  /** The recipients of the emails of a template about an audit, in no particular order. */
  public static List<String> recipients(JdbcTemplate jdbc, String template, String auditRef) {
    return jdbc.queryForList(
        "select recipient_email from notification_outbox where template = ? and audit_ref = ?",
        String.class,
        template,
        auditRef);
  }
}
