package org.learningloop.workflow;

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

    /** The owner's answer to the offer. */
    public static final String SUPPORT_ACCEPTED = "supportAccepted";

    /** Username of the PI officer who verifies completion. */
    public static final String OFFICER = "officer";

    private Variables() {}
  }
}
