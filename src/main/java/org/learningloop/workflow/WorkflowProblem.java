package org.learningloop.workflow;

import java.util.List;
import org.learningloop.common.DomainException;

/** What an administrator asked of the engine that cannot be done as asked. */
public class WorkflowProblem extends DomainException {

  private WorkflowProblem(Kind kind, String type, String title, String detail) {
    super(kind, type, title, detail, List.of());
  }

  static WorkflowProblem incidentNotFound(String id) {
    return new WorkflowProblem(
        Kind.NOT_FOUND,
        "incident-not-found",
        "No such incident",
        "There is no open incident " + id + ": it may have been resolved already.");
  }

  static WorkflowProblem incidentNotRetryable(String type) {
    return new WorkflowProblem(
        Kind.CONFLICT,
        "incident-not-retryable",
        "Cannot be retried here",
        "An incident of type " + type + " has no failed job to retry; resolve it in Cockpit.");
  }
}
