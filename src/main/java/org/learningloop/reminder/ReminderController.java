package org.learningloop.reminder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Managers' hand escalations and due-date extensions, and their dashboard. */
@RestController
class ReminderController {

  /** A hand escalation: why. */
  record EscalationRequest(String note) {}

  /**
   * An extension: one task (taskId) or every open task of a stage, the new working day, and why.
   */
  /**
   * {@code currentDueDate}, optional: the due date the manager saw. When someone else has moved it
   * since, the request changes nothing and is a 409, so that two managers extending at the same
   * moment do not both win.
   */
  record ExtensionRequest(
      String taskId,
      String stage,
      LocalDate newDueDate,
      String reason,
      @Schema(
              types = {"string", "null"},
              format = "date")
          LocalDate currentDueDate) {}

  private final ManagerActions actions;
  private final Dashboard dashboard;

  ReminderController(ManagerActions actions, Dashboard dashboard) {
    this.actions = actions;
    this.dashboard = dashboard;
  }

  @PostMapping("/api/follow-ups/{id}/escalations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Escalate a follow-up by hand, with a note (managers)",
      description = "Tells the next managers up the ladder by email at once.")
  ManagerActions.EscalationDone escalate(
      @PathVariable long id, @RequestBody EscalationRequest request, Principal principal) {
    return actions.escalate(id, principal.getName(), request.note());
  }

  @PostMapping("/api/follow-ups/{id}/due-date-extensions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Extend a due date, with the reason (managers)",
      description =
          "One task (taskId) or every open task of a stage; the new due date is a working day, and the escalation ladder starts again from it. With currentDueDate (the date you saw), a date someone else has moved meanwhile is a 409 and nothing changes.")
  ManagerActions.ExtensionDone extend(
      @PathVariable long id, @RequestBody ExtensionRequest request, Principal principal) {
    return actions.extend(
        id,
        principal.getName(),
        request.taskId(),
        request.stage(),
        request.newDueDate(),
        request.reason(),
        request.currentDueDate());
  }

  @GetMapping("/api/dashboard")
  @Operation(
      summary =
          "Open follow-ups by service area, team and stage, with the overdue counts (managers)")
  Dashboard.View dashboard() {
    return dashboard.view();
  }
}
