package org.learningloop.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Targets of the follow-up's stages, in working days.
 *
 * @param allocationDays from creation to allocation
 * @param safeguardingDays for the Team Manager to confirm the child's safety review
 * @param safeguardingEscalationDays for each manager the check is escalated to (Service Manager, Assistant Director)
 * @param conversationsDays from allocation until both conversations are held
 * @param closureDays from allocation until closure
 * @param reAuditAfter how long after closure the effectiveness re-audit falls due
 */
@Validated
@ConfigurationProperties("learning-loop.follow-up")
public record FollowUpProperties(
    @Positive int allocationDays,
    @Positive int safeguardingDays,
    @Positive int safeguardingEscalationDays,
    @Positive int conversationsDays,
    @Positive int closureDays,
    @NotNull Period reAuditAfter) {}
