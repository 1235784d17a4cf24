package org.learningloop.workflow;

import java.util.Map;
import org.learningloop.followup.FollowUpStage;

/**
 * Names in {@code bpmn/support-item.bpmn}: one support item offered in a follow-up; business key =
 * audit ref. {@code FollowUpProcessModelTest} fails when a constant and the model disagree.
 */
public final class SupportItemProcess {

  public static final String KEY = "SupportItem";
  public static final String RESOURCE = "bpmn/support-item.bpmn";

  private SupportItemProcess() {}

  /** Flow nodes, named after Camunda's naming guide. */
  public static final class Elements {
    public static final String StartEvent_SupportOffered = "StartEvent_SupportOffered";
    public static final String Task_RespondToSupportOffer = "Task_RespondToSupportOffer";
    public static final String Gateway_SupportAccepted = "Gateway_SupportAccepted";
    public static final String EndEvent_SupportDeclined = "EndEvent_SupportDeclined";
    public static final String Task_CompleteSupport = "Task_CompleteSupport";
    public static final String Task_VerifySupportCompletion = "Task_VerifySupportCompletion";
    public static final String EndEvent_SupportCompleted = "EndEvent_SupportCompleted";
    public static final String SubProcess_SupportWithdrawn = "SubProcess_SupportWithdrawn";
    public static final String StartEvent_SupportWithdrawn = "StartEvent_SupportWithdrawn";
    public static final String EndEvent_SupportWithdrawn = "EndEvent_SupportWithdrawn";

    private Elements() {}
  }

  /** Each user task's stage and due-date variable (see {@link FollowUpProcess#USER_TASKS}). */
  public static final Map<String, UserTaskDeadline> USER_TASKS =
      Map.of(
          Elements.Task_RespondToSupportOffer,
          new UserTaskDeadline(FollowUpStage.SUPPORT, Variables.SUPPORT_DUE),
          Elements.Task_CompleteSupport,
          new UserTaskDeadline(FollowUpStage.SUPPORT, Variables.SUPPORT_DUE),
          Elements.Task_VerifySupportCompletion,
          new UserTaskDeadline(FollowUpStage.SUPPORT, Variables.VERIFICATION_DUE));

  /** Message names (what is correlated), not the ids of the message definitions. */
  public static final class Messages {
    public static final String SupportWithdrawn = "SupportWithdrawn";

    private Messages() {}
  }

  /** Process variables: ids, usernames, due dates and small flags only. */
  public static final class Variables {
    /** The follow-up's id. */
    public static final String FOLLOW_UP_ID = "followUpId";

    /** The support item's id in the application. */
    public static final String SUPPORT_ITEM_ID = "supportItemId";

    /** Username of whoever accepts and completes it. */
    public static final String SUPPORT_OWNER = "supportOwner";

    /** When the support is due (a date). */
    public static final String SUPPORT_DUE = "supportDue";

    /** When the PI officer must have verified a completion (a date). */
    public static final String VERIFICATION_DUE = "verificationDue";

    /** The owner's answer to the offer. */
    public static final String SUPPORT_ACCEPTED = "supportAccepted";

    /** Username of the PI officer who verifies completion. */
    public static final String OFFICER = "officer";

    private Variables() {}
  }
}
