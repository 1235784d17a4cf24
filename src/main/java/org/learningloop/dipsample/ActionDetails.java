package org.learningloop.dipsample;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One action with what was done and its history.
 *
 * @param reason why it was last sent back, or why it was cancelled
 * @param sentBack how many times the evidence was sent back
 */
public record ActionDetails(
    long id,
    String source,
    ActionSummary.SourceType sourceType,
    ActionStatus status,
    ActionOwnerType ownerType,
    String owner,
    String actor,
    String description,
    LocalDate dueDate,
    boolean overdue,
    String setBy,
    Instant setAt,
    String evidence,
    Instant completedAt,
    LocalDate verificationDue,
    String verifiedBy,
    Instant verifiedAt,
    int sentBack,
    String reason,
    List<Event> history) {

  /** One line of the history. */
  public record Event(Instant at, String actor, String what, String note) {}
}
