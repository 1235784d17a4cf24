/**
 * Reports from live data: the audit summary of a period (judgements by month after moderation,
 * moderation and its grade changes, the inadequate analysis with its contributory factors),
 * thematic dip samples, the follow-up KPIs, the breakdown by service area and team (scoped to the
 * reader), the reports page with its charts and CSV downloads, and the committee report as page,
 * print and accessible PDF: prepared as a draft by a PI lead, its narrative written by the
 * Assistant Director, published as numbered immutable snapshots (figures, HTML and PDF with their
 * SHA-256) with a notice to Assistant Directors and Service Managers; and the auditors' calibration
 * for PI leads only ({@link org.learningloop.reporting.Calibrations}), never part of a report.
 * Figures come from aggregate queries of the audit module's {@link
 * org.learningloop.audit.AuditStatistics} and the follow-up module's {@link
 * org.learningloop.followup.FollowUpStatistics}; audits are never loaded one by one.
 */
package org.learningloop.reporting;
