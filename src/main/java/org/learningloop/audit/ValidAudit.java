package org.learningloop.audit;

import java.time.LocalDate;
import java.util.Set;

/** An audit that passed every check, typed and normalised; people still by email, teams by name. */
record ValidAudit(
    String ref,
    LocalDate auditDate,
    AuditType type,
    String theme,
    String serviceArea,
    String team,
    String practitionerEmail,
    String practitionerName,
    String teamManagerEmail,
    String teamManagerName,
    String childRef,
    String auditorEmail,
    Grade grade,
    Moderation moderation,
    Set<String> factorCodes,
    String notes) {

  record Moderation(String moderatorEmail, LocalDate date, Grade grade, String rationale) {}

  Grade effectiveGrade() {
    return moderation == null ? grade : moderation.grade();
  }
}
