/**
 * Reports from live data: the audit summary of a period (judgements by month after moderation,
 * moderation and its grade changes, the inadequate analysis with its contributory factors),
 * thematic dip samples, the reports page with its charts and CSV downloads, and the committee
 * report as page, print and PDF, published once per period with a notice to Assistant Directors and
 * Service Managers. Figures come from aggregate queries of the audit module's {@link
 * org.learningloop.audit.AuditStatistics} and the follow-up module's {@link
 * org.learningloop.followup.FollowUpStatistics}; audits are never loaded one by one, and no SQL
 * here reads another module's tables.
 */
package org.learningloop.reporting;
