package org.learningloop.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.learningloop.dipsample.ActionEngine;
import org.learningloop.dipsample.ActionProblem;
import org.springframework.stereotype.Component;

/**
 * An action's process on Camunda 7, in the caller's transaction: the domain change and the process
 * step commit or roll back together.
 */
@Component
class CamundaActionEngine implements ActionEngine {

  private final RuntimeService runtime;
  private final TaskService tasks;

  CamundaActionEngine(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @Override
  public void start(Start start) {
    runtime
        .createProcessInstanceByKey(ActionProcess.KEY)
        .businessKey(start.sourceRef())
        .setVariable(ActionProcess.Variables.ACTION_ID, start.actionId())
        .setVariable(ActionProcess.Variables.ACTION_OWNER, start.ownerUsername())
        .setVariable(ActionProcess.Variables.ACTION_DUE, Date.from(start.due()))
        .setVariable(ActionProcess.Variables.SETTER, start.setterUsername())
        .execute();
  }

  @Override
  public void completed(long actionId, Instant verificationDue) {
    Task task = one(actionId, ActionProcess.Elements.Task_CompleteAction, "what was done");
    tasks.complete(
        task.getId(), Map.of(ActionProcess.Variables.VERIFICATION_DUE, Date.from(verificationDue)));
  }

  @Override
  public void verified(long actionId, boolean verified) {
    Task task = one(actionId, ActionProcess.Elements.Task_VerifyAction, "verification");
    tasks.complete(task.getId(), Map.of(ActionProcess.Variables.ACTION_VERIFIED, verified));
  }

  @Override
  public void cancelled(long actionId) {
    try {
      runtime
          .createMessageCorrelation(ActionProcess.Messages.ActionCancelled)
          .processInstanceVariableEquals(ActionProcess.Variables.ACTION_ID, actionId)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw ActionProblem.processOutOfStep("The process of action " + actionId + " has ended.");
    }
  }

  private Task one(long actionId, String taskKey, String what) {
    List<Task> found =
        tasks
            .createTaskQuery()
            .processDefinitionKey(ActionProcess.KEY)
            .processVariableValueEquals(ActionProcess.Variables.ACTION_ID, actionId)
            .taskDefinitionKey(taskKey)
            .list();
    if (found.size() != 1) {
      throw ActionProblem.processOutOfStep(
          "The process of action " + actionId + " is not waiting for " + what + " now.");
    }
    return found.get(0);
  }
}
