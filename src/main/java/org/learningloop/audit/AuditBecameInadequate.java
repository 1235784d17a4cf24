package org.learningloop.audit;

/**
 * An audit's effective grade became {@link Grade#INADEQUATE}: recorded so, imported so, or
 * moderated down. Published once per change, inside the transaction that made it; re-importing the
 * same row publishes nothing.
 *
 * @param changedBy for an audit that was stored already: email of whoever changed it (the
 *     moderator, when moderation made it inadequate); null for a new audit
 * @param rationale for an audit that was stored already: why (the moderator's reason, or a sentence
 *     naming the change); null for a new audit
 */
public record AuditBecameInadequate(String auditRef, String changedBy, String rationale) {

  /** A new audit, recorded or imported as inadequate. */
  public AuditBecameInadequate(String auditRef) {
    this(auditRef, null, null);
  }
}
