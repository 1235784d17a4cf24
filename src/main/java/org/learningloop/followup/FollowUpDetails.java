package org.learningloop.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.learningloop.calendar.Deadlines;

/**
 * One follow-up with its conversations, support items and timeline, as its page and the API show
 * it.
 */
public record FollowUpDetails(
    long id,
    String auditRef,
    FollowUpStatus status,
    FollowUpStage stage,
    String assignee,
    LocalDate dueDate,
    boolean overdue,
    Instant createdAt,
    Instant allocatedAt,
    boolean jointConversation,
    Safeguarding safeguarding,
    Closure closure,
    ReAudit reAudit,
    String endReason,
    List<ConversationView> conversations,
    List<SupportItemView> supportItems,
    List<TimelineView> timeline) {

  /** Null when the audit found no risk of significant harm. */
  public record Safeguarding(LocalDate dueDate, Instant confirmedAt, String confirmedBy) {}

  public record Closure(String proposedBy, String closedBy, Instant closedAt) {}

  public record ReAudit(LocalDate dueDate, String auditRef, String grade) {}

  public record ConversationView(
      long id,
      ConversationAttendees attendees,
      ConversationStatus status,
      Instant startsAt,
      Integer durationMinutes,
      String location,
      String notes,
      String learningPoints,
      String notHeldReason) {}

  public record SupportItemView(
      long id,
      String type,
      String description,
      SupportOwner owner,
      LocalDate dueDate,
      SupportItemState state,
      String reason,
      String offeredBy,
      Instant completedAt,
      String verifiedBy,
      Instant verifiedAt) {}

  public record TimelineView(Instant at, String actor, String action, String detail) {}

  static FollowUpDetails of(FollowUp f, Deadlines deadlines, Instant now) {
    return new FollowUpDetails(
        f.getId(),
        f.getAuditRef(),
        f.getStatus(),
        f.getStage(),
        f.getOfficerUsername(),
        f.getDueDate(),
        f.isOverdue(deadlines, now),
        f.getCreatedAt(),
        f.getAllocatedAt(),
        f.isJointConversation(),
        f.isSignificantHarmRisk()
            ? new Safeguarding(
                f.getSafeguardingDue(),
                f.getSafeguardingConfirmedAt(),
                f.getSafeguardingConfirmedBy())
            : null,
        new Closure(f.getClosureProposedBy(), f.getClosedBy(), f.getClosedAt()),
        f.getReAuditDue() == null
            ? null
            : new ReAudit(f.getReAuditDue(), f.getReAuditRef(), f.getReAuditGrade()),
        f.getEndReason(),
        f.getConversations().stream()
            .map(
                c ->
                    new ConversationView(
                        c.getId(),
                        c.getAttendees(),
                        c.getStatus(),
                        c.getStartsAt(),
                        c.getDurationMinutes(),
                        c.getLocation(),
                        c.getNotes(),
                        c.getLearningPoints(),
                        c.getNotHeldReason()))
            .toList(),
        f.getSupportItems().stream()
            .map(
                i ->
                    new SupportItemView(
                        i.getId(),
                        i.getTypeCode(),
                        i.getDescription(),
                        i.getOwner(),
                        i.getDueDate(),
                        i.getState(),
                        i.getReason(),
                        i.getOfferedBy(),
                        i.getCompletedAt(),
                        i.getVerifiedBy(),
                        i.getVerifiedAt()))
            .toList(),
        f.getTimeline().stream()
            .map(
                t -> new TimelineView(t.getAt(), t.getActor(), t.getAction().name(), t.getDetail()))
            .toList());
  }
}
