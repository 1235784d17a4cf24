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
    RepeatOf repeatOf,
    String endReason,
    List<ConversationView> conversations,
    List<SupportItemView> supportItems,
    List<TimelineView> timeline) {

  /** Null when the audit found no risk of significant harm. */
  public record Safeguarding(LocalDate dueDate, Instant confirmedAt, String confirmedBy) {}

  public record Closure(String proposedBy, String closedBy, Instant closedAt) {}

  /**
   * The effectiveness re-audit: due, then linked ({@code auditRef}, its current {@code grade}), or
   * ended as not possible ({@code notPossible}).
   *
   * @param repeatInadequate the linked re-audit is graded Inadequate: a repeat Inadequate
   * @param followUpId the re-audit's own follow-up, when it has one (every Inadequate audit does)
   */
  public record ReAudit(
      LocalDate dueDate,
      String auditRef,
      String grade,
      boolean repeatInadequate,
      Long followUpId,
      NotPossible notPossible) {}

  /** Why the re-audit could not happen, who said so and when. */
  public record NotPossible(String reason, String by, Instant at) {}

  /**
   * This follow-up's audit is the Inadequate effectiveness re-audit of another follow-up: a repeat
   * Inadequate. Null otherwise.
   */
  public record RepeatOf(long followUpId, String auditRef) {}

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

  /**
   * The follow-up in full; {@code reAuditFollowUpId} is the follow-up of its re-audit, {@code
   * repeatOf} the follow-up its audit re-audited Inadequate, when they exist.
   */
  static FollowUpDetails of(
      FollowUp f, Deadlines deadlines, Instant now, Long reAuditFollowUpId, RepeatOf repeatOf) {
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
            : new ReAudit(
                f.getReAuditDue(),
                f.getReAuditRef(),
                f.getReAuditGrade(),
                f.isReAuditRepeatInadequate(),
                reAuditFollowUpId,
                f.getReAuditNotPossibleReason() == null
                    ? null
                    : new NotPossible(
                        f.getReAuditNotPossibleReason(),
                        f.getReAuditNotPossibleBy(),
                        f.getReAuditNotPossibleAt())),
        repeatOf,
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
