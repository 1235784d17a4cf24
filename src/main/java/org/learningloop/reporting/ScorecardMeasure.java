package org.learningloop.reporting;

/** The measures the scorecard can show. */
public enum ScorecardMeasure {
  /** Deep-dive audits graded inadequate after moderation, of all deep dives, in each month. */
  INADEQUATE_RATE(
      "Audits graded inadequate (post moderation), per month", false, "deep-dive audits"),
  /** Follow-ups closed within the closure target, of those closed. */
  FOLLOW_UPS_CLOSED_WITHIN_TARGET(
      "Follow-ups of inadequate audits closed within target", true, "follow-ups closed"),
  /** Effectiveness re-audits graded better than inadequate, of those recorded. */
  RE_AUDITS_IMPROVED("Re-audits graded better than inadequate", true, "re-audits recorded"),
  /**
   * Actions set on the period's dip samples that were done on time (verified, the owner's
   * completion by the end of the due date), of those done.
   */
  ACTIONS_DONE_ON_TIME("Dip-sample actions done on time", true, "actions done");

  private final String label;
  private final boolean higherIsBetter;
  private final String base;

  ScorecardMeasure(String label, boolean higherIsBetter, String base) {
    this.label = label;
    this.higherIsBetter = higherIsBetter;
    this.base = base;
  }

  public String label() {
    return label;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** What the percentage is a share of, in words. */
  public String base() {
    return base;
  }
}
