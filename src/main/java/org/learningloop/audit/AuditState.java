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
    String notes) {

  AuditState {
    // Sorted, so that the same factors in another order compare equal.
    factorCodes = new TreeSet<>(factorCodes);
  }

  boolean moderated() {
    return moderatedGrade != null;
  }

  Grade effectiveGrade() {
    return Objects.requireNonNullElse(moderatedGrade, auditorGrade);
  }
}
