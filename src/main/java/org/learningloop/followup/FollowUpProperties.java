package org.learningloop.followup;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The follow-up's own settings; the stage targets and the re-audit period are the calendar's
 * ({@code learning-loop.deadlines.*}).
 *
 * @param safeguardingEscalationDays working days each manager a safety review is escalated to
 *     (Service Manager, then Assistant Director) has to confirm it before it goes one rung up
 */
@Validated
@ConfigurationProperties("learning-loop.follow-up")
public record FollowUpProperties(@Positive int safeguardingEscalationDays) {}
