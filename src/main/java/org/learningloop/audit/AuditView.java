package org.learningloop.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An audit as its own API shows it, to those allowed to read it; the only place {@code childRef}
 * and notes leave the audit module.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AuditView(
    String ref,
    LocalDate auditDate,
    AuditType type,
    String theme,
    Named serviceArea,
    Named team,
    StaffRef practitioner,
    StaffRef teamManager,
    StaffRef auditor,
    String childRef,
    Grade auditorGrade,
    Grade effectiveGrade,
    boolean moderated,
    Moderation moderation,
    List<String> factors,
    String notes,
    Instant createdAt,
    Instant updatedAt) {

  record Named(Long id, String name) {}

  record StaffRef(Long id, String email, String name) {}

  record Moderation(StaffRef moderator, LocalDate date, Grade grade, String rationale) {}
}
