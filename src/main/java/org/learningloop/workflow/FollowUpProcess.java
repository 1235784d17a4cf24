package org.learningloop.workflow;

import java.util.Map;
import org.learningloop.followup.FollowUpStage;

/**
 * Names in {@code bpmn/inadequate-audit-follow-up.bpmn}: the follow-up of one inadequate audit;
 * business key = audit ref. {@code FollowUpProcessModelTest} fails when a constant and the model
 * disagree.
 */
public final class FollowUpProcess {

  public static final String KEY = "InadequateAuditFollowUp";
  public static final String RESOURCE = "bpmn/inadequate-audit-follow-up.bpmn";

  private FollowUpProcess() {}

  /** Flow nodes, named after Camunda's naming guide. */
  public static final class Elements {
    public static final String StartEvent_InadequateAuditRecorded =
        "StartEvent_InadequateAuditRecorded";
    public static final String SubProcess_FollowUpOpen = "SubProcess_FollowUpOpen";
    public static final String StartEvent_FollowUpOpened = "StartEvent_FollowUpOpened";
    public static final String Gateway_FollowUpOpened = "Gateway_FollowUpOpened";
    public static final String Task_AllocateFollowUp = "Task_AllocateFollowUp";
    public static final String Gateway_JointConversation = "Gateway_JointConversation";
    public static final String CallActivity_HoldJointConversation =
        "CallActivity_HoldJointConversation";
    public static final String Gateway_SeparateConversations = "Gateway_SeparateConversations";
    public static final String CallActivity_HoldTeamManagerConversation =
        "CallActivity_HoldTeamManagerConversation";
    public static final String CallActivity_HoldPractitionerConversation =
        "CallActivity_HoldPractitionerConversation";
    public static final String Gateway_BothConversationsHeld = "Gateway_BothConversationsHeld";
    public static final String Gateway_ConversationsHeld = "Gateway_ConversationsHeld";
    public static final String Task_ProposeClosure = "Task_ProposeClosure";
    public static final String Task_SignOffClosure = "Task_SignOffClosure";
    public static final String Gateway_ClosureApproved = "Gateway_ClosureApproved";
    public static final String Gateway_SignificantHarmRisk = "Gateway_SignificantHarmRisk";
    public static final String Task_ConfirmChildSafety = "Task_ConfirmChildSafety";
    public static final String BoundaryEvent_SafeguardingUnconfirmed =
        "BoundaryEvent_SafeguardingUnconfirmed";
    public static final String ServiceTask_EscalateSafeguardingToServiceManager =
        "ServiceTask_EscalateSafeguardingToServiceManager";
    public static final String Task_ConfirmChildSafetyAsServiceManager =
        "Task_ConfirmChildSafetyAsServiceManager";
    public static final String BoundaryEvent_SafeguardingStillUnconfirmed =
        "BoundaryEvent_SafeguardingStillUnconfirmed";
    public static final String ServiceTask_EscalateSafeguardingToAssistantDirector =
        "ServiceTask_EscalateSafeguardingToAssistantDirector";
    public static final String Task_ConfirmChildSafetyAsAssistantDirector =
        "Task_ConfirmChildSafetyAsAssistantDirector";
    public static final String Gateway_SafeguardingSettled = "Gateway_SafeguardingSettled";
    public static final String Gateway_FollowUpDone = "Gateway_FollowUpDone";
    public static final String EndEvent_FollowUpClosed = "EndEvent_FollowUpClosed";
    public static final String BoundaryEvent_AuditGradeRevised = "BoundaryEvent_AuditGradeRevised";
    public static final String EndEvent_GradeRevised = "EndEvent_GradeRevised";
    public static final String BoundaryEvent_FollowUpWithdrawn = "BoundaryEvent_FollowUpWithdrawn";
    public static final String EndEvent_FollowUpWithdrawn = "EndEvent_FollowUpWithdrawn";
    public static final String TimerEvent_ReAuditDue = "TimerEvent_ReAuditDue";
    public static final String ServiceTask_RequestReAudit = "ServiceTask_RequestReAudit";
    public static final String Task_ReAuditCase = "Task_ReAuditCase";
    public static final String EndEvent_LoopClosed = "EndEvent_LoopClosed";
    public static final String BoundaryEvent_ReAuditNotPossible =
        "BoundaryEvent_ReAuditNotPossible";
    public static final String EndEvent_ReAuditNotPossible = "EndEvent_ReAuditNotPossible";

    private Elements() {}
  }

  /**
   * Each user task's stage and the process variable its due date comes from ({@code
   * camunda:dueDate}); {@code FollowUpProcessModelTest} fails when a user task of the model is
   * missing here or has no due date.
   */
  public static final Map<String, UserTaskDeadline> USER_TASKS =
      Map.of(
          Elements.Task_AllocateFollowUp,
          new UserTaskDeadline(FollowUpStage.ALLOCATION, Variables.ALLOCATION_DUE),
          Elements.Task_ConfirmChildSafety,
          new UserTaskDeadline(FollowUpStage.SAFEGUARDING_CHECK, Variables.SAFEGUARDING_DUE),
          Elements.Task_ConfirmChildSafetyAsServiceManager,
          new UserTaskDeadline(FollowUpStage.SAFEGUARDING_CHECK, Variables.SERVICE_MANAGER_DUE),
          Elements.Task_ConfirmChildSafetyAsAssistantDirector,
          new UserTaskDeadline(FollowUpStage.SAFEGUARDING_CHECK, Variables.ASSISTANT_DIRECTOR_DUE),
          Elements.Task_ProposeClosure,
          new UserTaskDeadline(FollowUpStage.CLOSURE, Variables.CLOSURE_DUE),
          Elements.Task_SignOffClosure,
          new UserTaskDeadline(FollowUpStage.CLOSURE, Variables.CLOSURE_DUE),
          Elements.Task_ReAuditCase,
          new UserTaskDeadline(FollowUpStage.RE_AUDIT, Variables.RE_AUDIT_TASK_DUE));

  /** Message names (what is correlated), not the ids of the message definitions. */
  public static final class Messages {
    public static final String AuditGradeRevised = "AuditGradeRevised";
    public static final String FollowUpWithdrawn = "FollowUpWithdrawn";

    /** The re-audit cannot happen (the practitioner has left): it ends the re-audit task. */
    public static final String ReAuditNotPossible = "ReAuditNotPossible";

    private Messages() {}
  }

  /** Process variables: ids, usernames, due dates and small flags only. */
  public static final class Variables {
    /** The audit's reference; also the business key. */
    public static final String AUDIT_REF = "auditRef";

    /** The follow-up's id in the application. */
    public static final String FOLLOW_UP_ID = "followUpId";

    /** When allocation is due (a date). */
    public static final String ALLOCATION_DUE = "allocationDue";

    /** Username of the allocated PI officer. */
    public static final String OFFICER = "officer";

    /** True when one joint conversation counts for both. */
    public static final String JOINT_CONVERSATION = "jointConversation";

    /** Id of the joint conversation. */
    public static final String JOINT_CONVERSATION_ID = "jointConversationId";

    /** Id of the conversation with the Team Manager. */
    public static final String TEAM_MANAGER_CONVERSATION_ID = "teamManagerConversationId";

    /** Id of the conversation with the practitioner. */
    public static final String PRACTITIONER_CONVERSATION_ID = "practitionerConversationId";

    /**
     * When the conversations stage is due (a date): scheduling and holding conversations are due
     * then at the latest.
     */
    public static final String CONVERSATIONS_DUE = "conversationsDue";

    /** When closure is due (a date). */
    public static final String CLOSURE_DUE = "closureDue";

    /** The PI lead's decision on a closure proposal. */
    public static final String CLOSURE_APPROVED = "closureApproved";

    /** True when the audit found a risk of significant harm: the safeguarding fast track runs. */
    public static final String SIGNIFICANT_HARM_RISK = "significantHarmRisk";

    /** Username of the Team Manager. */
    public static final String TEAM_MANAGER = "teamManager";

    /** When the Team Manager's confirmation is due; then it escalates. */
    public static final String SAFEGUARDING_DUE = "safeguardingDue";

    /** When the Service Manager's confirmation is due; then it escalates. */
    public static final String SERVICE_MANAGER_DUE = "serviceManagerDue";

    /** When the Assistant Director's confirmation is due. */
    public static final String ASSISTANT_DIRECTOR_DUE = "assistantDirectorDue";

    /** Username of the manager a safeguarding check was escalated to. */
    public static final String SAFEGUARDING_ASSIGNEE = "safeguardingAssignee";

    /** Local input of the escalation tasks: the role escalated to. */
    public static final String ESCALATE_TO = "escalateTo";

    /** When the effectiveness re-audit falls due and its task appears (a date). */
    public static final String RE_AUDIT_DUE = "reAuditDue";

    /** When the re-audit task must be done: a window after it falls due (a date). */
    public static final String RE_AUDIT_TASK_DUE = "reAuditTaskDue";

    private Variables() {}
  }
}
