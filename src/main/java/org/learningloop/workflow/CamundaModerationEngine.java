package org.learningloop.workflow;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.learningloop.audit.ModerationEngine;
import org.springframework.stereotype.Component;

/**
 * A moderation request's process on Camunda 7, in the caller's transaction: the queue's change and
 * the process step commit or roll back together.
 */
@Component
class CamundaModerationEngine implements ModerationEngine {

  private final RuntimeService runtime;
  private final TaskService tasks;

  CamundaModerationEngine(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @Override
  public void start(Start start) {
    runtime
        .createProcessInstanceByKey(ModerationProcess.KEY)
        .businessKey(start.auditRef())
        .setVariable(ModerationProcess.Variables.MODERATION_REQUEST_ID, start.requestId())
        .setVariable(ModerationProcess.Variables.MODERATION_DUE, Date.from(start.due()))
        .setVariable(ModerationProcess.Variables.CHALLENGE, start.challenge())
        .execute();
  }

  @Override
  public void settled(long requestId) {
    for (Task task : openTasks(requestId)) {
      tasks.complete(task.getId());
    }
  }

  private List<Task> openTasks(long requestId) {
    return tasks
        .createTaskQuery()
        .processDefinitionKey(ModerationProcess.KEY)
        .processVariableValueEquals(ModerationProcess.Variables.MODERATION_REQUEST_ID, requestId)
        .taskDefinitionKey(ModerationProcess.Elements.Task_ModerateAudit)
        .list();
  }
}
