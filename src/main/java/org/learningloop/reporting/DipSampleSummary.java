package org.learningloop.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningloop.dipsample.ActionFigures;
import org.learningloop.dipsample.DipSampleUnit;

/**
 * The thematic dip samples of a period, in month then theme order, each with its unit, sample size
 * and how its actions stand: the body of {@code GET /api/reports/dip-samples}.
 *
 * @param actions the figures of every dip sample's actions together
 */
public record DipSampleSummary(
    String from, String to, List<DipSample> dipSamples, ActionFigures actions) {

  public DipSampleSummary {
    dipSamples = List.copyOf(dipSamples);
  }

  /**
   * One dip sample.
   *
   * @param month {@code YYYY-MM}
   * @param unit {@code CASES}, {@code FAMILIES} or {@code ASSESSMENTS}
   * @param audits how many audits of the register belong to it
   */
  public record DipSample(
      String ref,
      String theme,
      String month,
      String serviceArea,
      DipSampleUnit unit,
      int sampleSize,
      int audits,
      ActionFigures actions) {

    /** "16 assessments", "1 family": for pages and sentences. */
    public String sampled() {
      return unit.count(sampleSize);
    }
  }

  /** The dip samples grouped by month, for pages: "December 2023" and that month's samples. */
  public List<Month> byMonth() {
    Map<String, List<DipSample>> months = new LinkedHashMap<>();
    dipSamples.forEach(d -> months.computeIfAbsent(d.month(), m -> new ArrayList<>()).add(d));
    List<Month> result = new ArrayList<>();
    months.forEach((month, samples) -> result.add(new Month(month, samples)));
    return result;
  }

  /** One month's dip samples. */
  public record Month(String month, List<DipSample> dipSamples) {

    public String monthName() {
      return ReportPeriod.monthName(YearMonth.parse(month));
    }
  }
}
