package org.learningloop.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.learningloop.dipsample.ActionNotices;
import org.springframework.stereotype.Component;

/** Tells whoever acts for the action's owner: the action id in, the email queued. */
@Component("tellActionOwnerDelegate")
class TellActionOwnerDelegate implements JavaDelegate {

  private final ActionNotices notices;

  TellActionOwnerDelegate(ActionNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.tellOwner(
        ((Number) execution.getVariable(ActionProcess.Variables.ACTION_ID)).longValue());
  }
}
