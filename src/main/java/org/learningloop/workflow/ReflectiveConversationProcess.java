package org.learningloop.workflow;

import java.util.Map;
import org.learningloop.followup.FollowUpStage;

/**
 * Names in {@code bpmn/reflective-conversation.bpmn}: one reflective conversation, called by the
 * follow-up. {@code FollowUpProcessModelTest} fails when a constant and the model disagree.
 */
public final class ReflectiveConversationProcess {

  public static final String KEY = "ReflectiveConversation";
  public static final String RESOURCE = "bpmn/reflective-conversation.bpmn";

  private ReflectiveConversationProcess() {}

  /** Flow nodes, named after Camunda's naming guide. */
  public static final class Elements {
    public static final String StartEvent_ConversationNeeded = "StartEvent_ConversationNeeded";
    public static final String Task_ScheduleConversation = "Task_ScheduleConversation";
    public static final String Task_HoldConversation = "Task_HoldConversation";
    public static final String BoundaryEvent_ConversationRescheduled =
        "BoundaryEvent_ConversationRescheduled";
    public static final String Gateway_ConversationHeld = "Gateway_ConversationHeld";
    public static final String EndEvent_ConversationHeld = "EndEvent_ConversationHeld";

    private Elements() {}
  }

  /**
   * Each user task's stage and due-date variable (see {@link FollowUpProcess#USER_TASKS}): both
   * serve the conversations stage; the conversation's start is an appointment, not a due date.
   */
  public static final Map<String, UserTaskDeadline> USER_TASKS =
      Map.of(
          Elements.Task_ScheduleConversation,
          new UserTaskDeadline(FollowUpStage.CONVERSATIONS, Variables.CONVERSATIONS_DUE),
          Elements.Task_HoldConversation,
          new UserTaskDeadline(FollowUpStage.CONVERSATIONS, Variables.OUTCOME_DUE));

  /** Message names (what is correlated), not the ids of the message definitions. */
  public static final class Messages {
    public static final String ConversationRescheduled = "ConversationRescheduled";

    private Messages() {}
  }

  /** Process variables: ids, usernames, due dates and small flags only. */
  public static final class Variables {
    /** The follow-up's id. */
    public static final String FOLLOW_UP_ID = "followUpId";

    /** The conversation's id in the application. */
    public static final String CONVERSATION_ID = "conversationId";

    /** Username of the allocated PI officer. */
    public static final String OFFICER = "officer";

    /** When the follow-up's conversations stage is due (a date), passed in by the follow-up. */
    public static final String CONVERSATIONS_DUE = "conversationsDue";

    /**
     * When the outcome must be recorded (a date): a few working days after the conversation ends,
     * and no later than the conversations stage.
     */
    public static final String OUTCOME_DUE = "outcomeDue";

    /** The recorded outcome. */
    public static final String CONVERSATION_HELD = "conversationHeld";

    private Variables() {}
  }
}
