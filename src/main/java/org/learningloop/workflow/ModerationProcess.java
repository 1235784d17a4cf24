package org.learningloop.workflow;

import java.util.Map;

/**
 * Names in {@code bpmn/moderation.bpmn}: one entry of the moderation queue; business key = the
 * audit's ref. {@code ModerationProcessModelTest} fails when a constant and the model disagree.
 */
public final class ModerationProcess {

  public static final String KEY = "Moderation";
  public static final String RESOURCE = "bpmn/moderation.bpmn";

  private ModerationProcess() {}

  /** Flow nodes, named after Camunda's naming guide. */
  public static final class Elements {
    public static final String StartEvent_ModerationRequested = "StartEvent_ModerationRequested";
    public static final String Task_ModerateAudit = "Task_ModerateAudit";
    public static final String Gateway_Challenged = "Gateway_Challenged";
    public static final String Task_TellChallenger = "Task_TellChallenger";
    public static final String EndEvent_ChallengeDecided = "EndEvent_ChallengeDecided";
    public static final String EndEvent_Moderated = "EndEvent_Moderated";

    private Elements() {}
  }

  /** Each user task's due-date variable. */
  public static final Map<String, String> USER_TASKS =
      Map.of(Elements.Task_ModerateAudit, Variables.MODERATION_DUE);

  /** Process variables: an id, a due date and a flag only. */
  public static final class Variables {
    /** The moderation request's id in the application. */
    public static final String MODERATION_REQUEST_ID = "moderationRequestId";

    /** When the moderation is due (a date). */
    public static final String MODERATION_DUE = "moderationDue";

    /** Whether the audit's practitioner or Team Manager challenged it. */
    public static final String CHALLENGE = "challenge";

    private Variables() {}
  }
}
