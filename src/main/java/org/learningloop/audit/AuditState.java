package org.learningloop.audit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything an audit holds, by value, so that an import can tell an unchanged row from a changed
 * one by comparing two states. Staff, teams and service areas are directory ids.
 */
record AuditState(
    String ref,
    LocalDate auditDate,
    AuditType type,
    String theme,
    Long serviceAreaId,
    Long teamId,
    Long practitionerId,
    Long teamManagerId,
    Long auditorId,
    String childRef,
    Grade auditorGrade,
    Long moderatorId,
    LocalDate moderationDate,
    Grade moderatedGrade,
    String moderationRationale,
    Set<String> factorCodes,
    Set<String> moderatorFactorCodes,
    String notes) {

  /**
   * @param factorCodes the auditor's own contributory factors
   * @param moderatorFactorCodes the factors as the current moderation revised them, or null when it
   *     did not revise them (the auditor's count)
   */
  AuditState {
    // Sorted, so that the same factors in another order compare equal.
    factorCodes = new TreeSet<>(factorCodes);
    moderatorFactorCodes =
        moderatorFactorCodes == null ? null : new TreeSet<>(moderatorFactorCodes);
  }

  /**
   * The factors the reports count: the moderator's revision when there is one, else the auditor's.
   */
  Set<String> effectiveFactorCodes() {
    return moderatorFactorCodes != null ? moderatorFactorCodes : factorCodes;
  }

  /** Whether this state's current moderation is by that moderator, on that date, grade and why. */
  boolean moderationIs(Long moderator, LocalDate date, Grade grade, String rationale) {
    return moderated()
        && Objects.equals(moderatorId, moderator)
        && Objects.equals(moderationDate, date)
        && moderatedGrade == grade
        && Objects.equals(moderationRationale, rationale);
  }

  /** This state with the auditor's factors and the moderator's revision (or null) given. */
  AuditState withFactors(Set<String> auditors, Set<String> moderators) {
    return new AuditState(
        ref,
        auditDate,
        type,
        theme,
        serviceAreaId,
        teamId,
        practitionerId,
        teamManagerId,
        auditorId,
        childRef,
        auditorGrade,
        moderatorId,
        moderationDate,
        moderatedGrade,
        moderationRationale,
        auditors,
        moderators,
        notes);
  }

  /** This state with another current moderation (or none) and the factors it revised (or null). */
  AuditState withModeration(
      Long moderator, LocalDate date, Grade grade, String rationale, Set<String> revised) {
    return new AuditState(
        ref,
        auditDate,
        type,
        theme,
        serviceAreaId,
        teamId,
        practitionerId,
        teamManagerId,
        auditorId,
        childRef,
        auditorGrade,
        moderator,
        date,
        grade,
        rationale,
        factorCodes,
        revised,
        notes);
  }

  boolean moderated() {
    return moderatedGrade != null;
  }

  Grade effectiveGrade() {
    return Objects.requireNonNullElse(moderatedGrade, auditorGrade);
  }
}
