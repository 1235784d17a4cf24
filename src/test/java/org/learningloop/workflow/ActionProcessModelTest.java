package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.learningloop.dipsample.ActionStage;

/** {@code bpmn/action.bpmn} and {@link ActionProcess} agree, and the model keeps the rules. */
class ActionProcessModelTest {

  final BpmnModelInstance model = FollowUpProcessModelTest.readModel(ActionProcess.RESOURCE);

  @Test
  void everyElementConstantNamesAFlowNodeAndEveryFlowNodeHasAConstant() {
    assertThat(constants(ActionProcess.Elements.class))
        .containsExactlyInAnyOrderElementsOf(
            model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
    assertThat(model.getModelElementsByType(Process.class))
        .extracting(Process::getId)
        .containsExactly(ActionProcess.KEY);
  }

  @Test
  void everyMessageConstantNamesAMessageOfTheModel() {
    assertThat(constants(ActionProcess.Messages.class))
        .containsExactlyInAnyOrderElementsOf(
            model.getModelElementsByType(Message.class).stream().map(Message::getName).toList());
  }

  @Test
  void theProcessHasAHistoryTimeToLive() {
    assertThat(model.getModelElementsByType(Process.class))
        .allSatisfy(p -> assertThat(p.getCamundaHistoryTimeToLiveString()).isNotBlank());
  }

  @Test
  void idsFollowTheNamingGuide() {
    assertThat(constants(ActionProcess.Elements.class))
        .allMatch(id -> id.matches("(StartEvent|EndEvent|Task|Gateway|SubProcess)_[A-Z][A-Za-z]+"));
  }

  @Test
  void everyUserTaskServesAStageAndHasItsDueDateFromItsVariable() {
    List<UserTask> tasks = List.copyOf(model.getModelElementsByType(UserTask.class));
    assertThat(tasks)
        .extracting(UserTask::getId)
        .containsExactlyInAnyOrderElementsOf(ActionProcess.USER_TASKS.keySet());
    for (UserTask task : tasks) {
      assertThat(task.getCamundaDueDate())
          .as(task.getId())
          .isEqualTo("${" + ActionProcess.USER_TASKS.get(task.getId()).dueVariable() + "}");
    }
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

  private static List<String> constants(Class<?> type) {
    return FollowUpProcessModelTest.constants(type);
  }
}
