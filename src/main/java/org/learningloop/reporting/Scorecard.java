package org.learningloop.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.learningloop.audit.Grade;

/**
 * The committee report's appendix, the Children's Social Care Performance Scorecard: each
 * configured measure with its figure, what the figure counts, its target and a RAG status in words
 * (never in colour alone).
 *
 * @param rows one per measure and month (the inadequate rate) or per measure (the others)
 * @param notMeasured measures the council's scorecard has and the system cannot yet support, and
 *     why
 */
public record Scorecard(List<Row> rows, List<String> notMeasured) {

  /**
   * @param measure the measure's name
   * @param period the month or months it covers
   * @param value "13.0% (2 of 15 deep-dive audits)", or what is missing
   * @param target "at most 10%"
   * @param status "Green: on target", "Amber: …", "Red: …" or "Not rated: …"
   */
  public record Row(String measure, String period, String value, String target, String status) {}

  static Scorecard of(ScorecardProperties settings, ReportView report) {
    List<Row> rows = new ArrayList<>();
    for (ScorecardProperties.Target t : settings.measures()) {
      switch (t.measure()) {
        case INADEQUATE_RATE -> {
          for (AuditSummaryReport.Month m : report.summary().months()) {
            rows.add(
                row(
                    t,
                    ReportPeriod.monthName(YearMonth.parse(m.month())),
                    m.inadequate(),
                    m.audits()));
          }
        }
        case FOLLOW_UPS_CLOSED_WITHIN_TARGET ->
            rows.add(
                row(
                    t,
                    "Inadequate audits of " + report.analysisPeriod().rangeLabel(),
                    report.followUps().closedWithinTarget(),
                    report.followUps().closed()));
        case RE_AUDITS_IMPROVED -> {
          FollowUpKpis.ReAudits reAudits = report.followUps().reAudits();
          long inadequate = reAudits.grades().getOrDefault(Grade.INADEQUATE, 0L);
          rows.add(
              row(
                  t,
                  "Inadequate audits of " + report.analysisPeriod().rangeLabel(),
                  reAudits.recorded() - inadequate,
                  reAudits.recorded()));
        }
        case ACTIONS_DONE_ON_TIME ->
            rows.add(
                row(
                    t,
                    "Dip samples of " + report.period().rangeLabel(),
                    report.dipSamples().actions().doneOnTime(),
                    report.dipSamples().actions().done()));
      }
    }
    return new Scorecard(List.copyOf(rows), List.of());
  }

  private static Row row(ScorecardProperties.Target t, String period, long part, long whole) {
    ScorecardMeasure m = t.measure();
    String target = (m.higherIsBetter() ? "at least " : "at most ") + plain(t.target()) + "%";
    if (whole == 0) {
      return new Row(
          m.label(), period, "No " + m.base(), target, "Not rated: nothing to measure yet");
    }
    double percent = Percent.of(part, whole);
    String value =
        Percent.oneDecimal(percent) + "% (" + part + " of " + whole + " " + m.base() + ")";
    return new Row(m.label(), period, value, target, status(t, BigDecimal.valueOf(percent)));
  }

  /** Green on target; Amber within the margin beyond it; Red further off. */
  static String status(ScorecardProperties.Target t, BigDecimal percent) {
    BigDecimal target = t.target();
    boolean higher = t.measure().higherIsBetter();
    boolean met = higher ? percent.compareTo(target) >= 0 : percent.compareTo(target) <= 0;
    if (met) {
      return "Green: on target";
    }
    BigDecimal off = percent.subtract(target).abs();
    if (off.compareTo(t.amberMargin()) <= 0) {
      return "Amber: "
          + plain(off)
          + " percentage points "
          + (higher ? "below" : "above")
          + " target";
    }
    return "Red: " + plain(off) + " percentage points " + (higher ? "below" : "above") + " target";
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
