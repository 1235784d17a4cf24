package org.learningloop.followup;

public enum ConversationStatus {
  TO_BE_SCHEDULED,
  SCHEDULED,
  HELD,
  /** Did not take place; it must be scheduled again. */
  NOT_HELD,
  /** The follow-up ended before it was held. */
  CANCELLED
}
