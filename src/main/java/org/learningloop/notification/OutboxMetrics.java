package org.learningloop.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.learningloop.common.RecentReading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators watch it, from one grouped count per scrape: what waits to be sent, what
 * is being retried after a failed attempt, what failed for good (until an administrator retries
 * it), and how long the oldest unsent email has waited.
 */
@Component
class OutboxMetrics implements MeterBinder {

  private record Backlog(long pending, long retrying, long failed, Instant oldestPending) {}

  private final RecentReading<Backlog> reading;
  private final Clock clock;

  OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
    this.clock = clock;
    this.reading =
        new RecentReading<>(
            () -> {
              long[] pending = new long[2];
              long[] failed = new long[1];
              Instant[] oldest = new Instant[1];
              jdbc.query(
                  "select status, count(*), sum(case when attempts > 0 then 1 else 0 end),"
                      + " min(created_at) from notification_outbox where status in (?, ?)"
                      + " group by status",
                  rs -> {
                    if (OutboxMessage.Status.PENDING.name().equals(rs.getString(1))) {
                      pending[0] = rs.getLong(2);
                      pending[1] = rs.getLong(3);
                      Timestamp created = rs.getTimestamp(4);
                      oldest[0] = created == null ? null : created.toInstant();
                    } else {
                      failed[0] = rs.getLong(2);
                    }
                  },
                  OutboxMessage.Status.PENDING.name(),
                  OutboxMessage.Status.FAILED.name());
              return new Backlog(pending[0], pending[1], failed[0], oldest[0]);
            },
            Duration.ofSeconds(5));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("learningloop.outbox.backlog", () -> reading.get().pending())
        .description("Emails waiting to be sent")
        .register(registry);
    Gauge.builder("learningloop.outbox.retrying", () -> reading.get().retrying())
        .description("Emails waiting to be sent again after a failed attempt")
        .register(registry);
    Gauge.builder("learningloop.outbox.failed", () -> reading.get().failed())
        .description("Emails that failed every attempt, until an administrator retries them")
        .register(registry);
    Gauge.builder("learningloop.outbox.oldest.unsent.age", this::oldestUnsentAgeSeconds)
        .description("How long the oldest unsent email has waited (0 when none waits)")
        .baseUnit("seconds")
        .register(registry);
  }

  private double oldestUnsentAgeSeconds() {
    Instant oldest = reading.get().oldestPending();
    if (oldest == null) {
      return 0;
    }
    return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }
}
