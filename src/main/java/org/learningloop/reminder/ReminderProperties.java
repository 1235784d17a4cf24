package org.learningloop.reminder;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The reminder sweep.
 *
 * @param enabled whether this node sweeps (tests sweep by hand)
 * @param sweepInterval how often: a rung is emailed at most this long after it is reached
 */
@Validated
@ConfigurationProperties("learning-loop.reminders")
public record ReminderProperties(@NotNull Boolean enabled, @NotNull Duration sweepInterval) {}
