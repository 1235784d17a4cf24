package org.learningloop.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the due date of an open user task, and everything timed from it: the task's due date (the
 * read model follows through its update listener, so reminders and the escalation ladder follow
 * too), the process variable it was set from (so later tasks of the same stage inherit the new
 * date) and the timer jobs that were waiting for the old date (the safeguarding check's escalation
 * timers), through {@link ManagementService#setJobDuedate}.
 */
@Service
public class TaskDeadlines {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  TaskDeadlines(TaskService tasks, RuntimeService runtime, ManagementService management) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
  }

  /**
   * Gives the open task a new due moment; returns false when there is no such open task (it was
   * done meanwhile).
   *
   * @param dueVariable the process variable the task's due date came from, or null
   */
  @Transactional
  public boolean extend(String taskId, Instant newDue, String dueVariable) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return false;
    }
    Date oldDue = task.getDueDate();
    Date due = Date.from(newDue);
    task.setDueDate(due);
    tasks.saveTask(task);
    if (task.getExecutionId() != null) {
      for (String variable : variablesToMove(task.getTaskDefinitionKey(), dueVariable)) {
        if (runtime.getVariable(task.getExecutionId(), variable) != null) {
          runtime.setVariable(task.getExecutionId(), variable, due);
        }
      }
    }
    if (oldDue != null) {
      for (Job job :
          management
              .createJobQuery()
              .processInstanceId(task.getProcessInstanceId())
              .timers()
              .list()) {
        if (job.getDuedate() != null && job.getDuedate().getTime() == oldDue.getTime()) {
          management.setJobDuedate(job.getId(), due);
        }
      }
    }
    return true;
  }

  /**
   * The task's own due-date variable and, for a conversation's tasks, the conversations stage's
   * date the conversation was given, so that scheduling again after a conversation not held is due
   * on the extended date too.
   */
  private static List<String> variablesToMove(String taskKey, String dueVariable) {
    List<String> variables = new ArrayList<>();
    if (dueVariable != null) {
      variables.add(dueVariable);
    }
    if (ReflectiveConversationProcess.USER_TASKS.containsKey(taskKey)
        && !ReflectiveConversationProcess.Variables.CONVERSATIONS_DUE.equals(dueVariable)) {
      variables.add(ReflectiveConversationProcess.Variables.CONVERSATIONS_DUE);
    }
    return variables;
  }

  /**
   * The support item an open support task is about, when it is one (its process variable); empty
   * otherwise.
   */
  @Transactional(readOnly = true)
  public Optional<Long> supportItemOf(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getExecutionId() == null) {
      return Optional.empty();
    }
    Object id =
        runtime.getVariable(task.getExecutionId(), SupportItemProcess.Variables.SUPPORT_ITEM_ID);
    return id instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }
}
