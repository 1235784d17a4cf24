package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * What a model of one process and its constants type keep, for the tests of each such model: the
 * element constants and the flow nodes agree both ways, the process has a history time to live and
 * the ids follow the naming guide.
 */
abstract class ProcessModelContract {

  final BpmnModelInstance model;
  private final String key;
  private final Class<?> elements;

  ProcessModelContract(String resource, String key, Class<?> elements) {
    this.model = FollowUpProcessModelTest.readModel(resource);
    this.key = key;
    this.elements = elements;
  }

  @Test
  void everyElementConstantNamesAFlowNodeAndEveryFlowNodeHasAConstant() {
    assertThat(constants(elements))
        .containsExactlyInAnyOrderElementsOf(
            model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
    assertThat(model.getModelElementsByType(Process.class))
        .extracting(Process::getId)
        .containsExactly(key);
  }

  @Test
  void theProcessHasAHistoryTimeToLive() {
    assertThat(model.getModelElementsByType(Process.class))
        .allSatisfy(p -> assertThat(p.getCamundaHistoryTimeToLiveString()).isNotBlank());
  }

  @Test
  void idsFollowTheNamingGuide() {
    assertThat(constants(elements))
        .allMatch(id -> id.matches("(StartEvent|EndEvent|Task|Gateway|SubProcess)_[A-Z][A-Za-z]+"));
  }

  /**
   * The model's user tasks, asserted to be exactly {@code ids}, each with its {@code
   * camunda:dueDate} the expression of its due variable.
   */
  List<UserTask> userTasksDueFrom(Set<String> ids, Function<String, String> dueVariable) {
    List<UserTask> tasks = List.copyOf(model.getModelElementsByType(UserTask.class));
    assertThat(tasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(ids);
    for (UserTask task : tasks) {
      assertThat(task.getCamundaDueDate())
          .as(task.getId())
          .isEqualTo("${" + dueVariable.apply(task.getId()) + "}");
    }
    return tasks;
  }

  static List<String> constants(Class<?> type) {
    return FollowUpProcessModelTest.constants(type);
  }
}
