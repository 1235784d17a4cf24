package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import org.learningloop.dipsample.ActionStage;

/** {@code bpmn/action.bpmn} and {@link ActionProcess} agree, and the model keeps the rules. */
class ActionProcessModelTest extends ProcessModelContract {

  ActionProcessModelTest() {
    super(ActionProcess.RESOURCE, ActionProcess.KEY, ActionProcess.Elements.class);
  }

  @Test
  void everyMessageConstantNamesAMessageOfTheModel() {
    assertThat(constants(ActionProcess.Messages.class))
        .containsExactlyInAnyOrderElementsOf(
            model.getModelElementsByType(Message.class).stream().map(Message::getName).toList());
  }

  @Test
  void everyUserTaskServesAStageAndHasItsDueDateFromItsVariable() {
    userTasksDueFrom(
        ActionProcess.USER_TASKS.keySet(), id -> ActionProcess.USER_TASKS.get(id).dueVariable());
    assertThat(ActionProcess.stageOf(ActionProcess.Elements.Task_CompleteAction))
        .contains(ActionStage.OWNER_ACTION);
    assertThat(ActionProcess.stageOf(ActionProcess.Elements.Task_VerifyAction))
        .contains(ActionStage.VERIFICATION);
    assertThat(ActionProcess.stageOf("Task_NoSuchTask")).isEmpty();
  }

  @Test
  void serviceTasksCallTheirDelegatesByBeanName() {
    assertThat(model.getModelElementsByType(ServiceTask.class))
        .extracting(ServiceTask::getCamundaDelegateExpression)
        .containsExactlyInAnyOrder("${tellActionOwnerDelegate}", "${tellActionVerifierDelegate}");
  }
}
