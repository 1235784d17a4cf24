package org.learningloop.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * An audit as its API answers it: the audit's own fields ({@link AuditView}, unwrapped) and the
 * repeat-child warning, {@code earlierAuditsOfChild}: the other audits of the same child dated in
 * the twelve months before it that the reader may read, latest first, by ref and date only (see
 * {@link EarlierAudits}). Empty when there are none; a warning, never a refusal.
 */
record AuditWithWarnings(
    @JsonUnwrapped AuditView audit, List<EarlierAudits.Earlier> earlierAuditsOfChild) {}
