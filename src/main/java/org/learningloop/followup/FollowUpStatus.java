package org.learningloop.followup;

/**
 * Where a follow-up ended up; only {@code OPEN} ones can change, apart from the re-audit after
 * closure.
 */
public enum FollowUpStatus {
  OPEN,
  CLOSED,
  GRADE_REVISED,
  WITHDRAWN
}
