package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.learningloop.workflow.ModerationProcess.Elements;
import org.learningloop.workflow.ModerationProcess.Variables;

/**
 * A moderation request's process on the bare engine: a sampled audit and a challenged grade.
 * Together the tests visit every flow node and sequence flow of the model (the coverage extension
 * fails the class otherwise). Reminders and the escalation ladder are swept from the task read
 * model by the due date the task carries.
 */
@Deployment(resources = ModerationProcess.RESOURCE)
class ModerationProcessScenarioTest extends ProcessScenario {

  @RegisterExtension static ProcessEngineCoverageExtension engine = engineCoveringEveryPath();

  static final long REQUEST = 11L;
  static final String AUDIT = "AUD-2024-0007";
  static final Instant DUE = Instant.parse("2026-03-16T17:00:00Z");

  /** The requests whose challenger was told. */
  final List<Object> told = new ArrayList<>();

  @BeforeEach
  void setUp() {
    Mocks.register(
        "tellChallengerDelegate",
        (JavaDelegate)
            execution -> told.add(execution.getVariable(Variables.MODERATION_REQUEST_ID)));
  }

  ProcessInstance start(boolean challenge) {
    return runtimeService()
        .createProcessInstanceByKey(ModerationProcess.KEY)
        .businessKey(AUDIT)
        .setVariable(Variables.MODERATION_REQUEST_ID, REQUEST)
        .setVariable(Variables.MODERATION_DUE, Date.from(DUE))
        .setVariable(Variables.CHALLENGE, challenge)
        .execute();
  }

  @Test
  void aSampledAuditWaitsForTheModeratorsByItsDueDateAndEndsWhenModerated() {
    ProcessInstance p = start(false);

    assertThat(p).isWaitingAt(Elements.Task_ModerateAudit);
    assertThat(task()).hasCandidateGroup("moderator").isNotAssigned().hasDueDate(Date.from(DUE));
    assertThat(p.getBusinessKey()).isEqualTo(AUDIT);

    complete(task());

    assertThat(p).hasPassed(Elements.EndEvent_Moderated).isEnded();
    assertThat(told).isEmpty();
  }

  @Test
  void aChallengeTellsTheChallengerTheOutcomeOnceModerated() {
    ProcessInstance p = start(true);

    assertThat(p).isWaitingAt(Elements.Task_ModerateAudit);
    complete(task());

    assertThat(p)
        .hasPassedInOrder(
            Elements.Task_ModerateAudit,
            Elements.Gateway_Challenged,
            Elements.Task_TellChallenger,
            Elements.EndEvent_ChallengeDecided)
        .isEnded();
    assertThat(told).containsExactly(REQUEST);
  }
}
