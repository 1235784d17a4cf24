package org.learningloop.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * What each count of the committee report includes, in words, and why the follow-ups and the
 * inadequate analysis count different audits: the analysis counts deep dives only (as the council's
 * report does), while every audit graded inadequate is followed up, dip samples included, and a
 * follow-up stays counted when moderation later lifts its audit's grade.
 */
final class Populations {

  private Populations() {}

  /** The paragraph printed before the figures. */
  static String whatTheFiguresCount(ReportView report) {
    return "Audit judgements, moderation and the analysis of inadequate audits count deep-dive audits"
        + " by the date of the audit and the grade after moderation; thematic dip samples are not"
        + " included in them and are reported separately. Follow-ups count every audit dated "
        + report.analysisPeriod().rangeLabel()
        + " that was graded inadequate, deep dive or dip sample, and show where each stood as at "
        + report.followUps().asAt().format(org.learningloop.common.UkDates.DAY)
        + ".";
  }

  /**
   * "Of the 21 follow-ups, 20 are of the deep-dive audits graded inadequate counted above and 1 of
   * a thematic dip-sample audit …": how the follow-ups reconcile with the inadequate analysis.
   */
  /**
   * What the follow-ups of a period are of: deep dives and dip samples still graded inadequate, and
   * audits re-graded since (their follow-up ended as grade revised).
   */
  record Population(long deepDives, long dipSamples, long regraded) {}

  static String reconciliation(ReportView report, Population population) {
    long followUps = report.followUps().followUps();
    if (followUps == 0) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    parts.add(
        population.deepDives()
            + " "
            + (population.deepDives() == 1 ? "is" : "are")
            + " of the "
            + report.analysis().inadequate().count()
            + " deep-dive audits graded inadequate counted above");
    if (population.dipSamples() > 0) {
      parts.add(
          population.dipSamples()
              + (population.dipSamples() == 1
                  ? " of a thematic dip-sample audit"
                  : " of thematic dip-sample audits")
              + " graded inadequate, which the inadequate analysis does not count");
    }
    if (population.regraded() > 0) {
      parts.add(
          population.regraded()
              + " of "
              + (population.regraded() == 1 ? "an audit" : "audits")
              + " no longer graded inadequate after moderation");
    }
    String without = "";
    return "Of the "
        + followUps
        + (followUps == 1 ? " follow-up, " : " follow-ups, ")
        + join(parts)
        + ": every audit graded inadequate is followed up, while the analysis of inadequate audits"
        + " counts deep dives only."
        + without;
  }

  private static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
