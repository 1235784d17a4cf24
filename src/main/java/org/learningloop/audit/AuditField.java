package org.learningloop.audit;

import java.util.Arrays;
import java.util.List;

/** The fields of an audit: their CSV column (the import contract) and their JSON property. */
enum AuditField {
  AUDIT_REF("audit_ref", "ref"),
  AUDIT_DATE("audit_date", "auditDate"),
  AUDIT_TYPE("audit_type", "type"),
  THEME("theme", "theme"),
  SERVICE_AREA("service_area", "serviceArea"),
  TEAM("team", "team"),
  PRACTITIONER_EMAIL("practitioner_email", "practitionerEmail"),
  PRACTITIONER_NAME("practitioner_name", "practitionerName"),
  TEAM_MANAGER_EMAIL("team_manager_email", "teamManagerEmail"),
  TEAM_MANAGER_NAME("team_manager_name", "teamManagerName"),
  CHILD_REF("child_ref", "childRef"),
  AUDITOR_EMAIL("auditor_email", "auditorEmail"),
  GRADE("grade", "grade"),
  MODERATOR_EMAIL("moderator_email", "moderatorEmail"),
  MODERATION_DATE("moderation_date", "moderationDate"),
  MODERATED_GRADE("moderated_grade", "moderatedGrade"),
  MODERATION_RATIONALE("moderation_rationale", "moderationRationale"),
  FACTORS("factors", "factors"),
  NOTES("notes", "notes");

  /** The CSV header, in the contract's order. */
  static final List<String> CSV_HEADER = Arrays.stream(values()).map(AuditField::column).toList();

  private final String column;
  private final String property;

  AuditField(String column, String property) {
    this.column = column;
    this.property = property;
  }

  String column() {
    return column;
  }

  String property() {
    return property;
  }
}
