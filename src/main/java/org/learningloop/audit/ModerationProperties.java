package org.learningloop.audit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The moderation sampling rule and its targets ({@code learning-loop.moderation.*}).
 *
 * @param alwaysModerated auditor grades every audit of which is moderated
 * @param randomShare the share (0 to 1) of each auditor's other audits of a month drawn at random
 *     (rounded up: an auditor with any such audit has at least one drawn when the share is above 0)
 * @param sampleSeed mixed into the draw, so that the same audits always give the same sample
 * @param targetWorkingDays working days from selection to the moderation's due date
 * @param challengeWindowWorkingDays working days after an audit (its date, or the day it was
 *     recorded when that is later) within which its practitioner or Team Manager may challenge it
 * @param challengeTargetWorkingDays working days from a challenge to the review's due date
 * @param drawOnDay the working day of a month (1 = the first) on which the previous month is drawn
 * @param autoDraw whether this node draws the previous month by itself (tests draw by hand)
 */
@Validated
@ConfigurationProperties("learning-loop.moderation")
public record ModerationProperties(
    @NotNull Set<Grade> alwaysModerated,
    @DecimalMin("0") @DecimalMax("1") double randomShare,
    @NotBlank String sampleSeed,
    @Min(1) @Max(60) int targetWorkingDays,
    @Min(1) @Max(60) int challengeWindowWorkingDays,
    @Min(1) @Max(60) int challengeTargetWorkingDays,
    @Min(1) @Max(10) int drawOnDay,
    boolean autoDraw) {}
