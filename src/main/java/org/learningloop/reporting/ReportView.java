package org.learningloop.reporting;

import java.util.List;
import java.util.Map;

/**
 * Everything the reports page and the committee report show for a period: figures, sentences
 * written from them as the council writes its report, charts and tables.
 *
 * @param monthCharts one chart of judgements per month of the period
 * @param findings one sentence per contributory factor of the inadequate audits
 * @param tables by name, in page order
 */
record ReportView(
    ReportFigures figures,
    Sentences sentences,
    Chart trendChart,
    List<Chart> monthCharts,
    Chart factorChart,
    Chart followUpStatusChart,
    Chart followUpTimelinessChart,
    List<String> findings,
    Map<String, ReportTable> tables) {

  /** The report's prose, computed from the figures. */
  record Sentences(
      String trend,
      String mostWork,
      String activity,
      String moderation,
      String inadequate,
      List<String> followUps,
      List<String> dipSamples) {}

  public ReportTable table(String name) {
    return tables.get(name);
  }

  public ReportPeriod period() {
    return figures.period();
  }

  public ReportPeriod trendPeriod() {
    return figures.trendPeriod();
  }

  public ReportPeriod analysisPeriod() {
    return figures.analysisPeriod();
  }

  public AuditSummaryReport summary() {
    return figures.summary();
  }

  public AuditSummaryReport trend() {
    return figures.trend();
  }

  public AuditSummaryReport analysis() {
    return figures.analysis();
  }

  public DipSampleSummary dipSamples() {
    return figures.dipSamples();
  }

  public FollowUpKpis followUps() {
    return figures.followUps();
  }
}
