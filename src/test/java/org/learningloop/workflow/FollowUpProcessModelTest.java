package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FollowUpProcessModelTest {

  @RegisterExtension static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-engine-test.cfg.xml").build();

  @Test
  void everyElementConstantNamesAnElementOfTheModel() throws Exception {
    BpmnModelInstance model = readModel();
    for (String id : constants(FollowUpProcess.Elements.class)) {
      assertThat((Object) model.getModelElementById(id)).as("element %s in %s", id, FollowUpProcess.RESOURCE).isNotNull();
    }
    assertThat(model.getModelElementsByType(Process.class))
        .extracting(Process::getId)
        .containsExactly(FollowUpProcess.KEY);
  }

  @Test
  void everyProcessHasAHistoryTimeToLive() throws Exception {
    assertThat(readModel().getModelElementsByType(Process.class))
        .allSatisfy(p -> assertThat(p.getCamundaHistoryTimeToLiveString()).isNotBlank());
  }

  @Test
  void newFollowUpsWaitInThePracticeImprovementQueue() throws Exception {
    assertThat(readModel().<UserTask>getModelElementById(FollowUpProcess.Elements.Task_AllocateFollowUp).getCamundaCandidateGroups())
        .isEqualTo("practice-improvement");
  }

  @Test
  @Deployment(resources = FollowUpProcess.RESOURCE)
  void inadequateAuditIsAllocatedThenTheFollowUpProceeds() {
    RuntimeService runtime = engine.getRuntimeService();
    BpmnAwareTests.init(engine.getProcessEngine());

    ProcessInstance followUp =
        runtime.startProcessInstanceByKey(
            FollowUpProcess.KEY, "AUD-1", java.util.Map.of(FollowUpProcess.Variables.AUDIT_REF, "AUD-1"));

    BpmnAwareTests.assertThat(followUp).isWaitingAt(FollowUpProcess.Elements.Task_AllocateFollowUp);
    BpmnAwareTests.assertThat(task(followUp)).hasCandidateGroup("practice-improvement");
    complete(task(followUp));
    BpmnAwareTests.assertThat(followUp).hasPassed(FollowUpProcess.Elements.EndEvent_FollowUpAllocated).isEnded();
  }

  private static BpmnModelInstance readModel() throws Exception {
    try (InputStream in = FollowUpProcessModelTest.class.getClassLoader().getResourceAsStream(FollowUpProcess.RESOURCE)) {
      assertThat(in).as(FollowUpProcess.RESOURCE + " on the classpath").isNotNull();
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
