package org.learningloop.followup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
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
  PageOf<FollowUpSummary> list(
      @RequestParam(required = false) FollowUpStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
      Authentication user) {
    PageOf<FollowUpSummary> result = queries.list(user.getName(), status, page, size);
    accessLog.record(user.getName(), "LIST", "FOLLOW_UP", null);
    return result;
  }

  @GetMapping("/{id}")
  FollowUpDetails get(@PathVariable long id, Authentication user) {
    FollowUpDetails details = queries.get(id, user.getName());
    accessLog.record(user.getName(), "VIEW", "FOLLOW_UP", String.valueOf(id));
    return details;
  }

  @PostMapping("/{id}/claim")
  @PreAuthorize(PI_STAFF)
  FollowUpDetails claim(
      @PathVariable long id,
      @RequestBody(required = false) FollowUpCommand.Claim body,
      Authentication user) {
    commands.claim(id, user.getName(), body == null ? new FollowUpCommand.Claim(false) : body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/allocate")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails allocate(
      @PathVariable long id,
      @Valid @RequestBody FollowUpCommand.Allocate body,
      Authentication user) {
    commands.allocate(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/reassign")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails reassign(
      @PathVariable long id,
      @Valid @RequestBody FollowUpCommand.Reassign body,
      Authentication user) {
    commands.reassign(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/safeguarding/confirm")
  @PreAuthorize("hasAnyRole('TEAM_MANAGER','SERVICE_MANAGER','ASSISTANT_DIRECTOR')")
  FollowUpDetails confirmSafeguarding(@PathVariable long id, Authentication user) {
    commands.confirmSafeguarding(id, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/conversations/{conversationId}/schedule")
  @PreAuthorize(PI_STAFF)
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
  FollowUpDetails offerSupport(
      @PathVariable long id,
      @Valid @RequestBody FollowUpCommand.OfferSupport body,
      Authentication user) {
    commands.offerSupport(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/accept")
  FollowUpDetails acceptSupport(
      @PathVariable long id, @PathVariable long itemId, Authentication user) {
    commands.acceptSupport(id, itemId, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/decline")
  FollowUpDetails declineSupport(
      @PathVariable long id,
      @PathVariable long itemId,
      @Valid @RequestBody FollowUpCommand.Reason body,
      Authentication user) {
    commands.declineSupport(id, itemId, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/complete")
  FollowUpDetails completeSupport(
      @PathVariable long id, @PathVariable long itemId, Authentication user) {
    commands.completeSupport(id, itemId, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/verify")
  @PreAuthorize(PI_STAFF)
  FollowUpDetails verifySupport(
      @PathVariable long id, @PathVariable long itemId, Authentication user) {
    commands.verifySupport(id, itemId, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/withdraw")
  @PreAuthorize(PI_STAFF)
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
  FollowUpDetails proposeClosure(@PathVariable long id, Authentication user) {
    commands.proposeClosure(id, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/closure/sign-off")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails signOff(@PathVariable long id, Authentication user) {
    commands.signOff(id, user.getName());
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/closure/send-back")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails sendBack(
      @PathVariable long id, @Valid @RequestBody FollowUpCommand.Reason body, Authentication user) {
    commands.sendBack(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/re-audit")
  @PreAuthorize("hasAnyRole('AUDITOR','PI_LEAD')")
  FollowUpDetails recordReAudit(
      @PathVariable long id,
      @Valid @RequestBody FollowUpCommand.ReAudit body,
      Authentication user) {
    commands.recordReAudit(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  @PostMapping("/{id}/withdraw")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails withdraw(
      @PathVariable long id, @Valid @RequestBody FollowUpCommand.Reason body, Authentication user) {
    commands.withdraw(id, user.getName(), body);
    return queries.get(id, user.getName());
  }

  /** Kept small on purpose: the audit ref is enough to find a follow-up from an email. */
  @GetMapping(params = "auditRef")
  Map<String, Long> byAuditRef(@RequestParam String auditRef, Authentication user) {
    long id = queries.idOf(auditRef).orElseThrow(() -> FollowUpException.auditNotFound(auditRef));
    queries.get(id, user.getName());
    return Map.of("id", id);
  }
}
