package org.learningloop.calendar;

import java.util.Optional;
import org.learningloop.directory.Role;

/**
 * Who hears of an overdue task, most junior first: a later rung of the escalation ladder may only
 * name people more senior than every recipient of the rungs before it.
 */
public enum EscalationRecipient {
  /**
   * Whoever holds the task: the PI officer, or the Team Manager for a safeguarding confirmation.
   */
  ASSIGNEE(null),
  PI_LEAD(Role.PI_LEAD),
  SERVICE_MANAGER(Role.SERVICE_MANAGER),
  ASSISTANT_DIRECTOR(Role.ASSISTANT_DIRECTOR);

  private final Role role;

  EscalationRecipient(Role role) {
    this.role = role;
  }

  /**
   * The directory role to look the recipient up by; empty for the assignee, who is a person rather
   * than a role.
   */
  public Optional<Role> role() {
    return Optional.ofNullable(role);
  }

  /** Higher is more senior. */
  public int seniority() {
    return ordinal();
  }
}
