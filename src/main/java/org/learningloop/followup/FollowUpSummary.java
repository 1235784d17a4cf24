package org.learningloop.followup;

import java.time.Instant;
import java.time.LocalDate;
import org.learningloop.calendar.Deadlines;

/**
 * One line of the follow-up list.
 *
 * @param assignee username of the allocated PI officer, null while in the team queue
 * @param dueDate the current stage's due date
 * @param overdue due date passed and the stage not done
 */
public record FollowUpSummary(
    long id,
    String auditRef,
    FollowUpStatus status,
    FollowUpStage stage,
    String assignee,
    LocalDate dueDate,
    boolean overdue) {

  static FollowUpSummary of(FollowUp f, Deadlines deadlines, Instant now) {
    return new FollowUpSummary(
        f.getId(),
        f.getAuditRef(),
        f.getStatus(),
        f.getStage(),
        f.getOfficerUsername(),
        f.getDueDate(),
        f.isOverdue(deadlines, now));
  }
}
