package org.learningloop.workflow.tasks;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.learningloop.common.Paging;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.followup.FollowUpException;
import org.learningloop.followup.PageOf;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tasks?view=mine|team|overdue|due-this-week&page=&size=}: the signed-in user's
 * task lists.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final OpenTasks tasks;
  private final Directory directory;

  TaskController(OpenTasks tasks, Directory directory) {
    this.tasks = tasks;
    this.directory = directory;
  }

  @GetMapping
  @Operation(
      operationId = "listTasks",
      summary = "Your task list, paged",
      description =
          "view: mine (assigned to you), team (your groups' unassigned queue), overdue, or due-this-week.")
  PageOf<TaskView> list(
      @RequestParam(defaultValue = "mine") String view,
      @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
      Authentication authentication) {
    TaskListView which =
        TaskListView.fromParameter(view)
            .orElseThrow(
                () ->
                    FollowUpException.invalid(
                        "view", "must be mine, team, overdue or due-this-week"));
    Person me =
        directory
            .findByUsername(authentication.getName())
            .orElseThrow(
                () ->
                    FollowUpException.forbidden("Unknown user " + authentication.getName() + "."));
    return tasks.list(which, me.username(), me.groupIds(), page, size);
  }
}
