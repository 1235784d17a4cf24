package org.learningloop.reminder;

import java.util.Arrays;
import java.util.Optional;

/**
 * The follow-up stage each user task of the BPMN models belongs to, as named in escalation emails
 * ({@code Template.Detail.STAGE}), with the process variable its due date comes from (so an
 * extension moves the variable too and later tasks of the stage inherit the new date).
 */
enum TaskStage {
  ALLOCATION("allocationDue", "Task_AllocateFollowUp"),
  SAFEGUARDING_CHECK("safeguardingDue", "Task_ConfirmChildSafety"),
  SAFEGUARDING_CHECK_SERVICE_MANAGER(
      "serviceManagerDue", "Task_ConfirmChildSafetyAsServiceManager"),
  SAFEGUARDING_CHECK_ASSISTANT_DIRECTOR(
      "assistantDirectorDue", "Task_ConfirmChildSafetyAsAssistantDirector"),
  CONVERSATIONS("conversationDue", "Task_ScheduleConversation", "Task_HoldConversation"),
  SUPPORT(
      "supportDue",
      "Task_RespondToSupportOffer",
      "Task_CompleteSupport",
      "Task_VerifySupportCompletion"),
  CLOSURE("closureDue", "Task_ProposeClosure", "Task_SignOffClosure"),
  EFFECTIVENESS_CHECK("reAuditDue", "Task_ReAuditCase");

  private final String dueVariable;
  private final String[] taskKeys;

  TaskStage(String dueVariable, String... taskKeys) {
    this.dueVariable = dueVariable;
    this.taskKeys = taskKeys;
  }

  static Optional<TaskStage> of(String taskKey) {
    return Arrays.stream(values())
        .filter(s -> Arrays.asList(s.taskKeys).contains(taskKey))
        .findFirst();
  }

  /**
   * The code emails and the API use: the three safeguarding tasks are all the SAFEGUARDING_CHECK
   * stage.
   */
  String code() {
    return name().startsWith("SAFEGUARDING_CHECK") ? "SAFEGUARDING_CHECK" : name();
  }

  String dueVariable() {
    return dueVariable;
  }

  /**
   * The safeguarding check climbs its own, faster ladder in the process model (Service Manager at
   * its due moment, then the Assistant Director), so the general ladder leaves it alone; digests
   * still count it.
   */
  boolean hasOwnLadder() {
    return code().equals("SAFEGUARDING_CHECK");
  }
}
