package org.learningloop.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.learningloop.audit.AuditRetention;
import org.learningloop.followup.FollowUpRetention;
import org.learningloop.notification.OutboxRetention;
import org.learningloop.security.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purges, nightly, what has outlived its retention period ({@code learning-loop.retention.*}):
 * follow-ups closed, withdrawn or ended by a revised grade more than {@code closed-follow-ups} ago
 * (and their audits' child references), and the bodies of emails sent more than {@code
 * outbox-bodies} ago; each run is recorded. Harmless on several nodes at once: a second run finds
 * nothing left to remove and records that.
 */
@Service
class RetentionPurge {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

  private final FollowUpRetention followUps;
  private final AuditRetention audits;
  private final OutboxRetention outbox;
  private final RetentionProperties retention;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  RetentionPurge(
      FollowUpRetention followUps,
      AuditRetention audits,
      OutboxRetention outbox,
      RetentionProperties retention,
      JdbcTemplate jdbc,
      Clock clock) {
    this.followUps = followUps;
    this.audits = audits;
    this.outbox = outbox;
    this.retention = retention;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(cron = "${learning-loop.retention.purge-cron:0 45 2 * * *}")
  void nightly() {
    run(clock.instant());
  }

  /** Purges what has expired at {@code now}, in one transaction, and records the run. */
  @Transactional
  RetentionRun run(Instant now) {
    Instant followUpsBefore =
        now.atZone(clock.getZone()).minus(retention.closedFollowUps()).toInstant();
    Instant outboxBefore = now.atZone(clock.getZone()).minus(retention.outboxBodies()).toInstant();
    List<String> purgedRefs = followUps.purgeEndedBefore(followUpsBefore);
    int cleared = audits.removeChildReferences(purgedRefs);
    int bodies = outbox.purgeBodiesSentBefore(outboxBefore);
    Instant finished = clock.instant();
    jdbc.update(
        "insert into retention_run (started_at, finished_at, follow_ups_ended_before,"
            + " outbox_sent_before, follow_ups_purged, audits_cleared, outbox_bodies_purged)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        utc(now),
        utc(finished.isBefore(now) ? now : finished),
        utc(followUpsBefore),
        utc(outboxBefore),
        purgedRefs.size(),
        cleared,
        bodies);
    log.info(
        "Retention purge: {} follow-ups ended before {} deleted, {} child references removed,"
            + " {} email bodies sent before {} removed",
        purgedRefs.size(),
        followUpsBefore,
        cleared,
        bodies,
        outboxBefore);
    return recent(1).get(0);
  }

  /** The latest runs, newest first. */
  @Transactional(readOnly = true)
  List<RetentionRun> recent(int count) {
    return jdbc.query(
        "select * from retention_run order by id desc limit ?",
        (rs, row) ->
            new RetentionRun(
                rs.getLong("id"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                instant(rs.getTimestamp("follow_ups_ended_before")),
                instant(rs.getTimestamp("outbox_sent_before")),
                rs.getInt("follow_ups_purged"),
                rs.getInt("audits_cleared"),
                rs.getInt("outbox_bodies_purged")),
        count);
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }
}
