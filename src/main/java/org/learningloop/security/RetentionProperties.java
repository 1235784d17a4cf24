package org.learningloop.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long personal data is kept ({@code learning-loop.retention.*}). The engine's own history is
 * removed by its history cleanup (removal-time based, see {@code camunda.bpm.generic-properties} in
 * {@code application.yml}).
 *
 * @param closedFollowUps how long a closed (or withdrawn, or grade-revised) follow-up is kept after
 *     it ended; then it is deleted, and its audit's child reference with it (the retention module)
 * @param accessLog how long access-log entries are kept
 * @param accessLogPurgeCron when the access-log purge runs (Spring cron, in the server's time zone)
 * @param outboxBodies how long the rendered text of a sent email is kept after it was sent
 * @param purgeCron when the purge of follow-ups and outbox bodies runs (Spring cron)
 */
@Validated
@ConfigurationProperties("learning-loop.retention")
public record RetentionProperties(
    @DefaultValue("P7Y") @NotNull Period closedFollowUps,
    @DefaultValue("P2Y") @NotNull Period accessLog,
    @DefaultValue("0 30 2 * * *") @NotBlank String accessLogPurgeCron,
    @DefaultValue("P14D") @NotNull Period outboxBodies,
    @DefaultValue("0 45 2 * * *") @NotBlank String purgeCron) {

  public RetentionProperties {
    if (closedFollowUps.isNegative()
        || closedFollowUps.isZero()
        || accessLog.isNegative()
        || accessLog.isZero()
        || outboxBodies.isNegative()
        || outboxBodies.isZero()) {
      throw new IllegalArgumentException("Retention periods must be positive");
    }
  }
}
