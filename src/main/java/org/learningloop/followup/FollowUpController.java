package org.learningloop.followup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

  private final FollowUps followUps;

  private final AccessLog accessLog;

  FollowUpController(FollowUps followUps, AccessLog accessLog) {
    this.followUps = followUps;
    this.accessLog = accessLog;
  }

  record Allocation(String officer, Boolean jointConversation) {}

  record Claim(Boolean jointConversation) {}

  record Reassignment(@NotBlank String officer) {}

  record Reason(@NotBlank @Size(max = 1000) String reason) {}

  record Schedule(
      @NotNull LocalDateTime startsAt,
      @NotNull @Positive @Max(480) Integer durationMinutes,
      @NotBlank @Size(max = 500) String location) {}

  record Outcome(
      @NotNull Boolean held,
      @Size(max = 4000) String notes,
      @Size(max = 4000) String learningPoints,
      @Size(max = 1000) String reason) {}

  record SupportOffer(
      @NotBlank String type,
      @Size(max = 1000) String description,
      @NotNull SupportOwner owner,
      @NotNull LocalDate dueDate) {}

  record ReAuditRecord(@NotBlank String auditRef) {}

  @GetMapping
  PageOf<FollowUpSummary> list(
      @RequestParam(required = false) FollowUpStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
      Authentication user) {
    PageOf<FollowUpSummary> result = followUps.list(user.getName(), status, page, size);
    accessLog.record(user.getName(), "LIST", "FOLLOW_UP", null);
    return result;
  }

  @GetMapping("/{id}")
  FollowUpDetails get(@PathVariable long id, Authentication user) {
    FollowUpDetails details = followUps.get(id, user.getName());
    accessLog.record(user.getName(), "VIEW", "FOLLOW_UP", String.valueOf(id));
    return details;
  }

  @PostMapping("/{id}/claim")
  @PreAuthorize(PI_STAFF)
  FollowUpDetails claim(
      @PathVariable long id, @RequestBody(required = false) Claim body, Authentication user) {
    followUps.claim(
        id, user.getName(), body != null && Boolean.TRUE.equals(body.jointConversation()));
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/allocate")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails allocate(
      @PathVariable long id, @RequestBody Allocation body, Authentication user) {
    followUps.allocate(
        id, user.getName(), body.officer(), Boolean.TRUE.equals(body.jointConversation()));
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/reassign")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails reassign(
      @PathVariable long id, @Valid @RequestBody Reassignment body, Authentication user) {
    followUps.reassign(id, user.getName(), body.officer());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/safeguarding/confirm")
  @PreAuthorize("hasAnyRole('TEAM_MANAGER','SERVICE_MANAGER','ASSISTANT_DIRECTOR')")
  FollowUpDetails confirmSafeguarding(@PathVariable long id, Authentication user) {
    followUps.confirmSafeguarding(id, user.getName());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/conversations/{conversationId}/schedule")
  @PreAuthorize(PI_STAFF)
  FollowUpDetails schedule(
      @PathVariable long id,
      @PathVariable long conversationId,
      @Valid @RequestBody Schedule body,
      Authentication user) {
    followUps.scheduleConversation(
        id,
        conversationId,
        user.getName(),
        body.startsAt(),
        Duration.ofMinutes(body.durationMinutes()),
        body.location());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/conversations/{conversationId}/reschedule")
  @PreAuthorize(PI_STAFF)
  FollowUpDetails reschedule(
      @PathVariable long id,
      @PathVariable long conversationId,
      @Valid @RequestBody Schedule body,
      Authentication user) {
    followUps.rescheduleConversation(
        id,
        conversationId,
        user.getName(),
        body.startsAt(),
        Duration.ofMinutes(body.durationMinutes()),
        body.location());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/conversations/{conversationId}/outcome")
  @PreAuthorize(PI_STAFF)
  FollowUpDetails outcome(
      @PathVariable long id,
      @PathVariable long conversationId,
      @Valid @RequestBody Outcome body,
      Authentication user) {
    if (body.held()) {
      followUps.recordConversationHeld(
          id, conversationId, user.getName(), body.notes(), body.learningPoints());
    } else {
      followUps.recordConversationNotHeld(id, conversationId, user.getName(), body.reason());
    }
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items")
  @PreAuthorize(PI_STAFF)
  @ResponseStatus(HttpStatus.CREATED)
  FollowUpDetails offerSupport(
      @PathVariable long id, @Valid @RequestBody SupportOffer body, Authentication user) {
    followUps.offerSupport(
        id, user.getName(), body.type(), body.description(), body.owner(), body.dueDate());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/accept")
  FollowUpDetails acceptSupport(
      @PathVariable long id, @PathVariable long itemId, Authentication user) {
    followUps.acceptSupport(id, itemId, user.getName());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/decline")
  FollowUpDetails declineSupport(
      @PathVariable long id,
      @PathVariable long itemId,
      @Valid @RequestBody Reason body,
      Authentication user) {
    followUps.declineSupport(id, itemId, user.getName(), body.reason());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/complete")
  FollowUpDetails completeSupport(
      @PathVariable long id, @PathVariable long itemId, Authentication user) {
    followUps.completeSupport(id, itemId, user.getName());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/verify")
  @PreAuthorize(PI_STAFF)
  FollowUpDetails verifySupport(
      @PathVariable long id, @PathVariable long itemId, Authentication user) {
    followUps.verifySupport(id, itemId, user.getName());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/support-items/{itemId}/withdraw")
  @PreAuthorize(PI_STAFF)
  FollowUpDetails withdrawSupport(
      @PathVariable long id,
      @PathVariable long itemId,
      @Valid @RequestBody Reason body,
      Authentication user) {
    followUps.withdrawSupport(id, itemId, user.getName(), body.reason());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/closure/propose")
  @PreAuthorize(PI_STAFF)
  FollowUpDetails proposeClosure(@PathVariable long id, Authentication user) {
    followUps.proposeClosure(id, user.getName());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/closure/sign-off")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails signOff(@PathVariable long id, Authentication user) {
    followUps.signOff(id, user.getName());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/closure/send-back")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails sendBack(
      @PathVariable long id, @Valid @RequestBody Reason body, Authentication user) {
    followUps.sendBack(id, user.getName(), body.reason());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/re-audit")
  @PreAuthorize("hasAnyRole('AUDITOR','PI_LEAD')")
  FollowUpDetails recordReAudit(
      @PathVariable long id, @Valid @RequestBody ReAuditRecord body, Authentication user) {
    followUps.recordReAudit(id, user.getName(), body.auditRef());
    return followUps.get(id, user.getName());
  }

  @PostMapping("/{id}/withdraw")
  @PreAuthorize(PI_LEAD)
  FollowUpDetails withdraw(
      @PathVariable long id, @Valid @RequestBody Reason body, Authentication user) {
    followUps.withdraw(id, user.getName(), body.reason());
    return followUps.get(id, user.getName());
  }

  /** Kept small on purpose: the audit ref is enough to find a follow-up from an email. */
  @GetMapping(params = "auditRef")
  Map<String, Long> byAuditRef(@RequestParam String auditRef, Authentication user) {
    long id =
        followUps
            .idOf(auditRef)
            .filter(found -> mayRead(found, user))
            .orElseThrow(() -> FollowUpException.noneForAudit(auditRef));
    return Map.of("id", id);
  }

  private boolean mayRead(long id, Authentication user) {
    try {
      followUps.get(id, user.getName());
      return true;
    } catch (FollowUpException notVisible) {
      return false;
    }
  }
}
