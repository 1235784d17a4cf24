package org.learningloop.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Figures about follow-ups for reports, dashboards and reminders, read by the database in a few
 * queries whatever the number of follow-ups. Other modules read the follow-up's tables only through
 * here, as they read audits through {@link org.learningloop.audit.AuditStatistics}; the follow-up
 * module stays the only one that knows them. Status, stage and state are the names of {@link
 * FollowUpStatus}, {@link FollowUpStage} and {@link SupportItemState}.
 */
public interface FollowUpStatistics {

  /**
   * The follow-ups of the audits dated in the months {@code from} to {@code to} (inclusive), one
   * narrow row each, for medians and working-day counts, which the database cannot do.
   */
  List<FollowUpFigures> ofAuditsDated(YearMonth from, YearMonth to);

  /** The support items of those follow-ups, counted by type and state, in that order. */
  List<SupportTally> supportOfAuditsDated(YearMonth from, YearMonth to);

  /**
   * Where each follow-up of the audits dated in the months belongs (team and service area, either
   * unknown: null), by follow-up id: the reports' breakdown by service area and team.
   */
  java.util.Map<Long, Place> placesOfAuditsDated(YearMonth from, YearMonth to);

  /** A follow-up's team and service area. */
  record Place(Long teamId, Long serviceAreaId) {}

  /** Every open follow-up. */
  List<OpenFollowUp> open();

  /** The open follow-ups of one service area. */
  List<OpenFollowUp> openInServiceArea(long serviceAreaId);

  /** The open follow-ups of one team. */
  List<OpenFollowUp> openInTeam(long teamId);

  /**
   * The staff ids of the practitioners and Team Managers invited to a conversation still scheduled,
   * on an open follow-up, that starts at or after {@code from} and before {@code until}: one entry
   * per invitation, so someone with two conversations appears twice.
   */
  List<Long> scheduledConversationAttendees(Instant from, Instant until);

  /**
   * One follow-up as the KPIs need it.
   *
   * @param bothConversationsHeldAt null until both conversations (or the joint one) are held
   * @param reAuditGrade the re-audit's effective grade now, so a later moderation of it counts
   * @param reAuditRepeatInadequate the re-audit is graded Inadequate: a repeat Inadequate
   * @param reAuditNotPossible the re-audit stage ended without one (the practitioner left, say)
   */
  record FollowUpFigures(
      long id,
      String status,
      String stage,
      LocalDate dueDate,
      Instant createdAt,
      Instant allocatedAt,
      Instant safeguardingConfirmedAt,
      Instant bothConversationsHeldAt,
      Instant closedAt,
      String reAuditGrade,
      boolean reAuditRepeatInadequate,
      boolean reAuditNotPossible) {}

  /** How many support items of a type are in a state. */
  record SupportTally(String typeCode, String state, long count) {}

  /**
   * An open follow-up where it waits.
   *
   * @param stageStartedAt creation (or the last reopening) for allocation, allocation for the
   *     conversations and closure, the proposal for sign-off, closure for the re-audit
   */
  record OpenFollowUp(
      long id,
      Long serviceAreaId,
      Long teamId,
      String stage,
      LocalDate dueDate,
      Instant stageStartedAt) {}
}
