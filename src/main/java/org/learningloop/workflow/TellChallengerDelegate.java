package org.learningloop.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.learningloop.audit.ModerationQueue;
import org.springframework.stereotype.Component;

/** Tells whoever challenged a grade how the review was decided: the request id in, email queued. */
@Component("tellChallengerDelegate")
class TellChallengerDelegate implements JavaDelegate {

  private final ModerationQueue queue;

  TellChallengerDelegate(ModerationQueue queue) {
    this.queue = queue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    queue.tellOutcome(
        ((Number) execution.getVariable(ModerationProcess.Variables.MODERATION_REQUEST_ID))
            .longValue());
  }
}
