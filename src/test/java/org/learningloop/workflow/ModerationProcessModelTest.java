package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * {@code bpmn/moderation.bpmn} and {@link ModerationProcess} agree, and the model keeps the rules.
 */
class ModerationProcessModelTest extends ProcessModelContract {

  ModerationProcessModelTest() {
    super(ModerationProcess.RESOURCE, ModerationProcess.KEY, ModerationProcess.Elements.class);
  }

  @Test
  void theModelHasNoMessages() {
    assertThat(model.getModelElementsByType(Message.class)).isEmpty();
  }

  @Test
  void theModeratorsTaskIsTheirGroupsAndHasItsDueDateFromItsVariable() {
    for (UserTask task :
        userTasksDueFrom(
            ModerationProcess.USER_TASKS.keySet(), ModerationProcess.USER_TASKS::get)) {
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
}
