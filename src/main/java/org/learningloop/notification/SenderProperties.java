package org.learningloop.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox is sent. Defaults in {@code application.yml}.
 *
 * @param enabled whether this node polls the outbox (tests switch it off and drive the sender
 *     themselves)
 * @param pollInterval pause between two polls
 * @param batchSize at most this many messages per poll
 * @param claimDuration how long a node owns a message it is sending; a node that dies mid-send
 *     loses it after this, so it must be longer than the SMTP timeouts
 * @param maxAttempts after this many failed attempts a message is FAILED and waits for an
 *     administrator
 * @param backoffBase wait after the first failure; doubled after each further one
 * @param backoffMax the longest wait between two attempts
 */
@Validated
@ConfigurationProperties("learning-loop.mail.sender")
record SenderProperties(
    boolean enabled,
    @NotNull Duration pollInterval,
    @Min(1) @Max(1000) int batchSize,
    @NotNull Duration claimDuration,
    @Min(1) @Max(100) int maxAttempts,
    @NotNull Duration backoffBase,
    @NotNull Duration backoffMax) {

  /**
   * The wait before the next attempt, after {@code failures} failed attempts: base, 2 x base, 4 x
   * base ... max.
   */
  Duration backoffAfter(int failures) {
    Duration delay = backoffBase;
    for (int i = 1; i < failures && delay.compareTo(backoffMax) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
  }
}
