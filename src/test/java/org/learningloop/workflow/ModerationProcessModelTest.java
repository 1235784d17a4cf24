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

/**
 * {@code bpmn/moderation.bpmn} and {@link ModerationProcess} agree, and the model keeps the rules.
 */
class ModerationProcessModelTest {

  final BpmnModelInstance model = FollowUpProcessModelTest.readModel(ModerationProcess.RESOURCE);

  @Test
  void everyElementConstantNamesAFlowNodeAndEveryFlowNodeHasAConstant() {
    assertThat(constants(ModerationProcess.Elements.class))
        .containsExactlyInAnyOrderElementsOf(
            model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
    assertThat(model.getModelElementsByType(Process.class))
        .extracting(Process::getId)
        .containsExactly(ModerationProcess.KEY);
  }

  @Test
  void theModelHasNoMessages() {
    assertThat(model.getModelElementsByType(Message.class)).isEmpty();
  }

  @Test
  void theProcessHasAHistoryTimeToLive() {
    assertThat(model.getModelElementsByType(Process.class))
        .allSatisfy(p -> assertThat(p.getCamundaHistoryTimeToLiveString()).isNotBlank());
  }

  @Test
  void idsFollowTheNamingGuide() {
    assertThat(constants(ModerationProcess.Elements.class))
        .allMatch(id -> id.matches("(StartEvent|EndEvent|Task|Gateway|SubProcess)_[A-Z][A-Za-z]+"));
  }

  @Test
  void theModeratorsTaskIsTheirGroupsAndHasItsDueDateFromItsVariable() {
    List<UserTask> tasks = List.copyOf(model.getModelElementsByType(UserTask.class));
    assertThat(tasks)
        .extracting(UserTask::getId)
        .containsExactlyInAnyOrderElementsOf(ModerationProcess.USER_TASKS.keySet());
    for (UserTask task : tasks) {
      assertThat(task.getCamundaDueDate())
          .as(task.getId())
          .isEqualTo("${" + ModerationProcess.USER_TASKS.get(task.getId()) + "}");
      assertThat(task.getCamundaCandidateGroups())
          .isEqualTo(org.learningloop.directory.Role.MODERATOR.groupId());
    }
  }

  @Test
  void serviceTasksCallTheirDelegatesByBeanName() {
    assertThat(model.getModelElementsByType(ServiceTask.class))
        .extracting(ServiceTask::getCamundaDelegateExpression)
        .containsExactly("${tellChallengerDelegate}");
  }

  private static List<String> constants(Class<?> type) {
    return FollowUpProcessModelTest.constants(type);
  }
}
