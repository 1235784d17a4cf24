package org.learningloop.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.learningloop.followup.FollowUps;
import org.springframework.stereotype.Component;

/**
 * The re-audit period after closure has passed: the follow-up asks the auditors for the
 * effectiveness re-audit.
 */
@Component("requestReAuditDelegate")
class RequestReAuditDelegate implements JavaDelegate {

  private final FollowUps followUps;

  RequestReAuditDelegate(FollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    followUps.reAuditDue(
        ((Number) execution.getVariable(FollowUpProcess.Variables.FOLLOW_UP_ID)).longValue());
  }
}
