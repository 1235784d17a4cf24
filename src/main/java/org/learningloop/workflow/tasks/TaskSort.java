package org.learningloop.workflow.tasks;

import java.util.Locale;
import java.util.Optional;

/**
 * How a task list is ordered: each list's natural order, by due date (soonest first), or by audit
 * ref.
 */
public enum TaskSort {
  NATURAL,
  DUE_DATE,
  AUDIT_REF;

  public String parameter() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<TaskSort> fromParameter(String value) {
    for (TaskSort sort : values()) {
      if (sort.parameter().equals(value)) {
        return Optional.of(sort);
      }
    }
    return Optional.empty();
  }
}
