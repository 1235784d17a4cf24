package org.learningloop.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workflow module's face towards the domain: start the follow-up process of an inadequate audit. */
@Service
public class FollowUpWorkflow {

  private final RuntimeService runtime;

  FollowUpWorkflow(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /**
   * Starts the follow-up of an audit, unless one is already running for it (the business key is the audit ref).
   *
   * @return the process instance id
   */
  @Transactional
  public String startFor(String auditRef) {
    ProcessInstance running =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(FollowUpProcess.KEY)
            .processInstanceBusinessKey(auditRef)
            .singleResult();
    if (running != null) {
      return running.getId();
    }
    return runtime
        .createProcessInstanceByKey(FollowUpProcess.KEY)
        .businessKey(auditRef)
        .setVariable(FollowUpProcess.Variables.AUDIT_REF, auditRef)
        .execute()
        .getId();
  }
}
