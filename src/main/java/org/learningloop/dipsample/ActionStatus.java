package org.learningloop.dipsample;

/** Where an action stands: the owner acts, then the setter or a PI lead verifies. */
public enum ActionStatus {
  OPEN("Open"),
  AWAITING_VERIFICATION("Awaiting verification"),
  DONE("Done"),
  CANCELLED("Cancelled");

  private final String label;

  ActionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this == OPEN || this == AWAITING_VERIFICATION;
  }
}
