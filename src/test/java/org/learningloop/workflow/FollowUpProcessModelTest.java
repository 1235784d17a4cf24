package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.learningloop.followup.FollowUpStage;

/** The constants types and the models agree, both ways, and every model keeps the house rules. */
class FollowUpProcessModelTest {

  record Model(
      String resource,
      String key,
      Class<?> elements,
      Class<?> messages,
      Map<String, UserTaskDeadline> userTasks) {
    @Override
    public String toString() {
      return resource;
    }
  }

  static Stream<Arguments> models() {
    return Stream.of(
            new Model(
                FollowUpProcess.RESOURCE,
                FollowUpProcess.KEY,
                FollowUpProcess.Elements.class,
                FollowUpProcess.Messages.class,
                FollowUpProcess.USER_TASKS),
            new Model(
                ReflectiveConversationProcess.RESOURCE,
                ReflectiveConversationProcess.KEY,
                ReflectiveConversationProcess.Elements.class,
                ReflectiveConversationProcess.Messages.class,
                ReflectiveConversationProcess.USER_TASKS),
            new Model(
                SupportItemProcess.RESOURCE,
                SupportItemProcess.KEY,
                SupportItemProcess.Elements.class,
                SupportItemProcess.Messages.class,
                SupportItemProcess.USER_TASKS))
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyElementConstantNamesAFlowNodeAndEveryFlowNodeHasAConstant(Model m) throws Exception {
    BpmnModelInstance model = readModel(m.resource());
    List<String> flowNodes =
        model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();
    assertThat(constants(m.elements())).containsExactlyInAnyOrderElementsOf(flowNodes);
    assertThat(model.getModelElementsByType(Process.class))
        .extracting(Process::getId)
        .containsExactly(m.key());
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyMessageConstantNamesAMessageOfTheModel(Model m) throws Exception {
    List<String> messages =
        readModel(m.resource()).getModelElementsByType(Message.class).stream()
            .map(Message::getName)
            .toList();
    assertThat(constants(m.messages())).containsExactlyInAnyOrderElementsOf(messages);
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyProcessHasAHistoryTimeToLive(Model m) throws Exception {
    assertThat(readModel(m.resource()).getModelElementsByType(Process.class))
        .allSatisfy(p -> assertThat(p.getCamundaHistoryTimeToLiveString()).isNotBlank());
  }

  @ParameterizedTest
  @MethodSource("models")
  void idsFollowTheNamingGuide(Model m) throws Exception {
    assertThat(constants(m.elements()))
        .allMatch(
            id ->
                id.matches(
                    "(StartEvent|EndEvent|Task|ServiceTask|CallActivity|Gateway|BoundaryEvent|TimerEvent|SubProcess)_[A-Z][A-Za-z]+"));
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyUserTaskServesAStageAndHasADueDateFromItsVariable(Model m) throws Exception {
    BpmnModelInstance model = readModel(m.resource());
    assertThat(withoutDeadline(model, m.userTasks())).isEmpty();
    assertThat(model.getModelElementsByType(UserTask.class))
        .extracting(UserTask::getId)
        .containsExactlyInAnyOrderElementsOf(m.userTasks().keySet());
  }

  @Test
  void aUserTaskAddedWithoutADueDateOrStageIsCaught() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("P")
            .startEvent()
            .userTask("Task_Known")
            .camundaDueDate("${knownDue}")
            .userTask("Task_NoDueDate")
            .userTask("Task_NoStage")
            .camundaDueDate("${someDue}")
            .userTask("Task_WrongVariable")
            .camundaDueDate("${otherDue}")
            .endEvent()
            .done();
    Map<String, UserTaskDeadline> known =
        Map.of(
            "Task_Known", new UserTaskDeadline(FollowUpStage.CLOSURE, "knownDue"),
            "Task_NoDueDate", new UserTaskDeadline(FollowUpStage.CLOSURE, "noDue"),
            "Task_WrongVariable", new UserTaskDeadline(FollowUpStage.CLOSURE, "wrongDue"));

    assertThat(withoutDeadline(model, known))
        .containsExactlyInAnyOrder("Task_NoDueDate", "Task_NoStage", "Task_WrongVariable");
  }

  @Test
  void theStageMapAnswersForEveryModelsTasks() {
    assertThat(
            UserTaskDeadline.stageOf(ReflectiveConversationProcess.Elements.Task_HoldConversation))
        .contains(FollowUpStage.CONVERSATIONS);
    assertThat(UserTaskDeadline.stageOf(SupportItemProcess.Elements.Task_VerifySupportCompletion))
        .contains(FollowUpStage.SUPPORT);
    assertThat(UserTaskDeadline.stageOf(FollowUpProcess.Elements.Task_ReAuditCase))
        .contains(FollowUpStage.RE_AUDIT);
    assertThat(UserTaskDeadline.stageOf("Task_Unknown")).isEmpty();
  }

  /**
   * The user tasks of a model that have no stage in {@code userTasks}, or whose {@code
   * camunda:dueDate} is missing or is not the expression of their due variable.
   */
  static List<String> withoutDeadline(
      BpmnModelInstance model, Map<String, UserTaskDeadline> userTasks) {
    return model.getModelElementsByType(UserTask.class).stream()
        .filter(
            t -> {
              UserTaskDeadline deadline = userTasks.get(t.getId());
              return deadline == null
                  || !("${" + deadline.dueVariable() + "}").equals(t.getCamundaDueDate());
            })
        .map(UserTask::getId)
        .toList();
  }

  @Test
  void newFollowUpsWaitInThePracticeImprovementQueue() throws Exception {
    assertThat(
            readModel(FollowUpProcess.RESOURCE)
                .<UserTask>getModelElementById(FollowUpProcess.Elements.Task_AllocateFollowUp)
                .getCamundaCandidateGroups())
        .isEqualTo("practice-improvement");
  }

  @Test
  void theReAuditIsForTheAuditors() throws Exception {
    assertThat(
            readModel(FollowUpProcess.RESOURCE)
                .<UserTask>getModelElementById(FollowUpProcess.Elements.Task_ReAuditCase)
                .getCamundaCandidateGroups())
        .isEqualTo("auditor");
  }

  /** A model of {@code bpmn/} from the classpath, as the engine deploys it. */
  static BpmnModelInstance readModel(String resource) {
    try (InputStream in =
        FollowUpProcessModelTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return Bpmn.readModelFromStream(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> constants(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(FollowUpProcessModelTest::value)
        .toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
