package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
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

/** The constants types and the models agree, both ways, and every model keeps the house rules. */
class FollowUpProcessModelTest {

  record Model(String resource, String key, Class<?> elements, Class<?> messages) {
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
                FollowUpProcess.Messages.class),
            new Model(
                ReflectiveConversationProcess.RESOURCE, ReflectiveConversationProcess.KEY,
                ReflectiveConversationProcess.Elements.class,
                    ReflectiveConversationProcess.Messages.class),
            new Model(
                SupportItemProcess.RESOURCE,
                SupportItemProcess.KEY,
                SupportItemProcess.Elements.class,
                SupportItemProcess.Messages.class))
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

  private static BpmnModelInstance readModel(String resource) throws Exception {
    try (InputStream in =
        FollowUpProcessModelTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return Bpmn.readModelFromStream(in);
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
