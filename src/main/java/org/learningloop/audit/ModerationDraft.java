package org.learningloop.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A moderation as the moderator typed it: the body of {@code PUT /api/audits/{ref}/moderation} (the
 * moderator is the signed-in user).
 *
 * @param rationale required when the moderated grade differs from the auditor's
 * @param factors null to keep the audit's factors; a list replaces them (a downgrade to Inadequate
 *     needs one)
 */
@Schema(
    description =
        "A moderation: the moderated grade, when, why, and optionally revised contributory factors")
public record ModerationDraft(
    @Schema(hidden = true) String moderatorEmail,
    @Schema(example = "2024-01-22") String date,
    @Schema(example = "REQUIRES_IMPROVEMENT") String grade,
    @Schema(example = "Plan lacks timescales; not good yet.") String rationale,
    List<String> factors) {

  ModerationDraft withModerator(String email) {
    return new ModerationDraft(email, date, grade, rationale, factors);
  }
}
