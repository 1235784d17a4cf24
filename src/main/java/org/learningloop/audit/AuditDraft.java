package org.learningloop.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An audit as someone typed it: the body of {@code POST /api/audits}, and one row of an import
 * file. Everything is text until the register has checked it, so that every mistake is reported
 * against its field, never as a parse failure of the whole request.
 *
 * @param auditorEmail blank for the signed-in user
 * @param moderatedGrade present when the audit was already moderated; then moderator and date are
 *     required too
 */
@Schema(
    description =
        "An audit to record; dates are YYYY-MM-DD, grades and factors are catalogue codes")
public record AuditDraft(
    @Schema(example = "AUD-2024-0001") String ref,
    @Schema(example = "2024-01-15") String auditDate,
    @Schema(
            example = "DEEP_DIVE",
            allowableValues = {"DEEP_DIVE", "THEMATIC_DIP_SAMPLE"})
        String type,
    @Schema(description = "Required for a thematic dip sample, absent for a deep dive")
        String theme,
    @Schema(example = "Help and Protect") String serviceArea,
    @Schema(example = "Help and Protect Team 1") String team,
    String practitionerEmail,
    String practitionerName,
    String teamManagerEmail,
    String teamManagerName,
    @Schema(description = "Pseudonymous case number, never a name", example = "C-104233")
        String childRef,
    String auditorEmail,
    @Schema(
            example = "INADEQUATE",
            allowableValues = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"})
        String grade,
    String moderatorEmail,
    String moderationDate,
    String moderatedGrade,
    String moderationRationale,
    @Schema(example = "[\"ASSESSMENT_QUALITY\", \"SIGNIFICANT_HARM_RISK\"]") List<String> factors,
    String notes) {

  public AuditDraft {
    factors = factors == null ? List.of() : factors.stream().map(f -> f == null ? "" : f).toList();
  }

  String value(AuditField field) {
    return switch (field) {
      case AUDIT_REF -> ref;
      case AUDIT_DATE -> auditDate;
      case AUDIT_TYPE -> type;
      case THEME -> theme;
      case SERVICE_AREA -> serviceArea;
      case TEAM -> team;
      case PRACTITIONER_EMAIL -> practitionerEmail;
      case PRACTITIONER_NAME -> practitionerName;
      case TEAM_MANAGER_EMAIL -> teamManagerEmail;
      case TEAM_MANAGER_NAME -> teamManagerName;
      case CHILD_REF -> childRef;
      case AUDITOR_EMAIL -> auditorEmail;
      case GRADE -> grade;
      case MODERATOR_EMAIL -> moderatorEmail;
      case MODERATION_DATE -> moderationDate;
      case MODERATED_GRADE -> moderatedGrade;
      case MODERATION_RATIONALE -> moderationRationale;
      case FACTORS -> String.join(";", factors);
      case NOTES -> notes;
    };
  }

  AuditDraft withAuditor(String email) {
    return with(
        email,
        new ModerationDraft(
            moderatorEmail, moderationDate, moderatedGrade, moderationRationale, factors));
  }

  AuditDraft withModeration(ModerationDraft moderation) {
    return with(
        auditorEmail,
        moderation.factors() == null
            ? new ModerationDraft(
                moderation.moderatorEmail(),
                moderation.date(),
                moderation.grade(),
                moderation.rationale(),
                factors)
            : moderation);
  }

  /** This draft with another auditor and moderation; the moderation's factors are the audit's. */
  private AuditDraft with(String auditor, ModerationDraft moderation) {
    return new AuditDraft(
        ref,
        auditDate,
        type,
        theme,
        serviceArea,
        team,
        practitionerEmail,
        practitionerName,
        teamManagerEmail,
        teamManagerName,
        childRef,
        auditor,
        grade,
        moderation.moderatorEmail(),
        moderation.date(),
        moderation.grade(),
        moderation.rationale(),
        moderation.factors(),
        notes);
  }
}
