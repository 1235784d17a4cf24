package org.learningloop.dipsample;

/**
 * The one vocabulary of an action's stages, as the process's user tasks serve them (the map lives
 * with the process constants in {@code workflow}), the task lists and the reminders name them.
 */
public enum ActionStage {
  /** The owner does what was asked and records the evidence, by the action's due date. */
  OWNER_ACTION,
  /** The setter or a PI lead verifies the evidence, within the verification target. */
  VERIFICATION
}
