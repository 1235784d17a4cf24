package org.learningloop.followup;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
 * The follow-up API: the list and one follow-up for whoever may see them, and one {@code POST} per
 * step a person takes. Every step answers with the follow-up as it now stands; a step out of order
 * is a 409 problem.
 */
@RestController
@RequestMapping("/api/follow-ups")
class FollowUpController {

  private static final String PI_STAFF = "hasAnyRole('PI_LEAD','PI_OFFICER')";
  private static final String PI_LEAD = "hasRole('PI_LEAD')";

  /** Who records the effectiveness re-audit, or that it cannot happen. */
  private static final String RE_AUDITORS = "hasAnyRole('AUDITOR','PI_LEAD')";

  private final FollowUpCommands commands;
  private final FollowUpQueries queries;
  private final AccessLog accessLog;

  FollowUpController(FollowUpCommands commands, FollowUpQueries queries, AccessLog accessLog) {
    this.commands = commands;
    this.queries = queries;
    this.accessLog = accessLog;
  }

  /**
   * A conversation's outcome, held or not: the API takes both in one body; each is its own step
   * ({@link FollowUpCommand.Held}, {@link FollowUpCommand.Reason}), checked as such.
   */
  record Outcome(@NotNull Boolean held, String notes, String learningPoints, String reason) {}

  @GetMapping
  @Operation(
      operationId = "listFollowUps",
      summary = "Follow-ups you may see, earliest due first, paged",
      description =
          "PI staff see every follow-up; practitioners their own, team managers their team's, service managers and assistant directors their service area's. Filter by status, or by auditRef to find the follow-up of one audit (at most one row).")
  PageOf<FollowUpSummary> list(
      @RequestParam(required = false) FollowUpStatus status,
      @RequestParam(required = false) String auditRef,
      @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
      Authentication user) {
    PageOf<FollowUpSummary> result = queries.list(user.getName(), status, auditRef, page, size);
    accessLog.record(user.getName(), "LIST", "FOLLOW_UP", null);
    return result;
  }

  @GetMapping("/{id}")
  @Operation(
      operationId = "getFollowUp",
      summary = "One follow-up: its audit, stage, conversations, support items and history",
      description =
          "What the signed-in user may see of it: a practitioner does not see the team manager's conversation notes nor managers' escalation notes.")
  FollowUpDetails get(@PathVariable long id, Authentication user) {
    FollowUpDetails details = queries.get(id, user.getName());
    accessLog.record(user.getName(), "VIEW", "FOLLOW_UP", String.valueOf(id));
    return details;
  }

  @PostMapping("/{id}/claim")
  @PreAuthorize(PI_STAFF)
  @Operation(
      summary = "Claim a follow-up from the team queue (PI staff)",
      description =
          "The signed-in PI officer becomes its officer; jointConversation asks for one conversation with both the team manager and the practitioner.")
  FollowUpDetails claim(
      @PathVariable long id,
      @RequestBody(required = false) FollowUpCommand.Claim body,
      Authentication user) {
    commands.claim(id, user.getName(), body == null ? new FollowUpCommand.Claim(false) : body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/allocate")
  @PreAuthorize(PI_LEAD)
  @Operation(
      summary = "Allocate a follow-up to a PI officer (PI lead)",
      description =
          "officer is the officer's user name; jointConversation asks for one joint conversation.")
  FollowUpDetails allocate(
      @PathVariable long id,
      @Valid @RequestBody FollowUpCommand.Allocate body,
      Authentication user) {
    commands.allocate(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/reassign")
  @PreAuthorize(PI_LEAD)
  @Operation(summary = "Give an allocated follow-up to another PI officer (PI lead)")
  FollowUpDetails reassign(
      @PathVariable long id,
      @Valid @RequestBody FollowUpCommand.Reassign body,
      Authentication user) {
    commands.reassign(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/safeguarding/confirm")
  @PreAuthorize("hasAnyRole('TEAM_MANAGER','SERVICE_MANAGER','ASSISTANT_DIRECTOR')")
  @Operation(
      summary = "Confirm that the child's current safety has been reviewed (team manager or above)",
      description =
          "Only while the safeguarding check is open, i.e. when SIGNIFICANT_HARM_RISK is a factor.")
  FollowUpDetails confirmSafeguarding(@PathVariable long id, Authentication user) {
    commands.confirmSafeguarding(id, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/conversations/{conversationId}/schedule")
  @PreAuthorize(PI_STAFF)
  @Operation(
      summary = "Schedule a reflective conversation (PI staff)",
      description =
          "Date, time and place or link; the attendees get an invitation email with an iCalendar invite.")
  FollowUpDetails schedule(
      @PathVariable long id,
      @PathVariable long conversationId,
      @Valid @RequestBody FollowUpCommand.Schedule body,
      Authentication user) {
    commands.scheduleConversation(id, conversationId, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/conversations/{conversationId}/reschedule")
  @PreAuthorize(PI_STAFF)
  @Operation(
      summary = "Reschedule a reflective conversation (PI staff)",
      description =
          "After a conversation was not held, or to move one not yet due; a new invitation is sent.")
  FollowUpDetails reschedule(
      @PathVariable long id,
      @PathVariable long conversationId,
      @Valid @RequestBody FollowUpCommand.Schedule body,
      Authentication user) {
    commands.rescheduleConversation(id, conversationId, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/conversations/{conversationId}/outcome")
  @PreAuthorize(PI_STAFF)
  @Operation(
      summary = "Record whether a reflective conversation was held (PI staff)",
      description =
          "held=true with notes and learning points, or held=false with the reason; only after its start time.")
  FollowUpDetails outcome(
      @PathVariable long id,
      @PathVariable long conversationId,
      @Valid @RequestBody Outcome body,
      Authentication user) {
    if (body.held()) {
      commands.recordConversationHeld(
          id,
          conversationId,
          user.getName(),
          new FollowUpCommand.Held(body.notes(), body.learningPoints()));
    } else {
      commands.recordConversationNotHeld(
          id, conversationId, user.getName(), new FollowUpCommand.Reason(body.reason()));
    }
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items")
  @PreAuthorize(PI_STAFF)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Offer a support item (PI staff)",
      description =
          "type is a support type code from the catalogue; the owner is told by email and accepts and completes it.")
  FollowUpDetails offerSupport(
      @PathVariable long id,
      @Valid @RequestBody FollowUpCommand.OfferSupport body,
      Authentication user) {
    commands.offerSupport(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/accept")
  @Operation(summary = "Accept a support item offered to you")
  FollowUpDetails acceptSupport(
      @PathVariable long id, @PathVariable long itemId, Authentication user) {
    commands.acceptSupport(id, itemId, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/decline")
  @Operation(summary = "Decline a support item offered to you, with the reason")
  FollowUpDetails declineSupport(
      @PathVariable long id,
      @PathVariable long itemId,
      @Valid @RequestBody FollowUpCommand.Reason body,
      Authentication user) {
    commands.declineSupport(id, itemId, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/complete")
  @Operation(summary = "Mark an accepted support item completed (its owner)")
  FollowUpDetails completeSupport(
      @PathVariable long id, @PathVariable long itemId, Authentication user) {
    commands.completeSupport(id, itemId, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/verify")
  @PreAuthorize(PI_STAFF)
  @Operation(summary = "Verify a completed support item (PI staff)")
  FollowUpDetails verifySupport(
      @PathVariable long id, @PathVariable long itemId, Authentication user) {
    commands.verifySupport(id, itemId, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/withdraw")
  @PreAuthorize(PI_STAFF)
  @Operation(summary = "Withdraw a support item, with the reason (PI staff)")
  FollowUpDetails withdrawSupport(
      @PathVariable long id,
      @PathVariable long itemId,
      @Valid @RequestBody FollowUpCommand.Reason body,
      Authentication user) {
    commands.withdrawSupport(id, itemId, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/closure/propose")
  @PreAuthorize(PI_STAFF)
  @Operation(
      summary = "Propose closing the follow-up (PI staff)",
      description =
          "Only when both conversations were held and every support item is completed, declined or withdrawn.")
  FollowUpDetails proposeClosure(@PathVariable long id, Authentication user) {
    commands.proposeClosure(id, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/closure/sign-off")
  @PreAuthorize(PI_LEAD)
  @Operation(
      summary = "Sign off the closure (PI lead)",
      description = "Four eyes: not the officer who proposed it. Starts the effectiveness check.")
  FollowUpDetails signOff(@PathVariable long id, Authentication user) {
    commands.signOff(id, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/closure/send-back")
  @PreAuthorize(PI_LEAD)
  @Operation(summary = "Send a proposed closure back to the officer, with the reason (PI lead)")
  FollowUpDetails sendBack(
      @PathVariable long id, @Valid @RequestBody FollowUpCommand.Reason body, Authentication user) {
    commands.sendBack(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/re-audit")
  @PreAuthorize(RE_AUDITORS)
  @Operation(
      summary = "Link the effectiveness re-audit to the follow-up (auditor or PI lead)",
      description =
          "auditRef names another audit of the same practitioner, dated after the day the follow-up closed (400 otherwise); its grade is kept on the follow-up. A re-audit graded Inadequate is a repeat Inadequate, flagged on this follow-up and on the re-audit's own.")
  FollowUpDetails recordReAudit(
      @PathVariable long id,
      @Valid @RequestBody FollowUpCommand.ReAudit body,
      Authentication user) {
    commands.recordReAudit(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/re-audit/not-possible")
  @PreAuthorize(RE_AUDITORS)
  @Operation(
      summary = "End the re-audit stage without a re-audit, with the reason (auditor or PI lead)",
      description =
          "When the re-audit cannot happen (the practitioner has left the council, say): the follow-up stays CLOSED, its stage becomes DONE, and the re-audit task leaves the task lists.")
  FollowUpDetails reAuditNotPossible(
      @PathVariable long id, @Valid @RequestBody FollowUpCommand.Reason body, Authentication user) {
    commands.reAuditNotPossible(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/withdraw")
  @PreAuthorize(PI_LEAD)
  @Operation(summary = "Withdraw a follow-up, with the reason (PI lead)")
  FollowUpDetails withdraw(
      @PathVariable long id, @Valid @RequestBody FollowUpCommand.Reason body, Authentication user) {
    commands.withdraw(id, user.getName(), body);
    return queries.get(id, user.getName());
  }
}
