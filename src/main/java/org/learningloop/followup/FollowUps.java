package org.learningloop.followup;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditSummary;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.Stage;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.common.Paging;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up module's face: every step a person (or the process) takes on a follow-up. Each call
 * is one transaction: the aggregate changes, its timeline grows, emails are queued and the process
 * moves on together, or nothing happens. {@code actor} is the signed-in username; who may see a
 * follow-up may act on it only as their role allows.
 */
@Service
@Transactional
public class FollowUps {

  /** The actor recorded for steps the process takes by itself (timers). */
  public static final String SYSTEM = "system";

  private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

  private final FollowUpRepository followUps;
  private final FollowUpEngine engine;
  private final AuditLookup audits;
  private final Catalogues catalogues;
  private final Directory directory;
  private final FollowUpNotifier notify;
  private final Deadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final FollowUpProperties properties;
  private final Clock clock;

  FollowUps(
      FollowUpRepository followUps,
      FollowUpEngine engine,
      AuditLookup audits,
      Catalogues catalogues,
      Directory directory,
      FollowUpNotifier notify,
      Deadlines deadlines,
      WorkingDayCalendar calendar,
      FollowUpProperties properties,
      Clock clock) {
    this.followUps = followUps;
    this.engine = engine;
    this.audits = audits;
    this.catalogues = catalogues;
    this.directory = directory;
    this.notify = notify;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  // ---- start and early ends (audit events) ----

  /**
   * Opens the follow-up of an audit that became inadequate and starts its process. An audit has one
   * follow-up at most: when it has one already, one that ended as GRADE_REVISED is reopened (see
   * {@link #reopen}); an open one is left as it is; a withdrawn or closed one stays ended and only
   * records that the audit is inadequate again.
   *
   * @param changedBy email of whoever made an audit that was stored already inadequate (null for a
   *     new audit)
   * @param rationale why (the moderator's reason), or null
   * @return the follow-up's id
   */
  public long openFor(String auditRef, String changedBy, String rationale) {
    Optional<FollowUp> existing = followUps.findByAuditRef(auditRef);
    if (existing.isPresent()) {
      FollowUp f = existing.get();
      switch (f.getStatus()) {
        case GRADE_REVISED -> reopen(f, changedBy, rationale);
        case WITHDRAWN, CLOSED ->
            f.record(
                now(),
                actorOr(changedBy),
                "INADEQUATE_AGAIN_AFTER_END",
                "The audit is inadequate again"
                    + because(rationale)
                    + "; the follow-up stays "
                    + f.getStatus()
                    + ": open it again by hand if needed");
        case OPEN ->
            log.info(
                "Audit {} already has open follow-up {}; nothing to open", auditRef, f.getId());
      }
      return f.getId();
    }
    AuditSummary audit =
        audits.findByRef(auditRef).orElseThrow(() -> FollowUpException.auditNotFound(auditRef));
    Instant created = now();
    Instant allocationDue = deadlines.due(Stage.ALLOCATION, created);
    Instant safeguardingDue = deadlines.due(Stage.SAFEGUARDING_CONFIRMATION, created);
    FollowUp f =
        new FollowUp(
            auditRef,
            audit.auditDate(),
            audit.practitionerId(),
            audit.teamManagerId(),
            audit.teamId(),
            audit.serviceAreaId(),
            audit.significantHarmRisk(),
            created,
            deadlines.dueDate(allocationDue),
            deadlines.dueDate(safeguardingDue));
    f.record(
        now(),
        SYSTEM,
        "CREATED",
        "Audit " + auditRef + " is inadequate: follow-up opened in the PI team's queue");
    f = followUps.saveAndFlush(f);
    start(f, allocationDue, safeguardingDue);
    return f.getId();
  }

  /** {@link #openFor(String, String, String)} for an audit recorded or imported as inadequate. */
  public long openFor(String auditRef) {
    return openFor(auditRef, null, null);
  }

  /**
   * The audit of a follow-up that moderation ended as GRADE_REVISED is inadequate again: the
   * follow-up opens again as a new one would (back at allocation in the PI team's queue, due dates
   * counted from now, the safety review asked again when the audit now finds a risk of significant
   * harm, the PI leads told) with a new process instance. The earlier conversations and support
   * items stay as history; a support item completed but not verified when it ended waits for
   * verification again, so that it does not hold up closure.
   */
  private void reopen(FollowUp f, String changedBy, String rationale) {
    AuditSummary audit =
        audits
            .findByRef(f.getAuditRef())
            .orElseThrow(() -> FollowUpException.auditNotFound(f.getAuditRef()));
    Instant reopened = now();
    Instant allocationDue = deadlines.due(Stage.ALLOCATION, reopened);
    Instant safeguardingDue = deadlines.due(Stage.SAFEGUARDING_CONFIRMATION, reopened);
    f.reopen(
        audit.auditDate(),
        audit.practitionerId(),
        audit.teamManagerId(),
        audit.teamId(),
        audit.serviceAreaId(),
        audit.significantHarmRisk(),
        deadlines.dueDate(allocationDue),
        deadlines.dueDate(safeguardingDue));
    f.record(
        reopened,
        actorOr(changedBy),
        FollowUp.REOPENED,
        "Audit "
            + f.getAuditRef()
            + " is inadequate again"
            + because(rationale)
            + ": follow-up reopened in the PI team's queue");
    followUps.flush();
    for (SupportItem item : f.getSupportItems()) {
      if (item.getState() == SupportItemState.COMPLETED && !item.isSettled()) {
        engine.supportAwaitingVerification(supportStart(f, item));
      }
    }
    start(f, allocationDue, safeguardingDue);
  }

  /** The process of a follow-up opened (or reopened) now, and the emails that say so. */
  private void start(FollowUp f, Instant allocationDue, Instant safeguardingDue) {
    if (f.isSignificantHarmRisk()) {
      f.record(
          now(),
          SYSTEM,
          "SAFEGUARDING_REQUESTED",
          "Risk of significant harm: Team Manager asked to confirm the child's safety review by "
              + f.getSafeguardingDue());
    }
    Instant serviceManagerDue =
        calendar.endOfWorkingDayAfter(safeguardingDue, properties.safeguardingEscalationDays());
    Instant assistantDirectorDue =
        calendar.endOfWorkingDayAfter(serviceManagerDue, properties.safeguardingEscalationDays());
    engine.start(
        new FollowUpEngine.Start(
            f.getId(),
            f.getAuditRef(),
            allocationDue,
            f.isSignificantHarmRisk(),
            username(f.getTeamManagerId()).orElse(null),
            safeguardingDue,
            serviceManagerDue,
            assistantDirectorDue));
    notify.created(f);
    if (f.isSignificantHarmRisk()) {
      notify.safeguardingRequested(f);
    }
  }

  /**
   * The audit's date was corrected: its follow-up, if it has one, is counted in the reports by the
   * new date.
   */
  public void auditRedated(String auditRef, LocalDate auditDate) {
    followUps.findByAuditRef(auditRef).ifPresent(f -> f.redate(auditDate));
  }

  /**
   * Moderation lifted the grade: an open follow-up ends as GRADE_REVISED with the moderator's
   * reason.
   */
  public void gradeRevised(String auditRef, String moderator, String rationale) {
    Optional<FollowUp> found = followUps.findByAuditRef(auditRef);
    if (found.isEmpty() || found.get().getStatus() != FollowUpStatus.OPEN) {
      found.ifPresent(
          f -> f.record(now(), actorOr(moderator), "GRADE_REVISED_AFTER_END", rationale));
      return;
    }
    FollowUp f = found.get();
    String reason =
        "Grade revised by moderation"
            + (rationale == null || rationale.isBlank() ? "" : ": " + rationale);
    end(
        f,
        FollowUpStatus.GRADE_REVISED,
        FollowUpEngine.Ending.GRADE_REVISED,
        actorOr(moderator),
        reason);
  }

  public void withdraw(long id, String actor, String reason) {
    FollowUp f = visible(id, actor);
    end(
        f,
        FollowUpStatus.WITHDRAWN,
        FollowUpEngine.Ending.WITHDRAWN,
        actor,
        "Withdrawn: " + requireText("reason", reason));
  }

  private void end(
      FollowUp f,
      FollowUpStatus ending,
      FollowUpEngine.Ending engineEnding,
      String actor,
      String reason) {
    f.end(ending, reason, now());
    f.record(now(), actor, ending.name(), reason);
    String officerEmail =
        directory.findByUsername(f.getOfficerUsername()).map(Person::email).orElse(null);
    for (Conversation c : f.getConversations()) {
      if (c.cancelIfScheduled()) {
        notify.cancelled(f, c, officerEmail);
      }
    }
    for (SupportItem item : f.getSupportItems()) {
      // an item still has a process while it is open or waits for verification; end it with the
      // follow-up
      boolean hasProcess = item.isOpen() || !item.isSettled();
      if (item.isOpen()) {
        item.withdraw("The follow-up ended: " + ending);
      }
      if (hasProcess) {
        engine.supportWithdrawn(item.getId());
      }
    }
    engine.end(f.getAuditRef(), engineEnding);
    notify.ended(f);
  }

  // ---- allocation ----

  public void claim(long id, String actor, boolean jointConversation) {
    allocateTo(visible(id, actor), actor, actor, jointConversation, "CLAIMED");
  }

  public void allocate(long id, String actor, String officer, boolean jointConversation) {
    allocateTo(visible(id, actor), actor, officer, jointConversation, "ALLOCATED");
  }

  private void allocateTo(
      FollowUp f, String actor, String officerUsername, boolean joint, String action) {
    Person officer = piStaff(officerUsername);
    Instant allocated = now();
    Instant closureDue = deadlines.due(Stage.CLOSURE, allocated);
    f.allocate(
        officer.username(),
        joint,
        deadlines.dueDate(Stage.CONVERSATIONS_HELD, allocated),
        deadlines.dueDate(closureDue),
        allocated);
    f.record(
        now(),
        actor,
        action,
        "Allocated to "
            + officer.username()
            + (joint ? "; one joint conversation" : "; two conversations"));
    followUps.flush(); // the new conversations get their ids, which the process holds
    engine.allocate(
        f.getAuditRef(),
        new FollowUpEngine.Allocation(
            officer.username(),
            joint,
            f.conversationWith(ConversationAttendees.JOINT).map(Conversation::getId).orElse(null),
            f.conversationWith(ConversationAttendees.TEAM_MANAGER)
                .map(Conversation::getId)
                .orElse(null),
            f.conversationWith(ConversationAttendees.PRACTITIONER)
                .map(Conversation::getId)
                .orElse(null),
            closureDue));
    notify.allocated(f, officer);
  }

  public void reassign(long id, String actor, String officerUsername) {
    FollowUp f = visible(id, actor);
    Person officer = piStaff(officerUsername);
    String previous = f.getOfficerUsername();
    f.reassign(officer.username());
    f.record(now(), actor, "REASSIGNED", "From " + previous + " to " + officer.username());
    engine.reassign(f.getAuditRef(), previous, officer.username());
    notify.allocated(f, officer);
  }

  // ---- safeguarding ----

  public void confirmSafeguarding(long id, String actor) {
    FollowUp f = visible(id, actor);
    Person person = person(actor);
    boolean teamManager =
        person.hasRole(Role.TEAM_MANAGER) && person.id().equals(f.getTeamManagerId());
    boolean seniorManager =
        (person.hasRole(Role.SERVICE_MANAGER) || person.hasRole(Role.ASSISTANT_DIRECTOR))
            && person.serviceAreaId() != null
            && person.serviceAreaId().equals(f.getServiceAreaId());
    if (!teamManager && !seniorManager) {
      throw FollowUpException.forbidden(
          "Only the follow-up's Team Manager, or a Service Manager or Assistant Director of its service area, confirms the safety review.");
    }
    f.confirmSafeguarding(actor, now());
    f.record(
        now(), actor, "SAFEGUARDING_CONFIRMED", "The child's current safety has been reviewed");
    engine.safeguardingConfirmed(f.getAuditRef());
  }

  /**
   * The safeguarding check was not confirmed in time: the process escalates it to the audit's
   * Service Manager, then Assistant Director.
   *
   * @return the username of the manager now asked, if the service area has one
   */
  public Optional<String> escalateSafeguarding(long id, Role to) {
    FollowUp f = followUps.findById(id).orElseThrow(() -> FollowUpException.notFound(id));
    Optional<Person> manager =
        directory.withRole(to).stream()
            .filter(
                p -> p.serviceAreaId() != null && p.serviceAreaId().equals(f.getServiceAreaId()))
            .findFirst();
    f.record(
        now(),
        SYSTEM,
        "SAFEGUARDING_ESCALATED",
        "Safety review not confirmed in time: escalated to the "
            + to.label()
            + manager.map(p -> " " + p.username()).orElse(" (none in the service area)"));
    manager.ifPresent(m -> notify.safeguardingEscalated(f, m, to));
    return manager.map(Person::username);
  }

  // ---- conversations ----

  public void scheduleConversation(
      long id,
      long conversationId,
      String actor,
      LocalDateTime startsAt,
      Duration duration,
      String location) {
    FollowUp f = visible(id, actor);
    f.requireConversationsUnderway();
    Conversation c = f.conversation(conversationId);
    c.schedule(instant(startsAt), requireDuration(duration), requireText("location", location));
    f.record(
        now(),
        actor,
        "CONVERSATION_SCHEDULED",
        c.getAttendees() + " conversation on " + startsAt + " at " + location);
    engine.conversationScheduled(f.getAuditRef(), conversationId, c.getStartsAt());
    notify.invitation(f, c, email(actor));
  }

  public void rescheduleConversation(
      long id,
      long conversationId,
      String actor,
      LocalDateTime startsAt,
      Duration duration,
      String location) {
    FollowUp f = visible(id, actor);
    f.requireConversationsUnderway();
    Conversation c = f.conversation(conversationId);
    c.reschedule(instant(startsAt), requireDuration(duration), requireText("location", location));
    f.record(
        now(),
        actor,
        "CONVERSATION_RESCHEDULED",
        c.getAttendees() + " conversation moved to " + startsAt + " at " + location);
    engine.conversationRescheduled(f.getAuditRef(), conversationId, c.getStartsAt());
    notify.invitation(f, c, email(actor));
  }

  public void recordConversationHeld(
      long id, long conversationId, String actor, String notes, String learningPoints) {
    FollowUp f = visible(id, actor);
    f.requireConversationsUnderway();
    Conversation c = f.conversation(conversationId);
    c.recordHeld(now(), requireText("notes", notes), requireText("learningPoints", learningPoints));
    f.record(now(), actor, "CONVERSATION_HELD", c.getAttendees() + " conversation held");
    f.conversationsChanged();
    engine.conversationOutcome(f.getAuditRef(), conversationId, true);
  }

  public void recordConversationNotHeld(long id, long conversationId, String actor, String reason) {
    FollowUp f = visible(id, actor);
    f.requireConversationsUnderway();
    Conversation c = f.conversation(conversationId);
    c.recordNotHeld(now(), requireText("reason", reason));
    f.record(
        now(),
        actor,
        "CONVERSATION_NOT_HELD",
        c.getAttendees() + " conversation not held: " + reason);
    engine.conversationOutcome(f.getAuditRef(), conversationId, false);
  }

  // ---- support ----

  public long offerSupport(
      long id, String actor, String type, String description, SupportOwner owner, LocalDate due) {
    FollowUp f = visible(id, actor);
    CatalogueEntry entry =
        catalogues
            .supportType(requireText("type", type))
            .filter(CatalogueEntry::active)
            .orElseThrow(
                () -> FollowUpException.invalid("type", "not an active support type: " + type));
    if (owner == null) {
      throw FollowUpException.invalid("owner", "must be PRACTITIONER, TEAM_MANAGER or WHOLE_TEAM");
    }
    if (due == null || due.isBefore(today())) {
      throw FollowUpException.invalid("dueDate", "must be today or later");
    }
    SupportItem item = f.offerSupport(entry.code(), description, owner, due, actor, now());
    f.record(now(), actor, "SUPPORT_OFFERED", entry.label() + " offered to the " + owner);
    followUps.flush(); // the new item gets its id, which its process holds
    Person ownerPerson = ownerOf(f, owner);
    engine.supportOffered(supportStart(f, item));
    if (ownerPerson != null) {
      notify.supportOffered(f, item, ownerPerson);
    }
    return item.getId();
  }

  public void acceptSupport(long id, long itemId, String actor) {
    FollowUp f = visible(id, actor);
    f.requireOpen();
    SupportItem item = f.supportItem(itemId);
    requireOwnerOrPiStaff(f, item, actor);
    item.accept(now());
    f.record(now(), actor, "SUPPORT_ACCEPTED", item.getTypeCode() + " accepted");
    engine.supportAnswered(itemId, true);
  }

  public void declineSupport(long id, long itemId, String actor, String reason) {
    FollowUp f = visible(id, actor);
    f.requireOpen();
    SupportItem item = f.supportItem(itemId);
    requireOwnerOrPiStaff(f, item, actor);
    item.decline(now(), reason);
    f.record(
        now(), actor, "SUPPORT_DECLINED", item.getTypeCode() + " declined: " + item.getReason());
    engine.supportAnswered(itemId, false);
  }

  public void completeSupport(long id, long itemId, String actor) {
    FollowUp f = visible(id, actor);
    f.requireOpen();
    SupportItem item = f.supportItem(itemId);
    requireOwnerOrPiStaff(f, item, actor);
    item.complete(now());
    f.record(now(), actor, "SUPPORT_COMPLETED", item.getTypeCode() + " completed");
    engine.supportCompleted(itemId);
  }

  public void verifySupport(long id, long itemId, String actor) {
    FollowUp f = visible(id, actor);
    f.requireOpen();
    SupportItem item = f.supportItem(itemId);
    item.verify(now(), actor);
    f.record(now(), actor, "SUPPORT_VERIFIED", item.getTypeCode() + " completion verified");
    engine.supportVerified(itemId);
  }

  public void withdrawSupport(long id, long itemId, String actor, String reason) {
    FollowUp f = visible(id, actor);
    f.requireOpen();
    SupportItem item = f.supportItem(itemId);
    item.withdraw(reason);
    f.record(
        now(), actor, "SUPPORT_WITHDRAWN", item.getTypeCode() + " withdrawn: " + item.getReason());
    engine.supportWithdrawn(itemId);
  }

  // ---- closure ----

  public void proposeClosure(long id, String actor) {
    FollowUp f = visible(id, actor);
    f.proposeClosure(actor, now());
    f.record(
        now(), actor, "CLOSURE_PROPOSED", "Both conversations held and every support item settled");
    engine.closureProposed(f.getAuditRef());
    notify.closureProposed(f, actor);
  }

  public void signOff(long id, String actor) {
    FollowUp f = visible(id, actor);
    Instant closed = now();
    LocalDate reAuditDue = deadlines.reAuditDate(closed.atZone(calendar.zone()).toLocalDate());
    f.signOff(actor, closed, reAuditDue);
    f.record(
        closed, actor, "CLOSED", "Closure signed off; effectiveness re-audit due " + reAuditDue);
    engine.closureDecided(f.getAuditRef(), true, deadlines.reAuditAt(closed));
    notify.ended(f);
  }

  public void sendBack(long id, String actor, String reason) {
    FollowUp f = visible(id, actor);
    String why = requireText("reason", reason);
    String proposer = f.getClosureProposedBy();
    f.sendBack();
    f.record(now(), actor, "CLOSURE_SENT_BACK", why);
    engine.closureDecided(f.getAuditRef(), false, null);
    if (proposer != null) {
      notify.closureSentBack(f, proposer);
    }
  }

  // ---- effectiveness re-audit ----

  /** The re-audit period after closure has passed: the auditors are asked for one. */
  public void reAuditDue(long id) {
    FollowUp f = followUps.findById(id).orElseThrow(() -> FollowUpException.notFound(id));
    f.reAuditDueNow();
    f.record(now(), SYSTEM, "RE_AUDIT_DUE", "Effectiveness re-audit asked of the auditors");
    notify.reAuditDue(f);
  }

  public void recordReAudit(long id, String actor, String reAuditRef) {
    FollowUp f = visible(id, actor);
    if (f.getStage() != FollowUpStage.RE_AUDIT) {
      throw FollowUpException.outOfOrder(
          "The re-audit of follow-up " + id + " is not due (it is at " + f.getStage() + ").");
    }
    String ref = requireText("auditRef", reAuditRef);
    if (ref.equals(f.getAuditRef())) {
      throw FollowUpException.invalid("auditRef", "must be another case than the one followed up");
    }
    AuditSummary audit =
        audits
            .findByRef(ref)
            .orElseThrow(() -> FollowUpException.invalid("auditRef", "no such audit: " + ref));
    if (f.getPractitionerId() != null && !f.getPractitionerId().equals(audit.practitionerId())) {
      throw FollowUpException.invalid("auditRef", "must be an audit of the same practitioner");
    }
    f.recordReAudit(ref, audit.effectiveGrade().name());
    f.record(now(), actor, "RE_AUDIT_RECORDED", "Re-audit " + ref + " linked");
    engine.reAuditRecorded(f.getAuditRef());
  }

  // ---- reading ----

  @Transactional(readOnly = true)
  public PageOf<FollowUpSummary> list(String actor, FollowUpStatus status, int page, int size) {
    return list(actor, status, null, page, size);
  }

  /** One page of the follow-ups the actor may see; status and audit ref filter when given. */
  @Transactional(readOnly = true)
  public PageOf<FollowUpSummary> list(
      String actor, FollowUpStatus status, String auditRef, int page, int size) {
    Paging.check(page, size);
    Person person = person(actor);
    Specification<FollowUp> spec = visibleTo(person);
    if (status != null) {
      spec = spec.and((root, q, cb) -> cb.equal(root.get("status"), status));
    }
    if (auditRef != null && !auditRef.isBlank()) {
      String ref = auditRef.strip();
      spec = spec.and((root, q, cb) -> cb.equal(root.get("auditRef"), ref));
    }
    Page<FollowUp> result =
        followUps.findAll(
            spec,
            PageRequest.of(page, size, Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("id"))));
    LocalDate today = today();
    return new PageOf<>(
        result.getContent().stream().map(f -> FollowUpSummary.of(f, today)).toList(),
        page,
        size,
        result.getTotalElements(),
        result.getTotalPages());
  }

  @Transactional(readOnly = true)
  public FollowUpDetails get(long id, String actor) {
    return FollowUpDetails.of(visible(id, actor), today());
  }

  @Transactional(readOnly = true)
  public Optional<Long> idOf(String auditRef) {
    return followUps.findByAuditRef(auditRef).map(FollowUp::getId);
  }

  /**
   * PI staff (and auditors, for re-audits) see every follow-up; others see only their own, team's
   * or area's.
   */
  private static Specification<FollowUp> visibleTo(Person p) {
    if (seesAll(p)) {
      return (root, q, cb) -> cb.conjunction();
    }
    return (root, q, cb) -> {
      List<Predicate> any = new ArrayList<>();
      any.add(cb.equal(root.get("practitionerId"), p.id()));
      any.add(cb.equal(root.get("teamManagerId"), p.id()));
      if (p.hasRole(Role.TEAM_MANAGER) && p.teamId() != null) {
        any.add(cb.equal(root.get("teamId"), p.teamId()));
      }
      if ((p.hasRole(Role.SERVICE_MANAGER) || p.hasRole(Role.ASSISTANT_DIRECTOR))
          && p.serviceAreaId() != null) {
        any.add(cb.equal(root.get("serviceAreaId"), p.serviceAreaId()));
      }
      return cb.or(any.toArray(Predicate[]::new));
    };
  }

  private static boolean seesAll(Person p) {
    return p.hasRole(Role.PI_LEAD)
        || p.hasRole(Role.PI_OFFICER)
        || p.hasRole(Role.AUDITOR)
        || p.hasRole(Role.ADMIN);
  }

  /**
   * Someone who may not see a follow-up is told it does not exist: its existence is not theirs to
   * know.
   */
  private FollowUp visible(long id, String actor) {
    Person p = person(actor);
    return followUps
        .findOne(visibleTo(p).and((root, q, cb) -> cb.equal(root.get("id"), id)))
        .orElseThrow(() -> FollowUpException.notFound(id));
  }

  private void requireOwnerOrPiStaff(FollowUp f, SupportItem item, String actor) {
    Person p = person(actor);
    if (p.hasRole(Role.PI_LEAD) || p.hasRole(Role.PI_OFFICER)) {
      return;
    }
    Long ownerId =
        item.getOwner() == SupportOwner.PRACTITIONER ? f.getPractitionerId() : f.getTeamManagerId();
    boolean teamMember =
        item.getOwner() == SupportOwner.WHOLE_TEAM
            && p.teamId() != null
            && p.teamId().equals(f.getTeamId());
    if (!p.id().equals(ownerId) && !teamMember) {
      throw FollowUpException.forbidden(
          "Only the owner of support item " + item.getId() + " (or the PI team) answers for it.");
    }
  }

  private FollowUpEngine.SupportStart supportStart(FollowUp f, SupportItem item) {
    Person owner = ownerOf(f, item.getOwner());
    return new FollowUpEngine.SupportStart(
        f.getId(),
        f.getAuditRef(),
        item.getId(),
        owner == null ? null : owner.username(),
        endOf(item.getDueDate()),
        f.getOfficerUsername());
  }

  private Person ownerOf(FollowUp f, SupportOwner owner) {
    Long id = owner == SupportOwner.PRACTITIONER ? f.getPractitionerId() : f.getTeamManagerId();
    return id == null ? null : directory.findById(id).orElse(null);
  }

  private Person piStaff(String username) {
    Person p =
        directory
            .findByUsername(requireText("officer", username))
            .orElseThrow(() -> FollowUpException.invalid("officer", "no such person: " + username));
    if (!p.enabled() || !(p.hasRole(Role.PI_OFFICER) || p.hasRole(Role.PI_LEAD))) {
      throw FollowUpException.invalid("officer", username + " is not a PI officer or lead");
    }
    return p;
  }

  private Person person(String username) {
    return directory
        .findByUsername(username)
        .orElseThrow(() -> FollowUpException.forbidden("Unknown user " + username + "."));
  }

  private Optional<String> username(Long staffId) {
    return staffId == null ? Optional.empty() : directory.findById(staffId).map(Person::username);
  }

  private String email(String username) {
    return directory.findByUsername(username).map(Person::email).orElse(null);
  }

  private static String because(String rationale) {
    return rationale == null || rationale.isBlank() ? "" : " (" + rationale.strip() + ")";
  }

  private static String actorOr(String actor) {
    return actor == null || actor.isBlank() ? SYSTEM : actor;
  }

  private static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw FollowUpException.invalid(field, "is required");
    }
    return value.strip();
  }

  private static Duration requireDuration(Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero() || duration.toHours() > 8) {
      throw FollowUpException.invalid("durationMinutes", "must be between 1 minute and 8 hours");
    }
    return duration;
  }

  private Instant instant(LocalDateTime local) {
    if (local == null) {
      throw FollowUpException.invalid("startsAt", "is required");
    }
    return local.atZone(clock.getZone()).toInstant();
  }

  /** A deadline falls at the end of its due date's working day. */
  private Instant endOf(LocalDate date) {
    return calendar.endOfWorkingDay(date);
  }

  private Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
