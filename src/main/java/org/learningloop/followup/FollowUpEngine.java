package org.learningloop.followup;

import java.time.Instant;

/**
 * The port through which the follow-up drives its process; the workflow module implements it on the
 * process engine. Every call joins the caller's transaction. A call the process is not ready for
 * (no such waiting step) fails with a {@link FollowUpException} conflict, so the domain change
 * rolls back with it.
 */
public interface FollowUpEngine {

  /**
   * What the process needs at its start: ids, usernames, deadlines and a flag; never personal data.
   */
  record Start(
      long followUpId,
      String auditRef,
      Instant allocationDue,
      boolean significantHarmRisk,
      String teamManagerUsername,
      Instant safeguardingDue,
      Instant serviceManagerDue,
      Instant assistantDirectorDue) {}

  /**
   * How the follow-up was allocated: to whom, which conversations it holds, and when the
   * conversations and closure stages are due.
   */
  record Allocation(
      String officerUsername,
      boolean jointConversation,
      Long jointConversationId,
      Long teamManagerConversationId,
      Long practitionerConversationId,
      Instant conversationsDue,
      Instant closureDue) {}

  /**
   * A support item's own small process: its owner answers and completes by {@code due}, the officer
   * verifies; {@code verificationDue} is used when the process starts at the verification.
   */
  record SupportStart(
      long followUpId,
      String auditRef,
      long supportItemId,
      String ownerUsername,
      Instant due,
      String officerUsername,
      Instant verificationDue) {}

  enum Ending {
    GRADE_REVISED,
    WITHDRAWN
  }

  /**
   * Starts the follow-up's process: when it is opened, and again when it is reopened (its earlier
   * process has ended). Fails with a conflict while a process of the same follow-up is still
   * running.
   */
  void start(Start start);

  void allocate(String auditRef, Allocation allocation);

  /** Moves the officer's open tasks (and their future ones) to another officer. */
  void reassign(String auditRef, String fromOfficer, String toOfficer);

  void safeguardingConfirmed(String auditRef);

  /**
   * The conversation is scheduled; its outcome is due at {@code outcomeDue} (its start is an
   * appointment, not a due date).
   */
  void conversationScheduled(String auditRef, long conversationId, Instant outcomeDue);

  void conversationRescheduled(String auditRef, long conversationId, Instant outcomeDue);

  void conversationOutcome(String auditRef, long conversationId, boolean held);

  void closureProposed(String auditRef);

  /**
   * The PI lead's decision; when approved, the re-audit falls due at {@code reAuditDue} and must be
   * done by {@code reAuditTaskDue}.
   */
  void closureDecided(
      String auditRef, boolean approved, Instant reAuditDue, Instant reAuditTaskDue);

  void reAuditRecorded(String auditRef);

  /** The re-audit cannot happen: its task ends without a re-audit, and so does the process. */
  void reAuditNotPossible(String auditRef);

  void end(String auditRef, Ending ending);

  void supportOffered(SupportStart start);

  /**
   * A support item completed but not yet verified when its follow-up ended, in a follow-up now
   * reopened: its process starts again at the PI officer's verification.
   */
  void supportAwaitingVerification(SupportStart start);

  /**
   * The owner answered the offer. A support item's process runs under its follow-up's audit ref as
   * business key: each step names both, so the engine finds the item's task among that follow-up's
   * processes (an index), not by the item's id among every running process's variables.
   */
  void supportAnswered(String auditRef, long supportItemId, boolean accepted);

  /** The owner completed the support; the officer must verify it by {@code verificationDue}. */
  void supportCompleted(String auditRef, long supportItemId, Instant verificationDue);

  void supportVerified(String auditRef, long supportItemId);

  void supportWithdrawn(String auditRef, long supportItemId);
}
