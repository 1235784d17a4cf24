package org.learningloop.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;

/**
 * The baseline: a separate Camunda engine on the same database with nothing of ours, running models
 * with the same user tasks as our follow-up (allocation, two reflective conversations of two tasks
 * each, support items of three tasks each, closure and sign-off, then the re-audit timer), each
 * user task with a non-interrupting boundary timer at its due date (how the engine alone would
 * remind). Same history level (full), JDBC batching and isolation as ours; no job executor (nor in
 * ours, during the benchmark). Tasks are found by process instance and completed by {@link
 * TaskService}.
 */
final class BareEngine implements Lifecycle, AutoCloseable {

  private static final String FOLLOW_UP = "bench_bare_follow_up";
  private static final String CONVERSATION = "bench_bare_conversation";
  private static final String SUPPORT = "bench_bare_support";

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;

  BareEngine(DataSource dataSource) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bench-bare");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("false");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setJdbcBatchProcessing(true);
    configuration.setEnforceHistoryTimeToLive(true);
    engine = configuration.buildProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    engine
        .getRepositoryService()
        .createDeployment()
        .name("bench-bare")
        .enableDuplicateFiltering(false)
        .addModelInstance(FOLLOW_UP + ".bpmn", followUp())
        .addModelInstance(CONVERSATION + ".bpmn", conversation())
        .addModelInstance(SUPPORT + ".bpmn", support())
        .deploy();
  }

  @Override
  public void run(String key, Steps steps) {
    Date soon = Date.from(Instant.now().plus(Duration.ofDays(20)));
    Date later = Date.from(Instant.now().plus(Duration.ofDays(90)));
    Map<String, Object> variables =
        Map.of("officer", OpenFollowUpSeed.OFFICER, "due", soon, "reAuditAt", later);
    steps.step(() -> runtime.startProcessInstanceByKey(FOLLOW_UP, key, variables));
    steps.step(() -> complete(key, "Task_AllocateFollowUp"));
    for (int conversation = 0; conversation < 2; conversation++) {
      steps.step(() -> complete(key, "Task_ScheduleConversation"));
      steps.step(() -> complete(key, "Task_HoldConversation"));
    }
    for (int item = 1; item <= 2; item++) {
      String itemKey = key + "-s" + item;
      steps.step(() -> runtime.startProcessInstanceByKey(SUPPORT, itemKey, variables));
      steps.step(() -> complete(itemKey, "Task_RespondToSupportOffer"));
      steps.step(() -> complete(itemKey, "Task_CompleteSupport"));
      steps.step(() -> complete(itemKey, "Task_VerifySupportCompletion"));
    }
    steps.step(() -> complete(key, "Task_ProposeClosure"));
    steps.step(() -> complete(key, "Task_SignOffClosure"));
  }

  /** Completes the first open task with that key among the processes of the business key. */
  private void complete(String businessKey, String taskKey) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(businessKey)
            .taskDefinitionKey(taskKey)
            .listPage(0, 1)
            .get(0);
    tasks.complete(task.getId());
  }

  private static BpmnModelInstance followUp() {
    AbstractFlowNodeBuilder<?, ?> flow =
        process(FOLLOW_UP)
            .startEvent()
            .userTask("Task_AllocateFollowUp")
            .camundaCandidateGroups("practice-improvement");
    flow = remind(flow, "Task_AllocateFollowUp").parallelGateway("Gateway_Conversations");
    flow =
        flow.callActivity("CallActivity_FirstConversation")
            .calledElement(CONVERSATION)
            .camundaInBusinessKey("#{execution.processBusinessKey}")
            .camundaIn("officer", "officer")
            .camundaIn("due", "due")
            .parallelGateway("Gateway_ConversationsHeld")
            .moveToNode("Gateway_Conversations")
            .callActivity("CallActivity_SecondConversation")
            .calledElement(CONVERSATION)
            .camundaInBusinessKey("#{execution.processBusinessKey}")
            .camundaIn("officer", "officer")
            .camundaIn("due", "due")
            .connectTo("Gateway_ConversationsHeld")
            .userTask("Task_ProposeClosure")
            .camundaAssignee("${officer}");
    flow =
        remind(flow, "Task_ProposeClosure")
            .userTask("Task_SignOffClosure")
            .camundaCandidateGroups("pi-lead");
    flow = remind(flow, "Task_SignOffClosure");
    return flow.intermediateCatchEvent("TimerEvent_ReAuditDue")
        .timerWithDate("${reAuditAt}")
        .endEvent()
        .done();
  }

  private static BpmnModelInstance conversation() {
    return officersTasks(CONVERSATION, "Task_ScheduleConversation", "Task_HoldConversation");
  }

  private static BpmnModelInstance support() {
    return officersTasks(
        SUPPORT,
        "Task_RespondToSupportOffer",
        "Task_CompleteSupport",
        "Task_VerifySupportCompletion");
  }

  /** A process of the officer's user tasks one after the other, each {@link #remind reminded}. */
  private static BpmnModelInstance officersTasks(String key, String... tasks) {
    AbstractFlowNodeBuilder<?, ?> flow = process(key).startEvent();
    for (String task : tasks) {
      flow = remind(flow.userTask(task).camundaAssignee("${officer}"), task);
    }
    return flow.endEvent().done();
  }

  private static ProcessBuilder process(String key) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180);
  }

  /**
   * Gives the user task its due date and a non-interrupting boundary timer at that date, whose path
   * just ends; answers the builder back at the task.
   */
  private static AbstractFlowNodeBuilder<?, ?> remind(
      AbstractFlowNodeBuilder<?, ?> flow, String task) {
    UserTaskBuilder userTask = flow.moveToActivity(task);
    userTask.camundaDueDate("${due}");
    UserTaskBuilder back =
        userTask
            .boundaryEvent("BoundaryEvent_" + task.substring("Task_".length()) + "Overdue")
            .cancelActivity(false)
            .timerWithDate("${due}")
            .endEvent()
            .moveToActivity(task);
    return back;
  }

  @Override
  public void close() {
    engine.close();
  }
}
