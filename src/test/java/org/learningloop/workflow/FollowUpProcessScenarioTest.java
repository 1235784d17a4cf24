package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.learningloop.workflow.FollowUpProcess.Elements;
import org.learningloop.workflow.FollowUpProcess.Variables;

/**
 * The follow-up process on the bare engine: the happy path written once, and one test per
 * deviation, each changing only what differs. Timers move with the engine's clock. Together the
 * tests visit every flow node and sequence flow of the three models (the coverage extension fails
 * the class otherwise).
 */
@Deployment(
    resources = {
      FollowUpProcess.RESOURCE,
      ReflectiveConversationProcess.RESOURCE,
      SupportItemProcess.RESOURCE
    })
class FollowUpProcessScenarioTest extends ProcessScenario {

  @RegisterExtension static ProcessEngineCoverageExtension engine = engineCoveringEveryPath();

  static final String AUDIT = "AUD-1";
  static final long FOLLOW_UP = 1L;
  static final long TM_CONVERSATION = 11L;
  static final long PRACTITIONER_CONVERSATION = 12L;
  static final long JOINT_CONVERSATION = 13L;

  final List<String> escalations = new ArrayList<>();
  final List<Long> reAuditsRequested = new ArrayList<>();

  ProcessInstance followUp;

  @BeforeEach
  void setUp() {
    Mocks.register(
        "escalateSafeguardingDelegate",
        (JavaDelegate)
            execution -> {
              String to = (String) execution.getVariable(Variables.ESCALATE_TO);
              escalations.add(to);
              execution.setVariable(
                  Variables.SAFEGUARDING_ASSIGNEE,
                  to.equals("SERVICE_MANAGER") ? "service-manager" : "assistant-director");
            });
    Mocks.register(
        "requestReAuditDelegate",
        (JavaDelegate)
            execution ->
                reAuditsRequested.add((Long) execution.getVariable(Variables.FOLLOW_UP_ID)));
  }

  // ---- the happy path, in steps each deviation reuses ----

  @Test
  void inadequateAuditIsAllocatedConversationsHeldClosedAndReAudited() {
    start(false);
    assertThat(followUp).isWaitingAt(Elements.Task_AllocateFollowUp);
    assertThat(task()).hasCandidateGroup("practice-improvement").hasDueDate(at(Duration.ofDays(2)));

    allocate(false);
    assertThat(followUp)
        .isWaitingAt(
            Elements.CallActivity_HoldTeamManagerConversation,
            Elements.CallActivity_HoldPractitionerConversation);
    holdConversation(TM_CONVERSATION);
    assertThat(followUp).isWaitingAt(Elements.CallActivity_HoldPractitionerConversation);
    holdConversation(PRACTITIONER_CONVERSATION);

    proposeClosure();
    signOff(true);
    assertThat(followUp)
        .hasPassed(Elements.Gateway_BothConversationsHeld, Elements.EndEvent_FollowUpClosed)
        .isWaitingAt(Elements.TimerEvent_ReAuditDue);

    reAudit();
    assertThat(followUp).hasPassed(Elements.EndEvent_LoopClosed).isEnded();
    assertThat(reAuditsRequested).containsExactly(FOLLOW_UP);
  }

  @Test
  void oneJointConversationCountsForBoth() {
    start(false);
    allocate(true);
    assertThat(followUp).isWaitingAt(Elements.CallActivity_HoldJointConversation);
    holdConversation(JOINT_CONVERSATION);
    assertThat(followUp)
        .isWaitingAt(Elements.Task_ProposeClosure)
        .hasNotPassed(Elements.Gateway_BothConversationsHeld);
  }

  @Test
  void aConversationNotHeldTwiceIsScheduledAgainUntilHeld() {
    start(false);
    allocate(false);
    holdConversation(TM_CONVERSATION);
    for (int attempt = 0; attempt < 2; attempt++) {
      schedule(PRACTITIONER_CONVERSATION, Duration.ofDays(3));
      complete(
          conversationTask(PRACTITIONER_CONVERSATION),
          withVariables(ReflectiveConversationProcess.Variables.CONVERSATION_HELD, false));
      assertThat(conversationTask(PRACTITIONER_CONVERSATION))
          .hasDefinitionKey(ReflectiveConversationProcess.Elements.Task_ScheduleConversation);
    }
    holdConversation(PRACTITIONER_CONVERSATION);
    assertThat(followUp).isWaitingAt(Elements.Task_ProposeClosure);
  }

  @Test
  void aRescheduledConversationWaitsForItsNewDate() {
    start(false);
    allocate(true);
    schedule(JOINT_CONVERSATION, Duration.ofDays(3));
    runtimeService()
        .createMessageCorrelation(ReflectiveConversationProcess.Messages.ConversationRescheduled)
        .processInstanceVariableEquals(
            ReflectiveConversationProcess.Variables.CONVERSATION_ID, JOINT_CONVERSATION)
        .setVariable(
            ReflectiveConversationProcess.Variables.OUTCOME_DUE,
            Date.from(T0.plus(Duration.ofDays(7))))
        .correlate();
    assertThat(conversationTask(JOINT_CONVERSATION))
        .hasDefinitionKey(ReflectiveConversationProcess.Elements.Task_HoldConversation)
        .hasDueDate(at(Duration.ofDays(7)));
  }

  @Test
  void aClosureSentBackIsProposedAgain() {
    start(false);
    allocate(true);
    holdConversation(JOINT_CONVERSATION);
    proposeClosure();
    signOff(false);
    assertThat(followUp).isWaitingAt(Elements.Task_ProposeClosure);
    proposeClosure();
    signOff(true);
    assertThat(followUp).isWaitingAt(Elements.TimerEvent_ReAuditDue);
  }

  @Test
  void theReAuditWaitsForItsPeriodAfterClosure() {
    start(false);
    allocate(true);
    holdConversation(JOINT_CONVERSATION);
    proposeClosure();
    signOff(true);
    assertThat(job(followUp).getDuedate()).isEqualTo(at(Duration.ofDays(90)));
    assertThat(reAuditsRequested).isEmpty();
    reAudit();
    assertThat(followUp).isEnded();
  }

  @Test
  void aReAuditThatCannotHappenEndsTheProcessWithoutOne() {
    start(false);
    finishLearning();
    ClockUtil.setCurrentTime(at(Duration.ofDays(91)));
    execute(job(followUp));
    assertThat(followUp).isWaitingAt(Elements.Task_ReAuditCase);

    runtimeService()
        .createMessageCorrelation(FollowUpProcess.Messages.ReAuditNotPossible)
        .processInstanceBusinessKey(AUDIT)
        .correlate();

    assertThat(followUp)
        .hasPassed(Elements.BoundaryEvent_ReAuditNotPossible, Elements.EndEvent_ReAuditNotPossible)
        .hasNotPassed(Elements.EndEvent_LoopClosed)
        .isEnded();
    assertThat(taskQuery().list()).as("the re-audit task is gone from every list").isEmpty();
  }

  // ---- ended early ----

  @Test
  void gradeRevisedWhileWaitingForAllocationEndsTheFollowUp() {
    start(false);
    reviseGrade();
  }

  @Test
  void gradeRevisedDuringTheConversationsEndsThemToo() {
    start(false);
    allocate(false);
    schedule(TM_CONVERSATION, Duration.ofDays(2));
    reviseGrade();
    assertThat(taskQuery().list()).isEmpty();
    assertThat(
            runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(AUDIT).count())
        .isZero();
  }

  @Test
  void gradeRevisedBeforeClosureIsProposedEndsTheFollowUp() {
    start(false);
    allocate(true);
    holdConversation(JOINT_CONVERSATION);
    reviseGrade();
  }

  @Test
  void gradeRevisedWhileClosureAwaitsSignOffEndsTheFollowUp() {
    start(true);
    allocate(true);
    holdConversation(JOINT_CONVERSATION);
    proposeClosure();
    reviseGrade();
  }

  @Test
  void aPiLeadWithdrawsTheFollowUp() {
    start(true);
    allocate(false);
    runtimeService()
        .createMessageCorrelation(FollowUpProcess.Messages.FollowUpWithdrawn)
        .processInstanceBusinessKey(AUDIT)
        .correlate();
    assertThat(followUp).hasPassed(Elements.EndEvent_FollowUpWithdrawn).isEnded();
  }

  // ---- safeguarding fast track ----

  @Test
  void significantHarmRiskAsksTheTeamManagerToConfirmTheChildsSafety() {
    start(true);
    assertThat(followUp)
        .isWaitingAt(Elements.Task_AllocateFollowUp, Elements.Task_ConfirmChildSafety);
    assertThat(safeguardingTask()).isAssignedTo("team-manager").hasDueDate(at(Duration.ofDays(1)));
    complete(safeguardingTask());
    finishLearning();
    assertThat(followUp)
        .hasPassed(Elements.Gateway_SafeguardingSettled)
        .isWaitingAt(Elements.TimerEvent_ReAuditDue);
    assertThat(escalations).isEmpty();
  }

  @Test
  void safeguardingUnconfirmedByTheTeamManagerEscalatesToTheServiceManager() {
    start(true);
    passDeadline(Duration.ofDays(1));
    assertThat(escalations).containsExactly("SERVICE_MANAGER");
    assertThat(safeguardingTask())
        .hasDefinitionKey(Elements.Task_ConfirmChildSafetyAsServiceManager)
        .isAssignedTo("service-manager")
        .hasDueDate(at(Duration.ofDays(2)));
    complete(safeguardingTask());
    finishLearning();
    assertThat(followUp).isWaitingAt(Elements.TimerEvent_ReAuditDue);
  }

  @Test
  void safeguardingStillUnconfirmedEscalatesToTheAssistantDirector() {
    start(true);
    passDeadline(Duration.ofDays(1));
    passDeadline(Duration.ofDays(2));
    assertThat(escalations).containsExactly("SERVICE_MANAGER", "ASSISTANT_DIRECTOR");
    assertThat(safeguardingTask())
        .hasDefinitionKey(Elements.Task_ConfirmChildSafetyAsAssistantDirector)
        .isAssignedTo("assistant-director");
    complete(safeguardingTask());
    finishLearning();
    assertThat(followUp).isWaitingAt(Elements.TimerEvent_ReAuditDue);
  }

  @Test
  void closureWaitsForTheSafeguardingCheck() {
    start(true);
    finishLearning();
    assertThat(followUp)
        .isWaitingAt(Elements.Task_ConfirmChildSafety)
        .hasNotPassed(Elements.EndEvent_FollowUpClosed);
    complete(safeguardingTask());
    assertThat(followUp).hasPassed(Elements.EndEvent_FollowUpClosed);
  }

  // ---- support items ----

  @Test
  void supportAcceptedCompletedAndVerified() {
    ProcessInstance item = offerSupport(21L);
    assertThat(item).isWaitingAt(SupportItemProcess.Elements.Task_RespondToSupportOffer);
    assertThat(task(item)).isAssignedTo("practitioner").hasDueDate(at(Duration.ofDays(14)));
    complete(task(item), withVariables(SupportItemProcess.Variables.SUPPORT_ACCEPTED, true));
    complete(
        task(SupportItemProcess.Elements.Task_CompleteSupport, item),
        withVariables(SupportItemProcess.Variables.VERIFICATION_DUE, at(Duration.ofDays(21))));
    assertThat(task(item))
        .hasDefinitionKey(SupportItemProcess.Elements.Task_VerifySupportCompletion)
        .isAssignedTo("pi-officer")
        .hasDueDate(at(Duration.ofDays(21)));
    complete(task(item));
    assertThat(item).hasPassed(SupportItemProcess.Elements.EndEvent_SupportCompleted).isEnded();
  }

  @Test
  void supportDeclinedEndsTheItem() {
    ProcessInstance item = offerSupport(22L);
    complete(task(item), withVariables(SupportItemProcess.Variables.SUPPORT_ACCEPTED, false));
    assertThat(item).hasPassed(SupportItemProcess.Elements.EndEvent_SupportDeclined).isEnded();
  }

  @Test
  void supportWithdrawnEndsTheItemWhereverItWaits() {
    ProcessInstance item = offerSupport(23L);
    complete(task(item), withVariables(SupportItemProcess.Variables.SUPPORT_ACCEPTED, true));
    runtimeService()
        .createMessageCorrelation(SupportItemProcess.Messages.SupportWithdrawn)
        .processInstanceVariableEquals(SupportItemProcess.Variables.SUPPORT_ITEM_ID, 23L)
        .correlate();
    assertThat(item).hasPassed(SupportItemProcess.Elements.EndEvent_SupportWithdrawn).isEnded();
  }

  // ---- steps ----

  private void start(boolean significantHarmRisk) {
    // the extension builds its engine after @BeforeEach methods, so the assertions learn of it here
    BpmnAwareTests.init(engine.getProcessEngine());
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.FOLLOW_UP_ID, FOLLOW_UP);
    variables.put(Variables.AUDIT_REF, AUDIT);
    variables.put(Variables.ALLOCATION_DUE, at(Duration.ofDays(2)));
    variables.put(Variables.SIGNIFICANT_HARM_RISK, significantHarmRisk);
    variables.put(Variables.TEAM_MANAGER, "team-manager");
    variables.put(Variables.SAFEGUARDING_DUE, at(Duration.ofDays(1)));
    variables.put(Variables.SERVICE_MANAGER_DUE, at(Duration.ofDays(2)));
    variables.put(Variables.ASSISTANT_DIRECTOR_DUE, at(Duration.ofDays(3)));
    followUp = runtimeService().startProcessInstanceByKey(FollowUpProcess.KEY, AUDIT, variables);
  }

  private void allocate(boolean joint) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.OFFICER, "pi-officer");
    variables.put(Variables.JOINT_CONVERSATION, joint);
    variables.put(Variables.JOINT_CONVERSATION_ID, joint ? JOINT_CONVERSATION : null);
    variables.put(Variables.TEAM_MANAGER_CONVERSATION_ID, joint ? null : TM_CONVERSATION);
    variables.put(Variables.PRACTITIONER_CONVERSATION_ID, joint ? null : PRACTITIONER_CONVERSATION);
    variables.put(Variables.CONVERSATIONS_DUE, at(Duration.ofDays(28)));
    variables.put(Variables.CLOSURE_DUE, at(Duration.ofDays(60)));
    complete(task(Elements.Task_AllocateFollowUp, followUp), variables);
  }

  private void schedule(long conversationId, Duration from) {
    Task schedule = conversationTask(conversationId);
    assertThat(schedule)
        .hasDefinitionKey(ReflectiveConversationProcess.Elements.Task_ScheduleConversation)
        .isAssignedTo("pi-officer")
        .as("scheduling is due with the conversations stage")
        .hasDueDate(at(Duration.ofDays(28)));
    complete(
        schedule, withVariables(ReflectiveConversationProcess.Variables.OUTCOME_DUE, at(from)));
    assertThat(conversationTask(conversationId))
        .hasDefinitionKey(ReflectiveConversationProcess.Elements.Task_HoldConversation)
        .hasDueDate(at(from));
  }

  private void holdConversation(long conversationId) {
    schedule(conversationId, Duration.ofDays(5));
    complete(
        conversationTask(conversationId),
        withVariables(ReflectiveConversationProcess.Variables.CONVERSATION_HELD, true));
  }

  private void proposeClosure() {
    assertThat(task(Elements.Task_ProposeClosure, followUp)).isAssignedTo("pi-officer");
    complete(task(Elements.Task_ProposeClosure, followUp));
  }

  private void signOff(boolean approved) {
    assertThat(task(Elements.Task_SignOffClosure, followUp)).hasCandidateGroup("pi-lead");
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.CLOSURE_APPROVED, approved);
    variables.put(Variables.RE_AUDIT_DUE, at(Duration.ofDays(90)));
    variables.put(Variables.RE_AUDIT_TASK_DUE, at(Duration.ofDays(118)));
    complete(task(Elements.Task_SignOffClosure, followUp), variables);
  }

  private void finishLearning() {
    allocate(true);
    holdConversation(JOINT_CONVERSATION);
    proposeClosure();
    signOff(true);
  }

  private void reAudit() {
    ClockUtil.setCurrentTime(at(Duration.ofDays(91)));
    execute(job(followUp));
    assertThat(followUp).isWaitingAt(Elements.Task_ReAuditCase);
    assertThat(task(Elements.Task_ReAuditCase, followUp))
        .hasCandidateGroup("auditor")
        .as("not overdue the moment it appears: due a window later")
        .hasDueDate(at(Duration.ofDays(118)));
    complete(task(Elements.Task_ReAuditCase, followUp));
  }

  private void reviseGrade() {
    runtimeService()
        .createMessageCorrelation(FollowUpProcess.Messages.AuditGradeRevised)
        .processInstanceBusinessKey(AUDIT)
        .correlate();
    assertThat(followUp).hasPassed(Elements.EndEvent_GradeRevised).isEnded();
  }

  private void passDeadline(Duration from) {
    ClockUtil.setCurrentTime(Date.from(T0.plus(from).plusSeconds(1)));
    execute(job(followUp));
  }

  private Task safeguardingTask() {
    return taskQuery()
        .processInstanceId(followUp.getId())
        .taskDefinitionKeyIn(
            Elements.Task_ConfirmChildSafety,
            Elements.Task_ConfirmChildSafetyAsServiceManager,
            Elements.Task_ConfirmChildSafetyAsAssistantDirector)
        .singleResult();
  }

  private Task conversationTask(long conversationId) {
    return taskQuery()
        .processVariableValueEquals(
            ReflectiveConversationProcess.Variables.CONVERSATION_ID, conversationId)
        .singleResult();
  }

  private ProcessInstance offerSupport(long itemId) {
    BpmnAwareTests.init(engine.getProcessEngine());
    Map<String, Object> variables = new HashMap<>();
    variables.put(SupportItemProcess.Variables.FOLLOW_UP_ID, FOLLOW_UP);
    variables.put(SupportItemProcess.Variables.SUPPORT_ITEM_ID, itemId);
    variables.put(SupportItemProcess.Variables.SUPPORT_OWNER, "practitioner");
    variables.put(SupportItemProcess.Variables.SUPPORT_DUE, at(Duration.ofDays(14)));
    variables.put(SupportItemProcess.Variables.OFFICER, "pi-officer");
    return runtimeService().startProcessInstanceByKey(SupportItemProcess.KEY, AUDIT, variables);
  }
}
