package org.learningloop.reporting;

import java.util.List;

/**
 * The inadequate analysis and the follow-ups broken down by service area and team, for the
 * Assistant Directors and Service Managers to "target individual and team support". One population
 * throughout: the deep-dive audits dated in the analysis period and the follow-ups of those audits
 * (see {@link #population}).
 *
 * @param scope whose rows these are, in words ("all service areas", "Help and Protect")
 * @param rows a service area's total first, then its teams
 * @param suppressed whether counts of 1 to 4 are shown as "fewer than 5" (anything published)
 * @param note when the reader may see no breakdown, why; otherwise null
 */
public record ReportBreakdown(
    ReportPeriod period, String scope, List<Row> rows, boolean suppressed, String note) {

  /** What the breakdown counts, printed above it. */
  public String population() {
    return "Deep-dive audits dated "
        + period.rangeLabel()
        + " (thematic dip samples are not included), by the grade after moderation; follow-ups are"
        + " those of these audits, including any still open"
        + (suppressed
            ? "; counts of 1 to 4 are shown as “fewer than 5” to protect individuals."
            : ".");
  }

  /**
   * One service area (team null: the area's total) or one team.
   *
   * @param factors the inadequate audits' most frequent contributory factors, "Assessment quality
   *     (9)"
   */
  public record Row(
      String serviceArea,
      String team,
      String audits,
      String inadequate,
      String inadequatePercent,
      String moderated,
      String factors,
      String followUps,
      String open,
      String overdue,
      String closedWithinTarget) {

    public boolean total() {
      return team == null;
    }
  }
}
