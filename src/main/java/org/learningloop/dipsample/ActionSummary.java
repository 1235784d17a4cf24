package org.learningloop.dipsample;

import java.time.LocalDate;

/**
 * One action in a list.
 *
 * @param source the dip sample's or audit's ref
 * @param sourceType {@code DIP_SAMPLE} or {@code AUDIT}
 * @param owner the owner as set: an email, a team's or service area's name, or a partner's name
 * @param actor the username of whoever records what was done (the owner, the team's Team Manager,
 *     the area's Service Manager, or the partner's contact)
 * @param dueDate the owner's due date
 * @param verificationDue when the evidence must be verified, while awaiting verification
 * @param overdue whether its current part (the owner's, or the verification) is past due
 */
public record ActionSummary(
    long id,
    String source,
    SourceType sourceType,
    ActionStatus status,
    ActionOwnerType ownerType,
    String owner,
    String actor,
    String description,
    LocalDate dueDate,
    LocalDate verificationDue,
    boolean overdue,
    String setBy) {

  /** What an action is set on. */
  public enum SourceType {
    DIP_SAMPLE,
    AUDIT
  }
}
