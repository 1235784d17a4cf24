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
    List<String> auditorFactors,
    String notes,
    Instant createdAt,
    Instant updatedAt,
    List<ModerationEntry> moderations,
    List<QueueEntry> moderationQueue) {

  record Named(Long id, String name) {}

  record StaffRef(Long id, String email, String name) {}

  record Moderation(StaffRef moderator, LocalDate date, Grade grade, String rationale) {}

  /**
   * One moderation of the audit's history, oldest first; the latest is the current one.
   *
   * @param previousGrade the effective grade before it
   * @param factors the moderator's own factors when they revised them, else null
   * @param recordedBy email of whoever recorded it (the moderator, or the moderator who loaded it
   *     from a file)
   */
  record ModerationEntry(
      StaffRef moderator,
      LocalDate date,
      Grade grade,
      Grade previousGrade,
      String rationale,
      List<String> factors,
      Instant recordedAt,
      String recordedBy) {}

  /**
   * The audit in the moderation queue: why, how it stands, and for a challenge who asked and why.
   *
   * @param reason {@code GRADE}, {@code RANDOM_SHARE} or {@code CHALLENGE}
   * @param status {@code QUEUED}, {@code ALREADY_MODERATED} or {@code MODERATED}
   * @param outcome for a settled challenge: {@code UPHELD} or {@code REGRADED}
   */
  record QueueEntry(
      long id,
      String reason,
      String status,
      String month,
      LocalDate dueDate,
      Instant createdAt,
      StaffRef challengedBy,
      String challengeReasons,
      Instant settledAt,
      String outcome,
      Grade gradeBefore,
      Grade gradeAfter) {}
}
