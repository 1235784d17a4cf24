package org.learningloop.calendar;

/** A stage of the follow-up with a target in working days, and the moment its count starts from. */
public enum Stage {
  /** A PI officer is allocated; counted from the follow-up's creation. */
  ALLOCATION(CountedFrom.FOLLOW_UP_CREATED),
  /**
   * The Team Manager confirms the child's safety was reviewed; counted from the follow-up's
   * creation.
   */
  SAFEGUARDING_CONFIRMATION(CountedFrom.FOLLOW_UP_CREATED),
  /** Both reflective learning conversations are held; counted from allocation. */
  CONVERSATIONS_HELD(CountedFrom.ALLOCATED),
  /** The loop is closed (PI lead's sign-off); counted from allocation. */
  CLOSURE(CountedFrom.ALLOCATED);

  /** The moment a stage's working days are counted from. */
  public enum CountedFrom {
    FOLLOW_UP_CREATED,
    ALLOCATED
  }

  private final CountedFrom countedFrom;

  Stage(CountedFrom countedFrom) {
    this.countedFrom = countedFrom;
  }

  public CountedFrom countedFrom() {
    return countedFrom;
  }
}
