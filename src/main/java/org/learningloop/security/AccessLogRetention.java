package org.learningloop.security;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes access-log entries older than {@code learning-loop.retention.access-log}, nightly. Safe
 * on several nodes at once: each deletes what has expired, and a second run finds nothing. On
 * MySQL/MariaDB the table's trigger refuses any delete unless this session first names the cut-off
 * ({@code @access_log_purge_before}), and then only of older rows.
 */
@Component
class AccessLogRetention {

  private static final Logger log = LoggerFactory.getLogger(AccessLogRetention.class);
  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final AccessLogEntries entries;
  private final EntityManager entityManager;
  private final RetentionProperties retention;
  private final Clock clock;

  AccessLogRetention(
      AccessLogEntries entries,
      EntityManager entityManager,
      RetentionProperties retention,
      Clock clock) {
    this.entries = entries;
    this.entityManager = entityManager;
    this.retention = retention;
    this.clock = clock;
  }

  @Scheduled(cron = "${learning-loop.retention.access-log-purge-cron:0 30 2 * * *}")
  @Transactional
  void purgeNightly() {
    purgeExpired();
  }

  /**
   * @return how many entries were deleted
   */
  @Transactional
  int purgeExpired() {
    Instant cutoff =
        clock.instant().atZone(clock.getZone()).minus(retention.accessLog()).toInstant();
    // Stored as UTC wall-clock time (hibernate.jdbc.time_zone=UTC); the literal is built here,
    // never from input.
    String literal = SQL_TIMESTAMP.format(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    entityManager
        .createNativeQuery("set @access_log_purge_before = '" + literal + "'")
        .executeUpdate();
    try {
      int deleted = entries.deleteOlderThan(cutoff);
      if (deleted > 0) {
        log.info("Deleted {} access-log entries older than {}", deleted, cutoff);
      }
      return deleted;
    } finally {
      entityManager.createNativeQuery("set @access_log_purge_before = null").executeUpdate();
    }
  }
}
