package org.learningloop.workflow;

import java.util.Map;
import java.util.Optional;
import org.learningloop.dipsample.ActionStage;

/**
 * Names in {@code bpmn/action.bpmn}: one action set on a dip sample or an audit; business key = the
 * dip sample's or audit's ref. {@code ActionProcessModelTest} fails when a constant and the model
 * disagree.
 */
public final class ActionProcess {

  public static final String KEY = "Action";
  public static final String RESOURCE = "bpmn/action.bpmn";

  private ActionProcess() {}

  /** Flow nodes, named after Camunda's naming guide. */
  public static final class Elements {
    public static final String StartEvent_ActionSet = "StartEvent_ActionSet";
    public static final String Task_TellActionOwner = "Task_TellActionOwner";
    public static final String Task_CompleteAction = "Task_CompleteAction";
    public static final String Task_TellActionVerifier = "Task_TellActionVerifier";
    public static final String Task_VerifyAction = "Task_VerifyAction";
    public static final String Gateway_ActionVerified = "Gateway_ActionVerified";
    public static final String EndEvent_ActionDone = "EndEvent_ActionDone";
    public static final String SubProcess_ActionCancelled = "SubProcess_ActionCancelled";
    public static final String StartEvent_ActionCancelled = "StartEvent_ActionCancelled";
    public static final String EndEvent_ActionCancelled = "EndEvent_ActionCancelled";

    private Elements() {}
  }

  /** The stage and due-date variable of a user task of the action model. */
  public record TaskDeadline(ActionStage stage, String dueVariable) {}

  /** Each user task's stage and due-date variable. */
  public static final Map<String, TaskDeadline> USER_TASKS =
      Map.of(
          Elements.Task_CompleteAction,
          new TaskDeadline(ActionStage.OWNER_ACTION, Variables.ACTION_DUE),
          Elements.Task_VerifyAction,
          new TaskDeadline(ActionStage.VERIFICATION, Variables.VERIFICATION_DUE));

  /** The stage of a task key of this model, or empty for a key it does not have. */
  public static Optional<ActionStage> stageOf(String taskKey) {
    return Optional.ofNullable(USER_TASKS.get(taskKey)).map(TaskDeadline::stage);
  }

  /** Message names (what is correlated), not the ids of the message definitions. */
  public static final class Messages {
    public static final String ActionCancelled = "ActionCancelled";

    private Messages() {}
  }

  /** Process variables: ids, usernames, due dates and a flag only. */
  public static final class Variables {
    /** The action's id in the application. */
    public static final String ACTION_ID = "actionId";

    /** Username of whoever records what was done. */
    public static final String ACTION_OWNER = "actionOwner";

    /** When the owner's part is due (a date). */
    public static final String ACTION_DUE = "actionDue";

    /** Username of the auditor (or PI lead) who set it and verifies it. */
    public static final String SETTER = "setter";

    /** When the verification is due (a date). */
    public static final String VERIFICATION_DUE = "verificationDue";

    /** The verifier's decision: verified, or sent back. */
    public static final String ACTION_VERIFIED = "actionVerified";

    private Variables() {}
  }
}
