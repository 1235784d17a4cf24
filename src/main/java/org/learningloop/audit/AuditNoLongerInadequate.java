package org.learningloop.audit;

/**
 * Moderation lifted an audit's effective grade out of {@link Grade#INADEQUATE}. Published inside
 * the transaction that recorded the moderation.
 *
 * @param moderatorEmail who moderated
 * @param rationale the moderator's reason, kept on the follow-up's record
 */
public record AuditNoLongerInadequate(
    String auditRef, Grade effectiveGrade, String moderatorEmail, String rationale) {}
