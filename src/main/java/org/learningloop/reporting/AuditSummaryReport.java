package org.learningloop.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.learningloop.audit.Grade;

/**
 * The body of {@code GET /api/reports/audit-summary}: deep-dive audits of a period counted by audit
 * date and effective (post-moderation) grade; percentages with one decimal. The contract is fixed
 * (PRODUCT.md).
 */
@JsonPropertyOrder({
  "from",
  "to",
  "audits",
  "moderated",
  "moderatedPercent",
  "gradeChanges",
  "months",
  "inadequate"
})
public record AuditSummaryReport(
    String from,
    String to,
    long audits,
    long moderated,
    double moderatedPercent,
    List<GradeChange> gradeChanges,
    List<Month> months,
    Inadequate inadequate) {

  /** Moderated audits whose moderated grade differs from the auditor's, counted per pair. */
  @JsonPropertyOrder({"from", "to", "count"})
  public record GradeChange(Grade from, Grade to, long count) {

    /** True when moderation judged the work worse than the auditor did. */
    public boolean downgrade() {
      return to.ordinal() > from.ordinal();
    }
  }

  @JsonPropertyOrder({
    "month",
    "audits",
    "outstanding",
    "good",
    "requiresImprovement",
    "inadequate",
    "inadequatePercent"
  })
  public record Month(
      String month,
      long audits,
      long outstanding,
      long good,
      long requiresImprovement,
      long inadequate,
      double inadequatePercent) {

    public long count(Grade grade) {
      return switch (grade) {
        case OUTSTANDING -> outstanding;
        case GOOD -> good;
        case REQUIRES_IMPROVEMENT -> requiresImprovement;
        case INADEQUATE -> inadequate;
      };
    }
  }

  /**
   * @param downgradedToInadequate moderated audits now Inadequate whose auditor grade was not, by
   *     auditor grade
   * @param factors contributory factors of the inadequate audits, most frequent first
   */
  @JsonPropertyOrder({
    "count",
    "percentOfAudits",
    "moderated",
    "moderatedPercent",
    "downgradedToInadequate",
    "factors"
  })
  public record Inadequate(
      long count,
      double percentOfAudits,
      long moderated,
      double moderatedPercent,
      Map<Grade, Long> downgradedToInadequate,
      Map<String, Long> factors) {}
}
