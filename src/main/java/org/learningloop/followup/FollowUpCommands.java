package org.learningloop.followup;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditSummary;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps people take on a follow-up: allocation, the safety review, conversations, support,
 * closure, the re-audit and withdrawal. Each step checks its {@link FollowUpCommand} (the same
 * constraints the API and the pages bind with), finds the follow-up as {@code actor} may see it,
 * lets the aggregate make the change and write its timeline, then tells the process and queues the
 * emails: one transaction, all or nothing. {@code actor} is the signed-in username.
 */
@Service
@Transactional
public class FollowUpCommands {

  private final FollowUpRepository followUps;
  private final FollowUpAccess access;
  private final FollowUps lifecycle;
  private final FollowUpEngine engine;
  private final AuditLookup audits;
  private final Catalogues catalogues;
  private final Directory directory;
  private final FollowUpNotifier notify;
  private final Deadlines deadlines;
  private final StageDeadlines stages;
  private final WorkingDayCalendar calendar;
  private final Validator validator;
  private final Clock clock;

  FollowUpCommands(
      FollowUpRepository followUps,
      FollowUpAccess access,
      FollowUps lifecycle,
      FollowUpEngine engine,
      AuditLookup audits,
      Catalogues catalogues,
      Directory directory,
      FollowUpNotifier notify,
      Deadlines deadlines,
      StageDeadlines stages,
      WorkingDayCalendar calendar,
      Validator validator,
      Clock clock) {
    this.followUps = followUps;
    this.access = access;
    this.lifecycle = lifecycle;
    this.engine = engine;
    this.audits = audits;
    this.catalogues = catalogues;
    this.directory = directory;
    this.notify = notify;
    this.deadlines = deadlines;
    this.stages = stages;
    this.calendar = calendar;
    this.validator = validator;
    this.clock = clock;
  }

  // ---- allocation and the safety review ----

  public void claim(long id, String actor, FollowUpCommand.Claim claim) {
    assign(access.forChange(id, actor), piStaff(actor), claim.joint(), actor, true);
  }

  public void allocate(long id, String actor, FollowUpCommand.Allocate allocation) {
    valid(allocation);
    FollowUp f = access.forChange(id, actor);
    assign(f, piStaff(allocation.officer()), allocation.joint(), actor, false);
  }

  /**
   * Gives the follow-up to a PI officer ({@code claimed}: the actor took it from the queue for
   * themselves), with the conversations' and closure's due dates counted from now, and starts their
   * part of the process.
   */
  private void assign(FollowUp f, Person officer, boolean joint, String actor, boolean claimed) {
    Instant at = now();
    Instant closureDue = stages.due(FollowUpStage.CLOSURE, at);
    Instant conversationsAt = stages.due(FollowUpStage.CONVERSATIONS, at);
    LocalDate conversationsDue = deadlines.dueDate(conversationsAt);
    if (claimed) {
      f.claim(officer.username(), joint, conversationsDue, deadlines.dueDate(closureDue), at);
    } else {
      f.allocate(
          officer.username(), joint, conversationsDue, deadlines.dueDate(closureDue), actor, at);
    }
    allocated(f, officer, conversationsAt, closureDue);
  }

  private void allocated(FollowUp f, Person officer, Instant conversationsDue, Instant closureDue) {
    followUps.flush(); // the new conversations get their ids, which the process holds
    engine.allocate(
        f.getAuditRef(),
        new FollowUpEngine.Allocation(
            officer.username(),
            f.isJointConversation(),
            conversationId(f, ConversationAttendees.JOINT),
            conversationId(f, ConversationAttendees.TEAM_MANAGER),
            conversationId(f, ConversationAttendees.PRACTITIONER),
            conversationsDue,
            closureDue));
    notify.allocated(f, officer);
  }

  private static Long conversationId(FollowUp f, ConversationAttendees attendees) {
    return f.conversationWith(attendees).map(Conversation::getId).orElse(null);
  }

  public void reassign(long id, String actor, FollowUpCommand.Reassign reassignment) {
    valid(reassignment);
    FollowUp f = access.forChange(id, actor);
    Person officer = piStaff(reassignment.officer());
    String previous = f.getOfficerUsername();
    f.reassign(officer.username(), actor, now());
    engine.reassign(f.getAuditRef(), previous, officer.username());
    notify.allocated(f, officer);
  }

  public void confirmSafeguarding(long id, String actor) {
    FollowUp f = access.forChange(id, actor);
    access.requireSafeguardingConfirmer(f, actor);
    f.confirmSafeguarding(actor, now());
    engine.safeguardingConfirmed(f.getAuditRef());
  }

  // ---- conversations ----

  public void scheduleConversation(
      long id, long conversationId, String actor, FollowUpCommand.Schedule schedule) {
    plan(id, conversationId, actor, schedule, false);
  }

  public void rescheduleConversation(
      long id, long conversationId, String actor, FollowUpCommand.Schedule schedule) {
    plan(id, conversationId, actor, schedule, true);
  }

  /** Schedules a conversation (or moves it) and sends the invitation (or the new one). */
  private void plan(
      long id, long conversationId, String actor, FollowUpCommand.Schedule schedule, boolean move) {
    valid(schedule);
    FollowUp f = access.forChange(id, actor);
    ZonedDateTime startsAt = schedule.startsAt().atZone(clock.getZone());
    Duration duration = Duration.ofMinutes(schedule.durationMinutes());
    String location = schedule.location().strip();
    Conversation c =
        f.planConversation(conversationId, move, startsAt, duration, location, actor, now());
    if (move) {
      engine.conversationRescheduled(f.getAuditRef(), conversationId, outcomeDue(f, c));
    } else {
      engine.conversationScheduled(f.getAuditRef(), conversationId, outcomeDue(f, c));
    }
    notify.invitation(f, c, email(actor));
  }

  public void recordConversationHeld(
      long id, long conversationId, String actor, FollowUpCommand.Held held) {
    valid(held);
    FollowUp f = access.forChange(id, actor);
    f.recordConversationHeld(
        conversationId, held.notes().strip(), held.learningPoints().strip(), actor, now());
    engine.conversationOutcome(f.getAuditRef(), conversationId, true);
  }

  public void recordConversationNotHeld(
      long id, long conversationId, String actor, FollowUpCommand.Reason why) {
    valid(why);
    FollowUp f = access.forChange(id, actor);
    f.recordConversationNotHeld(conversationId, why.reason().strip(), actor, now());
    engine.conversationOutcome(f.getAuditRef(), conversationId, false);
  }

  // ---- support ----

  /** Offers support; its owner is told, and the item's own process starts. */
  public long offerSupport(long id, String actor, FollowUpCommand.OfferSupport offer) {
    valid(offer);
    FollowUp f = access.forChange(id, actor);
    CatalogueEntry entry =
        catalogues
            .supportType(offer.type().strip())
            .filter(CatalogueEntry::active)
            .orElseThrow(
                () ->
                    FollowUpException.invalid(
                        "type", "not an active support type: " + offer.type()));
    if (offer.dueDate().isBefore(LocalDate.now(clock))) {
      throw FollowUpException.invalid("dueDate", "must be today or later");
    }
    SupportItem item =
        f.offerSupport(
            entry.code(),
            entry.label(),
            offer.description(),
            offer.owner(),
            offer.dueDate(),
            actor,
            now());
    followUps.flush(); // the new item gets its id, which its process holds
    engine.supportOffered(lifecycle.supportStart(f, item));
    Person owner = lifecycle.ownerOf(f, offer.owner());
    if (owner != null) {
      notify.supportOffered(f, item, owner);
    }
    return item.getId();
  }

  public void acceptSupport(long id, long itemId, String actor) {
    FollowUp f = ownedItemOf(id, itemId, actor);
    f.acceptSupport(itemId, actor, now());
    engine.supportAnswered(f.getAuditRef(), itemId, true);
  }

  public void declineSupport(long id, long itemId, String actor, FollowUpCommand.Reason why) {
    valid(why);
    FollowUp f = ownedItemOf(id, itemId, actor);
    f.declineSupport(itemId, why.reason(), actor, now());
    engine.supportAnswered(f.getAuditRef(), itemId, false);
  }

  public void completeSupport(long id, long itemId, String actor) {
    FollowUp f = ownedItemOf(id, itemId, actor);
    f.completeSupport(itemId, actor, now());
    engine.supportCompleted(f.getAuditRef(), itemId, deadlines.supportVerificationDue(now()));
  }

  public void verifySupport(long id, long itemId, String actor) {
    FollowUp f = access.forChange(id, actor);
    f.verifySupport(itemId, actor, now());
    engine.supportVerified(f.getAuditRef(), itemId);
  }

  public void withdrawSupport(long id, long itemId, String actor, FollowUpCommand.Reason why) {
    valid(why);
    FollowUp f = access.forChange(id, actor);
    f.withdrawSupport(itemId, why.reason(), actor, now());
    engine.supportWithdrawn(f.getAuditRef(), itemId);
  }

  /** The follow-up, when {@code actor} may answer for its support item {@code itemId}. */
  private FollowUp ownedItemOf(long id, long itemId, String actor) {
    FollowUp f = access.forChange(id, actor);
    f.requireOpen();
    access.requireOwnerOrPiStaff(f, f.supportItem(itemId), actor);
    return f;
  }

  // ---- closure, re-audit, withdrawal ----

  public void proposeClosure(long id, String actor) {
    FollowUp f = access.forChange(id, actor);
    f.proposeClosure(actor, now());
    engine.closureProposed(f.getAuditRef());
    notify.closureProposed(f, actor);
  }

  public void signOff(long id, String actor) {
    FollowUp f = access.forChange(id, actor);
    Instant closed = now();
    LocalDate reAuditDue = deadlines.reAuditDate(closed.atZone(calendar.zone()).toLocalDate());
    f.signOff(actor, closed, reAuditDue);
    engine.closureDecided(
        f.getAuditRef(), true, deadlines.reAuditAt(closed), deadlines.reAuditTaskDue(reAuditDue));
    notify.ended(f);
  }

  public void sendBack(long id, String actor, FollowUpCommand.Reason why) {
    valid(why);
    FollowUp f = access.forChange(id, actor);
    String proposer = f.getClosureProposedBy();
    f.sendBack(why.reason().strip(), actor, now());
    engine.closureDecided(f.getAuditRef(), false, null, null);
    if (proposer != null) {
      notify.closureSentBack(f, proposer);
    }
  }

  /**
   * Links the effectiveness re-audit: another audit of the same practitioner's work, dated after
   * the day the follow-up closed, read through the audit register's face. An unknown ref, another
   * practitioner's audit, one dated on or before the closing day, or the follow-up's own audit is
   * refused (400, field {@code auditRef}). A re-audit graded Inadequate is a repeat Inadequate,
   * flagged on this follow-up and on the one the re-audit opened.
   */
  public void recordReAudit(long id, String actor, FollowUpCommand.ReAudit reAudit) {
    FollowUp f = access.forChange(id, actor);
    f.requireReAuditDue();
    valid(reAudit);
    String ref = reAudit.auditRef().strip();
    AuditSummary audit =
        audits
            .findByRef(ref)
            .orElseThrow(
                () ->
                    FollowUpException.invalid(
                        "auditRef",
                        "There is no audit " + ref + ": enter the re-audit's reference"));
    f.recordReAudit(
        new FollowUp.ReAuditFacts(
            audit.facts().ref(),
            audit.facts().auditDate(),
            audit.facts().practitionerId(),
            audit.effectiveGrade().name()),
        calendar.zone(),
        actor,
        now());
    engine.reAuditRecorded(f.getAuditRef());
    lifecycle.settleRepeat(f, actor);
  }

  /**
   * The re-audit cannot happen (the practitioner has left the council, say): the re-audit stage
   * ends with the reason, the process finishes and its task leaves the auditors' lists.
   */
  public void reAuditNotPossible(long id, String actor, FollowUpCommand.Reason why) {
    valid(why);
    FollowUp f = access.forChange(id, actor);
    f.reAuditNotPossible(why.reason().strip(), actor, now());
    engine.reAuditNotPossible(f.getAuditRef());
  }

  /** A PI lead withdraws the follow-up, with a reason. */
  public void withdraw(long id, String actor, FollowUpCommand.Reason why) {
    valid(why);
    FollowUp f = access.forChange(id, actor);
    lifecycle.end(f, FollowUpStatus.WITHDRAWN, actor, "Withdrawn: " + why.reason().strip());
  }

  /**
   * Checks a command against its constraints, for callers that did not bind it with {@code @Valid}
   * (the API and the pages did already): every field at fault, as on a form.
   */
  private void valid(FollowUpCommand command) {
    Set<ConstraintViolation<FollowUpCommand>> violations = validator.validate(command);
    if (!violations.isEmpty()) {
      List<FieldError> errors =
          violations.stream()
              .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
              .toList();
      throw FollowUpException.invalid(errors);
    }
  }

  private Person piStaff(String username) {
    Person p =
        directory
            .findByUsername(username.strip())
            .orElseThrow(() -> FollowUpException.invalid("officer", "no such person: " + username));
    if (!p.enabled() || !(p.hasRole(Role.PI_OFFICER) || p.hasRole(Role.PI_LEAD))) {
      throw FollowUpException.invalid("officer", username + " is not a PI officer or lead");
    }
    return p;
  }

  private String email(String username) {
    return directory.findByUsername(username).map(Person::email).orElse(null);
  }

  private Instant now() {
    return clock.instant();
  }

  /**
   * When a conversation's outcome must be recorded: its start is an appointment, the outcome is due
   * a few working days after it ends (and no later than the conversations stage).
   */
  private Instant outcomeDue(FollowUp f, Conversation c) {
    return stages.conversationOutcomeDue(
        c.getStartsAt().plus(Duration.ofMinutes(c.getDurationMinutes())), f.getConversationsDue());
  }
}
