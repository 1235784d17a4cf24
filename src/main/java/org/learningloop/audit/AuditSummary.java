package org.learningloop.audit;

import java.time.LocalDate;
import java.util.Set;

/**
 * What other modules may know of an audit. Deliberately without {@code child_ref} or notes: the
 * follow-up, its pages and its emails never need them.
 *
 * @param practitionerId, teamManagerId, auditorId staff ids in the directory
 * @param factorCodes contributory-factor codes, e.g. {@code SIGNIFICANT_HARM_RISK}
 */
public record AuditSummary(
    String ref,
    LocalDate auditDate,
    AuditType type,
    String theme,
    Long serviceAreaId,
    Long teamId,
    Long practitionerId,
    Long teamManagerId,
    Long auditorId,
    Grade auditorGrade,
    Grade effectiveGrade,
    boolean moderated,
    Set<String> factorCodes) {

  public static final String SIGNIFICANT_HARM_RISK = "SIGNIFICANT_HARM_RISK";

  public AuditSummary {
    factorCodes = Set.copyOf(factorCodes);
  }

  public boolean significantHarmRisk() {
    return factorCodes.contains(SIGNIFICANT_HARM_RISK);
  }
}
