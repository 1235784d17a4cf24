package org.learningloop.reporting;

import java.util.function.Function;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.springframework.stereotype.Service;

/**
 * Puts a report together: gathers the period's summary, the twelve-month trend, the inadequate
 * analysis, the follow-up of the inadequate audits and the dip samples, then has {@link
 * ReportSentences}, {@link Charts} and {@link ReportTables} write them out. Three aggregate queries
 * per summary and three for the follow-ups, whatever the number of audits.
 */
@Service
class Reports {

  private final AuditSummaries summaries;
  private final DipSampleReports dipSamples;
  private final FollowUpKpiReports followUpKpis;
  private final Catalogues catalogues;

  Reports(
      AuditSummaries summaries,
      DipSampleReports dipSamples,
      FollowUpKpiReports followUpKpis,
      Catalogues catalogues) {
    this.summaries = summaries;
    this.dipSamples = dipSamples;
    this.followUpKpis = followUpKpis;
    this.catalogues = catalogues;
  }

  /** The reports page: the inadequate analysis covers the period itself. */
  ReportView forPage(ReportPeriod period) {
    return build(period, period);
  }

  /**
   * The committee report: the inadequate analysis covers the six months before the period's last
   * month.
   */
  ReportView forCommittee(ReportPeriod period) {
    return build(period, period.sixMonthsBeforeEnd());
  }

  /** One table by name, over the given period (for its CSV). */
  ReportTable table(String name, ReportPeriod period) {
    if (!ReportTables.NAMES.contains(name)) {
      throw ReportProblem.unknownTable(name);
    }
    return forPage(period).table(name);
  }

  private ReportView build(ReportPeriod period, ReportPeriod analysisPeriod) {
    ReportPeriod trendPeriod = period.twelveMonthsToEnd();
    AuditSummaryReport summary = summaries.summarise(period);
    ReportFigures figures =
        new ReportFigures(
            period,
            trendPeriod,
            analysisPeriod,
            summary,
            trendPeriod.equals(period) ? summary : summaries.summarise(trendPeriod),
            analysisPeriod.equals(period) ? summary : summaries.summarise(analysisPeriod),
            dipSamples.summarise(period),
            followUpKpis.summarise(analysisPeriod));
    Function<String, String> factorLabel =
        code -> catalogues.factor(code).map(CatalogueEntry::label).orElse(code);
    return new ReportView(
        figures,
        ReportSentences.of(figures),
        Charts.trend(trendPeriod, figures.trend()),
        Charts.months(summary),
        Charts.factors(analysisPeriod, figures.analysis(), factorLabel),
        Charts.followUpStatus(analysisPeriod, figures.followUps()),
        Charts.followUpTimeliness(analysisPeriod, figures.followUps()),
        ReportSentences.findings(figures.analysis(), factorLabel),
        ReportTables.of(figures, factorLabel));
  }
}
