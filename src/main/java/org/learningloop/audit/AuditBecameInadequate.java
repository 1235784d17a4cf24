package org.learningloop.audit;

/**
 * An audit's effective grade became {@link Grade#INADEQUATE}: recorded so, imported so, or moderated down. Published
 * once per change, inside the transaction that made it; re-importing the same row publishes nothing.
 */
public record AuditBecameInadequate(String auditRef) {}
