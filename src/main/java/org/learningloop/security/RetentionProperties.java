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
 *     it ended; the follow-up module purges by it
 * @param accessLog how long access-log entries are kept
 * @param accessLogPurgeCron when the access-log purge runs (Spring cron, in the server's time zone)
 */
@Validated
@ConfigurationProperties("learning-loop.retention")
public record RetentionProperties(
    @DefaultValue("P7Y") @NotNull Period closedFollowUps,
    @DefaultValue("P2Y") @NotNull Period accessLog,
    @DefaultValue("0 30 2 * * *") @NotBlank String accessLogPurgeCron) {

  public RetentionProperties {
    if (closedFollowUps.isNegative()
        || closedFollowUps.isZero()
        || accessLog.isNegative()
        || accessLog.isZero()) {
      throw new IllegalArgumentException("Retention periods must be positive");
    }
  }
}
