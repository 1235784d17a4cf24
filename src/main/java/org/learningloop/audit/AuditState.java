package org.learningloop.audit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything an audit holds, by value, so that an import can tell an unchanged row from a changed
 * one by comparing two states.
 *
 * @param facts what the audit is and who took part
 * @param moderation the current moderation, or null when the audit is not moderated
 * @param factorCodes the auditor's own contributory factors
 * @param moderatorFactorCodes the factors as the current moderation revised them, or null when it
 *     did not revise them (the auditor's count)
 */
record AuditState(
    AuditFacts facts,
    String childRef,
    Grade auditorGrade,
    Current moderation,
    Set<String> factorCodes,
    Set<String> moderatorFactorCodes,
    String notes) {

  /** The moderation that stands: who, on which day, the grade it gave and why. */
  record Current(Long moderatorId, LocalDate date, Grade grade, String rationale) {}

  AuditState {
    // Sorted, so that the same factors in another order compare equal.
    factorCodes = new TreeSet<>(factorCodes);
    moderatorFactorCodes =
        moderatorFactorCodes == null ? null : new TreeSet<>(moderatorFactorCodes);
  }

  String ref() {
    return facts.ref();
  }

  LocalDate auditDate() {
    return facts.auditDate();
  }

  /**
   * The factors the reports count: the moderator's revision when there is one, else the auditor's.
   */
  Set<String> effectiveFactorCodes() {
    return moderatorFactorCodes != null ? moderatorFactorCodes : factorCodes;
  }

  /** Whether this state's current moderation is that one. */
  boolean moderationIs(Current asked) {
    return Objects.equals(moderation, asked);
  }

  /** This state with the auditor's factors and the moderator's revision (or null) given. */
  AuditState withFactors(Set<String> auditors, Set<String> moderators) {
    return new AuditState(facts, childRef, auditorGrade, moderation, auditors, moderators, notes);
  }

  /** This state with another current moderation (or none) and the factors it revised (or null). */
  AuditState withModeration(Current current, Set<String> revised) {
    return new AuditState(facts, childRef, auditorGrade, current, factorCodes, revised, notes);
  }

  boolean moderated() {
    return moderation != null;
  }

  /** The moderated grade, or null when not moderated. */
  Grade moderatedGrade() {
    return moderation == null ? null : moderation.grade();
  }

  Grade effectiveGrade() {
    return moderated() ? moderation.grade() : auditorGrade;
  }
}
