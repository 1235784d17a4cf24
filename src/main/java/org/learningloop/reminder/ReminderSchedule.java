package org.learningloop.reminder;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sweeps every sweep-interval on every node; the outbox's keys make overlapping sweeps harmless.
 * Off in tests.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    prefix = "learning-loop.reminders",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class ReminderSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

  private final ReminderSweep sweep;
  private final ReminderProperties properties;
  private final AtomicLong completed = new AtomicLong();

  ReminderSchedule(ReminderSweep sweep, ReminderProperties properties) {
    this.sweep = sweep;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::run, properties.sweepInterval());
  }

  /** How many sweeps this node has finished since it started. */
  long completedSweeps() {
    return completed.get();
  }

  private void run() {
    try {
      sweep.sweep();
      completed.incrementAndGet();
    } catch (RuntimeException e) {
      // The database is unreachable, say: every rung is recomputed from the due dates, so the next
      // sweep catches up.
      log.warn(
          "Reminder sweep failed; trying again in {}: {}",
          properties.sweepInterval(),
          e.getMessage());
    }
  }
}
