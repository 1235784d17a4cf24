package org.learningloop.workflow.tasks;

import java.util.Locale;
import java.util.Optional;

/**
 * Which task list: the signed-in user's own, their groups' unassigned queue, overdue, or due by the
 * end of the week.
 */
public enum TaskListView {
  MINE,
  TEAM,
  OVERDUE,
  DUE_THIS_WEEK;

  public String parameter() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<TaskListView> fromParameter(String value) {
    for (TaskListView view : values()) {
      if (view.parameter().equals(value)) {
        return Optional.of(view);
      }
    }
    return Optional.empty();
  }
}
