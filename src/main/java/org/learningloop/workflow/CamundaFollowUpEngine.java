package org.learningloop.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.learningloop.followup.FollowUpEngine;
import org.learningloop.followup.FollowUpException;
import org.springframework.stereotype.Component;

/**
 * The follow-up's process on Camunda 7: starts it, completes the step a domain action finishes, and
 * correlates the messages that interrupt it. Runs in the caller's transaction (the engine shares
 * the application's transaction manager), so a domain change and the process step commit together.
 */
@Component
class CamundaFollowUpEngine implements FollowUpEngine {

  private final RuntimeService runtime;
  private final TaskService tasks;

  CamundaFollowUpEngine(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /**
   * The business key is the audit ref, which a reopened follow-up keeps: its new instance runs
   * under the same key as the ended one, so only one instance of the follow-up's process may be
   * running at a time.
   */
  @Override
  public void start(Start start) {
    long running =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(FollowUpProcess.KEY)
            .processInstanceBusinessKey(start.auditRef())
            .count();
    if (running > 0) {
      throw FollowUpException.outOfOrder(
          "The follow-up process of audit " + start.auditRef() + " is running already.");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(FollowUpProcess.Variables.FOLLOW_UP_ID, start.followUpId());
    variables.put(FollowUpProcess.Variables.AUDIT_REF, start.auditRef());
    variables.put(FollowUpProcess.Variables.ALLOCATION_DUE, date(start.allocationDue()));
    variables.put(FollowUpProcess.Variables.SIGNIFICANT_HARM_RISK, start.significantHarmRisk());
    variables.put(FollowUpProcess.Variables.TEAM_MANAGER, start.teamManagerUsername());
    variables.put(FollowUpProcess.Variables.SAFEGUARDING_DUE, date(start.safeguardingDue()));
    variables.put(FollowUpProcess.Variables.SERVICE_MANAGER_DUE, date(start.serviceManagerDue()));
    variables.put(
        FollowUpProcess.Variables.ASSISTANT_DIRECTOR_DUE, date(start.assistantDirectorDue()));
    runtime
        .createProcessInstanceByKey(FollowUpProcess.KEY)
        .businessKey(start.auditRef())
        .setVariables(variables)
        .execute();
  }

  @Override
  public void allocate(String auditRef, Allocation allocation) {
    Task task =
        one(
            byKey(auditRef).taskDefinitionKey(FollowUpProcess.Elements.Task_AllocateFollowUp),
            "allocation");
    Map<String, Object> variables = new HashMap<>();
    variables.put(FollowUpProcess.Variables.OFFICER, allocation.officerUsername());
    variables.put(FollowUpProcess.Variables.JOINT_CONVERSATION, allocation.jointConversation());
    variables.put(
        FollowUpProcess.Variables.JOINT_CONVERSATION_ID, allocation.jointConversationId());
    variables.put(
        FollowUpProcess.Variables.TEAM_MANAGER_CONVERSATION_ID,
        allocation.teamManagerConversationId());
    variables.put(
        FollowUpProcess.Variables.PRACTITIONER_CONVERSATION_ID,
        allocation.practitionerConversationId());
    variables.put(FollowUpProcess.Variables.CONVERSATIONS_DUE, date(allocation.conversationsDue()));
    variables.put(FollowUpProcess.Variables.CLOSURE_DUE, date(allocation.closureDue()));
    // claimed first, so the task's history shows who took it
    tasks.setAssignee(task.getId(), allocation.officerUsername());
    tasks.complete(task.getId(), variables);
  }

  @Override
  public void reassign(String auditRef, String fromOfficer, String toOfficer) {
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(auditRef)
            .taskAssignee(fromOfficer)
            .list()) {
      tasks.setAssignee(task.getId(), toOfficer);
    }
    List<ProcessInstance> instances =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(auditRef).active().list();
    for (ProcessInstance instance : instances) {
      if (runtime.getVariable(instance.getId(), FollowUpProcess.Variables.OFFICER) != null) {
        runtime.setVariable(instance.getId(), FollowUpProcess.Variables.OFFICER, toOfficer);
      }
    }
  }

  @Override
  public void safeguardingConfirmed(String auditRef) {
    complete(
        byKey(auditRef)
            .taskDefinitionKeyIn(
                FollowUpProcess.Elements.Task_ConfirmChildSafety,
                FollowUpProcess.Elements.Task_ConfirmChildSafetyAsServiceManager,
                FollowUpProcess.Elements.Task_ConfirmChildSafetyAsAssistantDirector),
        "the safeguarding confirmation",
        Map.of());
  }

  @Override
  public void conversationScheduled(String auditRef, long conversationId, Instant outcomeDue) {
    complete(
        byConversation(auditRef, conversationId)
            .taskDefinitionKey(ReflectiveConversationProcess.Elements.Task_ScheduleConversation),
        "scheduling",
        Map.of(ReflectiveConversationProcess.Variables.OUTCOME_DUE, date(outcomeDue)));
  }

  @Override
  public void conversationRescheduled(String auditRef, long conversationId, Instant outcomeDue) {
    correlate(
        runtime
            .createMessageCorrelation(
                ReflectiveConversationProcess.Messages.ConversationRescheduled)
            .processInstanceBusinessKey(auditRef)
            .processInstanceVariableEquals(
                ReflectiveConversationProcess.Variables.CONVERSATION_ID, conversationId)
            .setVariable(ReflectiveConversationProcess.Variables.OUTCOME_DUE, date(outcomeDue)),
        "The process is not waiting for conversation " + conversationId + " to be held.");
  }

  @Override
  public void conversationOutcome(String auditRef, long conversationId, boolean held) {
    complete(
        byConversation(auditRef, conversationId)
            .taskDefinitionKey(ReflectiveConversationProcess.Elements.Task_HoldConversation),
        "the conversation's outcome",
        Map.of(ReflectiveConversationProcess.Variables.CONVERSATION_HELD, held));
  }

  @Override
  public void closureProposed(String auditRef) {
    complete(
        byKey(auditRef).taskDefinitionKey(FollowUpProcess.Elements.Task_ProposeClosure),
        "a closure proposal",
        Map.of());
  }

  @Override
  public void closureDecided(
      String auditRef, boolean approved, Instant reAuditDue, Instant reAuditTaskDue) {
    Task task =
        one(
            byKey(auditRef).taskDefinitionKey(FollowUpProcess.Elements.Task_SignOffClosure),
            "a closure sign-off");
    Map<String, Object> variables = new HashMap<>();
    variables.put(FollowUpProcess.Variables.CLOSURE_APPROVED, approved);
    if (approved) {
      variables.put(FollowUpProcess.Variables.RE_AUDIT_DUE, date(reAuditDue));
      variables.put(FollowUpProcess.Variables.RE_AUDIT_TASK_DUE, date(reAuditTaskDue));
    }
    tasks.complete(task.getId(), variables);
  }

  @Override
  public void reAuditRecorded(String auditRef) {
    complete(
        byKey(auditRef).taskDefinitionKey(FollowUpProcess.Elements.Task_ReAuditCase),
        "a re-audit",
        Map.of());
  }

  @Override
  public void reAuditNotPossible(String auditRef) {
    correlate(
        runtime
            .createMessageCorrelation(FollowUpProcess.Messages.ReAuditNotPossible)
            .processInstanceBusinessKey(auditRef),
        "The re-audit of audit " + auditRef + " is not waiting for an auditor.");
  }

  @Override
  public void end(String auditRef, Ending ending) {
    String message =
        ending == Ending.GRADE_REVISED
            ? FollowUpProcess.Messages.AuditGradeRevised
            : FollowUpProcess.Messages.FollowUpWithdrawn;
    correlate(
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(auditRef),
        "The follow-up process of audit " + auditRef + " is no longer open.");
  }

  @Override
  public void supportOffered(SupportStart start) {
    runtime
        .createProcessInstanceByKey(SupportItemProcess.KEY)
        .businessKey(start.auditRef())
        .setVariables(variables(start))
        .execute();
  }

  @Override
  public void supportAwaitingVerification(SupportStart start) {
    runtime
        .createProcessInstanceByKey(SupportItemProcess.KEY)
        .businessKey(start.auditRef())
        .setVariables(variables(start))
        .setVariable(SupportItemProcess.Variables.VERIFICATION_DUE, date(start.verificationDue()))
        .startBeforeActivity(SupportItemProcess.Elements.Task_VerifySupportCompletion)
        .execute();
  }

  private static Map<String, Object> variables(SupportStart start) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SupportItemProcess.Variables.FOLLOW_UP_ID, start.followUpId());
    variables.put(SupportItemProcess.Variables.SUPPORT_ITEM_ID, start.supportItemId());
    variables.put(SupportItemProcess.Variables.SUPPORT_OWNER, start.ownerUsername());
    variables.put(SupportItemProcess.Variables.SUPPORT_DUE, date(start.due()));
    variables.put(SupportItemProcess.Variables.OFFICER, start.officerUsername());
    return variables;
  }

  @Override
  public void supportAnswered(String auditRef, long supportItemId, boolean accepted) {
    complete(
        bySupportItem(auditRef, supportItemId)
            .taskDefinitionKey(SupportItemProcess.Elements.Task_RespondToSupportOffer),
        "an answer to the offer",
        Map.of(SupportItemProcess.Variables.SUPPORT_ACCEPTED, accepted));
  }

  @Override
  public void supportCompleted(String auditRef, long supportItemId, Instant verificationDue) {
    complete(
        bySupportItem(auditRef, supportItemId)
            .taskDefinitionKey(SupportItemProcess.Elements.Task_CompleteSupport),
        "completion",
        Map.of(SupportItemProcess.Variables.VERIFICATION_DUE, date(verificationDue)));
  }

  @Override
  public void supportVerified(String auditRef, long supportItemId) {
    complete(
        bySupportItem(auditRef, supportItemId)
            .taskDefinitionKey(SupportItemProcess.Elements.Task_VerifySupportCompletion),
        "verification",
        Map.of());
  }

  @Override
  public void supportWithdrawn(String auditRef, long supportItemId) {
    // correlateAll: an item whose process already ended has nothing to withdraw in the engine
    runtime
        .createMessageCorrelation(SupportItemProcess.Messages.SupportWithdrawn)
        .processInstanceBusinessKey(auditRef)
        .processInstanceVariableEquals(SupportItemProcess.Variables.SUPPORT_ITEM_ID, supportItemId)
        .correlateAllWithResult();
  }

  private TaskQuery byKey(String auditRef) {
    return tasks.createTaskQuery().processInstanceBusinessKey(auditRef);
  }

  /**
   * A conversation's or support item's task: among its follow-up's processes (the business key, an
   * index), the one holding its id; by the id alone the engine would look through every running
   * process's variables.
   */
  private TaskQuery byConversation(String auditRef, long conversationId) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(auditRef)
        .processVariableValueEquals(
            ReflectiveConversationProcess.Variables.CONVERSATION_ID, conversationId);
  }

  private TaskQuery bySupportItem(String auditRef, long supportItemId) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(auditRef)
        .processVariableValueEquals(SupportItemProcess.Variables.SUPPORT_ITEM_ID, supportItemId);
  }

  /** Completes the one task the query finds, with the variables given. */
  private void complete(TaskQuery query, String what, Map<String, Object> variables) {
    tasks.complete(one(query, what).getId(), variables);
  }

  /** Delivers a message the process must be waiting for; otherwise the step is out of order. */
  private static void correlate(MessageCorrelationBuilder message, String notWaiting) {
    try {
      message.correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw FollowUpException.outOfOrder(notWaiting);
    }
  }

  private static Task one(TaskQuery query, String what) {
    List<Task> found = query.list();
    if (found.size() != 1) {
      throw FollowUpException.outOfOrder("The process is not waiting for " + what + " now.");
    }
    return found.get(0);
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
