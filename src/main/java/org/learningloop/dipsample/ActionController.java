package org.learningloop.dipsample;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.learningloop.common.Paging;
import org.learningloop.security.AccessLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The action API: auditors and PI leads set actions; whoever acts for the owner records what was
 * done; the setter or a PI lead verifies, sends back or cancels. Every step answers with the action
 * as it now stands; a step out of order is a 409, a step that is not yours a 403.
 */
@RestController
@RequestMapping("/api/actions")
class ActionController {

  static final String SETTERS = "hasAnyRole('AUDITOR','PI_LEAD')";

  private final Actions actions;
  private final AccessLog accessLog;

  ActionController(Actions actions, AccessLog accessLog) {
    this.actions = actions;
    this.accessLog = accessLog;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(SETTERS)
  @Operation(
      operationId = "setAction",
      summary = "Set an action on a dip sample or an audit (auditors, PI leads)",
      description =
          "source is a dip sample's or audit's ref. ownerType PRACTITIONER or TEAM_MANAGER: owner is their"
              + " email; TEAM: the team's name (its Team Manager acts); SERVICE_AREA: the area's name (its"
              + " Service Manager acts); PARTNER: the partner's name, and contact the email of the member of"
              + " staff who acts for it. dueDate is a working day, today or later. The owner is told at once.")
  ActionDetails set(@Valid @RequestBody ActionCommand.Set body, Authentication user) {
    return actions.set(body, user.getName());
  }

  @GetMapping
  @Operation(
      operationId = "listActions",
      summary = "Actions you may see, earliest due first, paged",
      description =
          "PI staff, auditors and moderators see every action; Service Managers and Assistant Directors their"
              + " service area's, Team Managers their team's; everyone those they own or set. Filter by status"
              + " and by source (a dip sample's or audit's ref).")
  ActionPage list(
      @RequestParam(required = false) ActionStatus status,
      @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
      Authentication user) {
    ActionPage found = actions.list(user.getName(), status, source, page, size);
    accessLog.record(user.getName(), "LIST", "ACTION", null);
    return found;
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getAction", summary = "One action, with what was done and its history")
  ActionDetails get(@PathVariable long id, Authentication user) {
    ActionDetails found = actions.get(id, user.getName());
    accessLog.record(user.getName(), "VIEW", "ACTION", String.valueOf(id));
    return found;
  }

  @PostMapping("/{id}/complete")
  @Operation(
      operationId = "completeAction",
      summary = "Record what was done (whoever acts for the owner)",
      description = "The action then waits for the setter's or a PI lead's verification.")
  ActionDetails complete(
      @PathVariable long id, @Valid @RequestBody ActionCommand.Complete body, Authentication user) {
    return actions.complete(id, user.getName(), body);
  }

  @PostMapping("/{id}/verify")
  @PreAuthorize(SETTERS)
  @Operation(
      operationId = "verifyAction",
      summary = "Verify what was done (the auditor who set it, or a PI lead): the action is done")
  ActionDetails verify(@PathVariable long id, Authentication user) {
    return actions.verify(id, user.getName());
  }

  @PostMapping("/{id}/send-back")
  @PreAuthorize(SETTERS)
  @Operation(
      operationId = "sendActionBack",
      summary = "Send the evidence back with a reason (the setter, or a PI lead)",
      description = "The owner is told and records what was done again, by the same due date.")
  ActionDetails sendBack(
      @PathVariable long id, @Valid @RequestBody ActionCommand.Reason body, Authentication user) {
    return actions.sendBack(id, user.getName(), body);
  }

  @PostMapping("/{id}/cancel")
  @PreAuthorize(SETTERS)
  @Operation(
      operationId = "cancelAction",
      summary = "Cancel an open action with a reason (the setter, or a PI lead)")
  ActionDetails cancel(
      @PathVariable long id, @Valid @RequestBody ActionCommand.Reason body, Authentication user) {
    return actions.cancel(id, user.getName(), body);
  }
}
