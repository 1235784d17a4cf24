package org.learningloop.workflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.learningloop.followup.FollowUpException;
import org.learningloop.workflow.FollowUpProcess;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claiming a queue task for oneself, and giving it back. Only the pure queue tasks (sign-off by a
 * PI lead, the effectiveness re-audit) are claimed here; a follow-up waiting for allocation is
 * claimed through the follow-up itself, since claiming it allocates it. A claim of a task someone
 * already took is refused as a conflict, so a second click or a race changes nothing.
 */
@Service
@Transactional
public class TaskClaims {

  /** Tasks that wait in a group's queue and carry no one's name until claimed. */
  public static final Set<String> CLAIMABLE =
      Set.of(
          FollowUpProcess.Elements.Task_SignOffClosure, FollowUpProcess.Elements.Task_ReAuditCase);

  private final TaskService tasks;
  private final NamedParameterJdbcTemplate jdbc;

  TaskClaims(TaskService tasks, NamedParameterJdbcTemplate jdbc) {
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  public void claim(String taskId, String username, Set<String> groups) {
    Map<String, Object> task = queueTask(taskId);
    if (!groups.contains((String) task.get("candidate_group"))) {
      throw FollowUpException.forbidden("This task waits in another team's queue.");
    }
    if (task.get("assignee") != null) {
      throw FollowUpException.outOfOrder(
          "This task was claimed already, by " + task.get("assignee") + ".");
    }
    try {
      tasks.claim(taskId, username);
    } catch (TaskAlreadyClaimedException e) {
      throw FollowUpException.outOfOrder("This task was claimed already, by someone else.");
    }
  }

  public void unclaim(String taskId, String username) {
    Map<String, Object> task = queueTask(taskId);
    if (!username.equals(task.get("assignee"))) {
      throw FollowUpException.outOfOrder(
          "This task is not yours to give back: it is no longer assigned to you.");
    }
    tasks.setAssignee(taskId, null);
  }

  private Map<String, Object> queueTask(String taskId) {
    List<Map<String, Object>> found =
        jdbc.queryForList(
            "select task_key, assignee, candidate_group from open_task where task_id = :id",
            Map.of("id", taskId));
    if (found.isEmpty()) {
      throw FollowUpException.outOfOrder(
          "This task is done or gone: someone finished it meanwhile.");
    }
    // a case-insensitive map: H2 names columns in upper case, MySQL in lower
    Map<String, Object> row = found.get(0);
    if (!CLAIMABLE.contains((String) row.get("task_key"))) {
      throw FollowUpException.outOfOrder(
          "This task is claimed by working on its follow-up, not from the list.");
    }
    return row;
  }
}
