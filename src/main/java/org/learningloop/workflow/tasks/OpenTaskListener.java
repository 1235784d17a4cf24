package org.learningloop.workflow.tasks;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.learningloop.workflow.ActionProcess;
import org.learningloop.workflow.FollowUpProcess;
import org.learningloop.workflow.ModerationProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code open_task} in step with the engine. It runs inside the engine's command, on the same
 * connection and transaction, so the read model and the engine commit or roll back together.
 */
@Component
class OpenTaskListener implements TaskListener {

  private final JdbcTemplate jdbc;

  OpenTaskListener(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created(task);
      case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE ->
          jdbc.update(
              "update open_task set assignee = ?, due_at = ?, name = ? where task_id = ?",
              task.getAssignee(),
              timestamp(task.getDueDate()),
              task.getName(),
              task.getId());
      case EVENTNAME_COMPLETE, EVENTNAME_DELETE ->
          jdbc.update("delete from open_task where task_id = ?", task.getId());
      default -> {}
    }
  }

  private void created(DelegateTask task) {
    Object followUpId = task.getVariable(FollowUpProcess.Variables.FOLLOW_UP_ID);
    Object actionId = task.getVariable(ActionProcess.Variables.ACTION_ID);
    Object requestId = task.getVariable(ModerationProcess.Variables.MODERATION_REQUEST_ID);
    String candidateGroup =
        task.getCandidates().stream()
            .filter(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(link -> link.getGroupId())
            .sorted()
            .findFirst()
            .orElse(null);
    jdbc.update(
        "insert into open_task (task_id, follow_up_id, action_id, moderation_request_id, audit_ref, task_key, name,"
            + " assignee, candidate_group, due_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        task.getId(),
        followUpId instanceof Number n ? n.longValue() : null,
        actionId instanceof Number n ? n.longValue() : null,
        requestId instanceof Number n ? n.longValue() : null,
        task.getExecution().getProcessBusinessKey(),
        task.getTaskDefinitionKey(),
        task.getName(),
        task.getAssignee(),
        candidateGroup,
        timestamp(task.getDueDate()),
        timestamp(task.getCreateTime()));
  }

  /** Stored in UTC, like every instant of the application. */
  static LocalDateTime timestamp(Date date) {
    return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
  }
}
