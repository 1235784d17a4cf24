package org.learningloop.workflow;

import java.util.Optional;
import java.util.stream.Stream;
import org.learningloop.followup.FollowUpStage;

/**
 * The stage a user task serves and the process variable its due date is set from; every user task
 * of every model has one (see the {@code USER_TASKS} map of each process constants type).
 *
 * @param stage the follow-up stage the task serves, as emails, the API and extensions name it
 * @param dueVariable the variable in the task's {@code camunda:dueDate} expression
 */
public record UserTaskDeadline(FollowUpStage stage, String dueVariable) {

  /** The user task with this definition key in any of the three models. */
  public static Optional<UserTaskDeadline> of(String taskKey) {
    return Stream.of(
            FollowUpProcess.USER_TASKS,
            ReflectiveConversationProcess.USER_TASKS,
            SupportItemProcess.USER_TASKS)
        .map(tasks -> tasks.get(taskKey))
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /** The stage of a task key, or empty for a key no model has. */
  public static Optional<FollowUpStage> stageOf(String taskKey) {
    return of(taskKey).map(UserTaskDeadline::stage);
  }
}
