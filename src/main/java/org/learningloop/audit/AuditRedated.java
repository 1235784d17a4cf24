package org.learningloop.audit;

import java.time.LocalDate;

/**
 * A stored audit's date was corrected (an import changed it). Published inside the transaction that
 * wrote it, after the write, like the grade events; whatever keeps the audit's date (its follow-up,
 * for the reports) follows.
 */
public record AuditRedated(String auditRef, LocalDate auditDate) {}
