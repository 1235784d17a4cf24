package org.learningloop.reporting;

/**
 * The figures a report is written from; its sentences, charts and tables are made from these alone.
 *
 * @param analysisPeriod the period of the inadequate analysis (the report's own on the reports
 *     page; the six months before its last month in the committee report)
 * @param trendPeriod the twelve months to the period's end
 * @param followUps the follow-up KPIs of the audits of the analysis period
 */
record ReportFigures(
    ReportPeriod period,
    ReportPeriod trendPeriod,
    ReportPeriod analysisPeriod,
    AuditSummaryReport summary,
    AuditSummaryReport trend,
    AuditSummaryReport analysis,
    DipSampleSummary dipSamples,
    FollowUpKpis followUps) {}
