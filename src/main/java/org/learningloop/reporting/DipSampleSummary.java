package org.learningloop.reporting;

import java.util.List;

/**
 * Thematic dip samples of a period, by month and theme: the body of {@code GET
 * /api/reports/dip-samples}.
 *
 * @param count audits (cases) sampled under the theme that month
 */
public record DipSampleSummary(String from, String to, long total, List<Month> months) {

  public record Month(String month, List<Theme> themes) {

    /** "December 2023", for pages. */
    public String monthName() {
      return ReportPeriod.monthName(java.time.YearMonth.parse(month));
    }
  }

  public record Theme(String theme, long count) {}
}
