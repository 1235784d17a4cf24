package org.learningloop.audit;

import java.util.Set;

/**
 * What other modules may know of an audit. Deliberately without {@code child_ref} or notes: the
 * follow-up, its pages and its emails never need them.
 *
 * @param facts what the audit is and who took part
 * @param factorCodes contributory-factor codes, e.g. {@code SIGNIFICANT_HARM_RISK}
 */
public record AuditSummary(
    AuditFacts facts,
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
