package org.learningloop.followup;

/**
 * {@code OFFERED -> ACCEPTED -> COMPLETED}, or {@code DECLINED} / {@code WITHDRAWN}, each with a
 * reason.
 */
public enum SupportItemState {
  OFFERED,
  ACCEPTED,
  COMPLETED,
  DECLINED,
  WITHDRAWN;

  /** Settled states: closure may be proposed when every item is in one of them. */
  public boolean isSettled() {
    return this == COMPLETED || this == DECLINED || this == WITHDRAWN;
  }
}
