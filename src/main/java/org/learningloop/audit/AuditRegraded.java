package org.learningloop.audit;

/**
 * A stored audit's effective grade changed (moderation, or an import correcting it). Published
 * inside the transaction that wrote it, after the write, like the other grade events; whatever
 * keeps a copy of the grade (a follow-up whose effectiveness re-audit this audit is, for the
 * reports) follows.
 */
public record AuditRegraded(String auditRef, Grade effectiveGrade) {}
