package org.learningloop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the rendered text of emails sent before the cut-off (their body and calendar invite); who
 * was told what and when (recipient, template, audit ref, times) stays as the record of sending.
 */
@Component
public class OutboxRetention {

  private final JdbcTemplate jdbc;

  OutboxRetention(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return how many messages had their bodies removed
   */
  @Transactional
  public int purgeBodiesSentBefore(Instant cutoff) {
    return jdbc.update(
        "update notification_outbox set text_body = '', html_body = '', ics = null"
            + " where status = 'SENT' and sent_at < ? and length(text_body) > 0",
        Timestamp.valueOf(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC)));
  }
}
