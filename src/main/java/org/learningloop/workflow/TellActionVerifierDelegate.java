package org.learningloop.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.learningloop.dipsample.ActionNotices;
import org.springframework.stereotype.Component;

/** Tells the setter that evidence waits for them: the action id in, the email queued. */
@Component("tellActionVerifierDelegate")
class TellActionVerifierDelegate implements JavaDelegate {

  private final ActionNotices notices;

  TellActionVerifierDelegate(ActionNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.tellVerifier(
        ((Number) execution.getVariable(ActionProcess.Variables.ACTION_ID)).longValue());
  }
}
