package org.learningloop.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.learningloop.directory.Role;
import org.learningloop.followup.FollowUps;
import org.springframework.stereotype.Component;

/**
 * The child's safety review was not confirmed in time: asks the next manager up, and assigns them
 * the check.
 */
@Component("escalateSafeguardingDelegate")
class EscalateSafeguardingDelegate implements JavaDelegate {

  private final FollowUps followUps;

  EscalateSafeguardingDelegate(FollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long followUpId =
        ((Number) execution.getVariable(FollowUpProcess.Variables.FOLLOW_UP_ID)).longValue();
    Role to = Role.valueOf((String) execution.getVariable(FollowUpProcess.Variables.ESCALATE_TO));
    String assignee = followUps.escalateSafeguarding(followUpId, to).orElse(null);
    execution.setVariable(FollowUpProcess.Variables.SAFEGUARDING_ASSIGNEE, assignee);
  }
}
