package org.learningloop.reporting;

import java.util.List;
import java.util.Map;

/**
 * Everything the reports page and the committee report show for a period: figures, sentences
 * written from them as the council writes its report, charts and tables.
 *
 * @param analysisPeriod the period of the inadequate analysis (the report's own on the reports
 *     page; the six months before its last month in the committee report)
 * @param monthCharts one chart of judgements per month of the period
 * @param followUps the follow-up KPIs of the audits of the analysis period
 * @param findings one sentence per contributory factor of the inadequate audits
 * @param tables by name, in page order
 */
record ReportView(
    ReportPeriod period,
    ReportPeriod trendPeriod,
    ReportPeriod analysisPeriod,
    AuditSummaryReport summary,
    AuditSummaryReport trend,
    AuditSummaryReport analysis,
    DipSampleSummary dipSamples,
    FollowUpKpis followUps,
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
      List<String> followUps) {}

  public ReportTable table(String name) {
    return tables.get(name);
  }
}
