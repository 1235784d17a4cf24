package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.learningloop.workflow.ActionProcess.Elements;
import org.learningloop.workflow.ActionProcess.Variables;

/**
 * An action's process on the bare engine: the happy path written once and each deviation changing
 * only what differs. Together the tests visit every flow node and sequence flow of the model (the
 * coverage extension fails the class otherwise). The model has no timers: reminders and the
 * escalation ladder are swept from the task read model by the due dates these tasks carry.
 */
@Deployment(resources = ActionProcess.RESOURCE)
class ActionProcessScenarioTest extends ProcessScenario {

  @RegisterExtension static ProcessEngineCoverageExtension engine = engineCoveringEveryPath();

  static final long ACTION = 7L;
  static final String SOURCE = "DS-2023-12-HP";

  /** Who the service tasks told, in order: "owner" or "verifier". */
  final List<String> told = new ArrayList<>();

  ProcessInstance action;

  @BeforeEach
  void setUp() {
    Mocks.register(
        "tellActionOwnerDelegate",
        (JavaDelegate)
            execution -> {
              assertThat(execution.getVariable(Variables.ACTION_ID)).isEqualTo(ACTION);
              told.add("owner");
            });
    Mocks.register(
        "tellActionVerifierDelegate",
        (JavaDelegate)
            execution -> {
              assertThat(execution.getVariable(Variables.ACTION_ID)).isEqualTo(ACTION);
              told.add("verifier");
            });
  }

  @Test
  void theOwnerIsToldRecordsWhatWasDoneAndTheSetterVerifiesIt() {
    set();
    assertThat(action)
        .hasPassed(Elements.Task_TellActionOwner)
        .isWaitingAt(Elements.Task_CompleteAction);
    assertThat(task(action)).isAssignedTo("practitioner").hasDueDate(at(Duration.ofDays(10)));
    assertThat(told).containsExactly("owner");

    recordWhatWasDone();
    assertThat(action).isWaitingAt(Elements.Task_VerifyAction);
    assertThat(task(action)).isAssignedTo("auditor").hasDueDate(at(Duration.ofDays(12)));
    // a PI lead may verify in the setter's place
    assertThat(taskService().getIdentityLinksForTask(task(action).getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("pi-lead"));
    assertThat(told).containsExactly("owner", "verifier");

    decide(true);
    assertThat(action)
        .hasPassed(Elements.Gateway_ActionVerified, Elements.EndEvent_ActionDone)
        .isEnded();
  }

  @Test
  void evidenceSentBackTellsTheOwnerAgainWithTheSameDueDate() {
    set();
    recordWhatWasDone();
    decide(false);
    assertThat(action).isWaitingAt(Elements.Task_CompleteAction);
    assertThat(task(action)).isAssignedTo("practitioner").hasDueDate(at(Duration.ofDays(10)));
    assertThat(told).containsExactly("owner", "verifier", "owner");

    recordWhatWasDone();
    decide(true);
    assertThat(action).hasPassed(Elements.EndEvent_ActionDone).isEnded();
    assertThat(told).containsExactly("owner", "verifier", "owner", "verifier");
  }

  @Test
  void anActionCancelledBeforeItIsDoneEndsAtOnce() {
    set();
    cancel();
    assertThat(action)
        .hasPassed(Elements.StartEvent_ActionCancelled, Elements.EndEvent_ActionCancelled)
        .hasNotPassed(Elements.Task_TellActionVerifier)
        .isEnded();
  }

  @Test
  void anActionCancelledWhileItsEvidenceWaitsForVerificationEndsToo() {
    set();
    recordWhatWasDone();
    cancel();
    assertThat(action)
        .hasPassed(Elements.EndEvent_ActionCancelled)
        .hasNotPassed(Elements.EndEvent_ActionDone)
        .isEnded();
    assertThat(told).containsExactly("owner", "verifier");
  }

  // ---- steps ----

  private void set() {
    // the extension builds its engine after @BeforeEach methods, so the assertions learn of it here
    // (other test classes of the same run start engines of their own)
    BpmnAwareTests.init(engine.getProcessEngine());
    action =
        runtimeService()
            .createProcessInstanceByKey(ActionProcess.KEY)
            .businessKey(SOURCE)
            .setVariables(
                Map.of(
                    Variables.ACTION_ID,
                    ACTION,
                    Variables.ACTION_OWNER,
                    "practitioner",
                    Variables.ACTION_DUE,
                    at(Duration.ofDays(10)),
                    Variables.SETTER,
                    "auditor"))
            .execute();
  }

  private void recordWhatWasDone() {
    complete(task(action), withVariables(Variables.VERIFICATION_DUE, at(Duration.ofDays(12))));
  }

  private void decide(boolean verified) {
    complete(task(action), withVariables(Variables.ACTION_VERIFIED, verified));
  }

  private void cancel() {
    runtimeService()
        .createMessageCorrelation(ActionProcess.Messages.ActionCancelled)
        .processInstanceVariableEquals(Variables.ACTION_ID, ACTION)
        .correlate();
  }
}
