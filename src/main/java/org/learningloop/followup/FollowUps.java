package org.learningloop.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditSummary;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A follow-up's life as the audit register and the process drive it: opened when an audit becomes
 * inadequate, reopened or ended when moderation changes the grade, the safety review escalated and
 * the re-audit asked for when their timers fire. The steps people take are {@link
 * FollowUpCommands}; reading is {@link FollowUpQueries}. Each call is one transaction: the
 * aggregate changes and writes its timeline, emails are queued and the process moves on together,
 * or nothing happens.
 */
@Service
@Transactional
public class FollowUps {

  private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

  private final FollowUpRepository followUps;
  private final FollowUpEngine engine;
  private final AuditLookup audits;
  private final Directory directory;
  private final FollowUpNotifier notify;
  private final Deadlines deadlines;
  private final StageDeadlines stages;
  private final WorkingDayCalendar calendar;
  private final FollowUpProperties properties;
  private final Clock clock;

  FollowUps(
      FollowUpRepository followUps,
      FollowUpEngine engine,
      AuditLookup audits,
      Directory directory,
      FollowUpNotifier notify,
      Deadlines deadlines,
      StageDeadlines stages,
      WorkingDayCalendar calendar,
      FollowUpProperties properties,
      Clock clock) {
    this.followUps = followUps;
    this.engine = engine;
    this.audits = audits;
    this.directory = directory;
    this.notify = notify;
    this.deadlines = deadlines;
    this.stages = stages;
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

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
        case WITHDRAWN, CLOSED -> f.inadequateAgainAfterEnd(actorOr(changedBy), rationale, now());
        case OPEN ->
            log.info(
                "Audit {} already has open follow-up {}; nothing to open", auditRef, f.getId());
      }
      settleRepeatsOfReAudit(auditRef, actorOr(changedBy));
      return f.getId();
    }
    Opening opening = opening(auditRef);
    FollowUp f =
        followUps.saveAndFlush(
            new FollowUp(
                auditRef,
                opening.audit(),
                opening.at(),
                deadlines.dueDate(opening.allocationDue()),
                deadlines.dueDate(opening.safeguardingDue())));
    start(f, opening);
    settleRepeatsOfReAudit(auditRef, actorOr(changedBy));
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
    Opening opening = opening(f.getAuditRef());
    f.reopen(
        opening.audit(),
        deadlines.dueDate(opening.allocationDue()),
        deadlines.dueDate(opening.safeguardingDue()),
        actorOr(changedBy),
        rationale,
        opening.at());
    followUps.flush();
    for (SupportItem item : f.getSupportItems()) {
      if (item.getState() == SupportItemState.COMPLETED && !item.isSettled()) {
        engine.supportAwaitingVerification(supportStart(f, item));
      }
    }
    start(f, opening);
  }

  /**
   * A follow-up opening (or reopening) now: its audit as the register has it, and its first
   * deadlines counted from now.
   */
  private record Opening(
      FollowUp.AuditFacts audit, Instant at, Instant allocationDue, Instant safeguardingDue) {}

  private Opening opening(String auditRef) {
    AuditSummary audit =
        audits.findByRef(auditRef).orElseThrow(() -> FollowUpException.auditNotFound(auditRef));
    Instant at = now();
    return new Opening(
        new FollowUp.AuditFacts(
            audit.facts().auditDate(),
            audit.facts().practitionerId(),
            audit.facts().teamManagerId(),
            audit.facts().teamId(),
            audit.facts().serviceAreaId(),
            audit.significantHarmRisk()),
        at,
        stages.due(FollowUpStage.ALLOCATION, at),
        stages.due(FollowUpStage.SAFEGUARDING_CHECK, at));
  }

  /** The process of a follow-up opened (or reopened) now, and the emails that say so. */
  private void start(FollowUp f, Opening opening) {
    Instant serviceManagerDue =
        calendar.endOfWorkingDayAfter(
            opening.safeguardingDue(), properties.safeguardingEscalationDays());
    Instant assistantDirectorDue =
        calendar.endOfWorkingDayAfter(serviceManagerDue, properties.safeguardingEscalationDays());
    engine.start(
        new FollowUpEngine.Start(
            f.getId(),
            f.getAuditRef(),
            opening.allocationDue(),
            f.isSignificantHarmRisk(),
            Optional.ofNullable(f.getTeamManagerId())
                .flatMap(directory::findById)
                .map(Person::username)
                .orElse(null),
            opening.safeguardingDue(),
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
   * An audit's effective grade changed: where it is a follow-up's effectiveness re-audit, the
   * follow-up keeps the grade it has now (the reports count a later moderation of the re-audit).
   */
  public void reAuditRegraded(String auditRef, String grade) {
    for (FollowUp f : followUps.findByReAuditRef(auditRef)) {
      f.reAuditRegraded(grade);
      settleRepeat(f, FollowUp.SYSTEM);
    }
  }

  /**
   * Keeps the repeat Inadequate of a follow-up's re-audit in step with the re-audit's grade: while
   * it is Inadequate, the follow-up re-audited and the follow-up the re-audit opened (every
   * Inadequate audit has one) are both flagged, each pointing at the other; when moderation lifts
   * it, both are cleared. Each change is on both timelines. Called when a re-audit is linked, when
   * its grade changes, and when its own follow-up opens (the register may announce the grade and
   * the opening in either order).
   */
  void settleRepeat(FollowUp earlier, String actor) {
    if (earlier.getReAuditRef() == null) {
      return;
    }
    Optional<FollowUp> later = followUps.findByAuditRef(earlier.getReAuditRef());
    Instant at = now();
    boolean repeat =
        earlier.settleReAuditRepeat(later.map(FollowUp::getId).orElse(null), actor, at);
    later.ifPresent(
        l -> {
          if (repeat) {
            l.settleRepeatOf(earlier.getId(), earlier.getAuditRef(), actor, at);
          } else if (earlier.getId().equals(l.getRepeatOfFollowUpId())) {
            l.settleRepeatOf(null, null, actor, at);
          }
        });
  }

  /** The follow-ups whose re-audit this audit is: their repeat flags follow its own follow-up. */
  private void settleRepeatsOfReAudit(String auditRef, String actor) {
    followUps.findByReAuditRef(auditRef).forEach(e -> settleRepeat(e, actor));
  }

  /**
   * Moderation lifted the grade: an open follow-up ends as GRADE_REVISED with the moderator's
   * reason.
   */
  public void gradeRevised(String auditRef, String moderator, String rationale) {
    Optional<FollowUp> found = followUps.findByAuditRef(auditRef);
    if (found.isEmpty() || found.get().getStatus() != FollowUpStatus.OPEN) {
      found.ifPresent(f -> f.gradeRevisedAfterEnd(actorOr(moderator), rationale, now()));
      return;
    }
    String reason =
        "Grade revised by moderation"
            + (rationale == null || rationale.isBlank() ? "" : ": " + rationale);
    end(found.get(), FollowUpStatus.GRADE_REVISED, actorOr(moderator), reason);
  }

  /**
   * Ends an open follow-up early (grade revised, or withdrawn by a PI lead): the conversations
   * still in the diary are called off with an email, the support items' processes and the
   * follow-up's own process end, and the people concerned are told.
   */
  void end(FollowUp f, FollowUpStatus ending, String actor, String reason) {
    FollowUp.Ended ended = f.end(ending, reason, actor, now());
    String officerEmail =
        directory.findByUsername(f.getOfficerUsername()).map(Person::email).orElse(null);
    ended.calledOff().forEach(c -> notify.cancelled(f, c, officerEmail));
    ended
        .supportWithProcess()
        .forEach(item -> engine.supportWithdrawn(f.getAuditRef(), item.getId()));
    engine.end(
        f.getAuditRef(),
        ending == FollowUpStatus.GRADE_REVISED
            ? FollowUpEngine.Ending.GRADE_REVISED
            : FollowUpEngine.Ending.WITHDRAWN);
    notify.ended(f);
  }

  /**
   * The safeguarding check was not confirmed in time: the process escalates it to the audit's
   * Service Manager, then Assistant Director.
   *
   * @return the username of the manager now asked, if the service area has one
   */
  public Optional<String> escalateSafeguarding(long id, Role to) {
    FollowUp f = forTimer(id);
    Optional<Person> manager =
        directory.withRole(to).stream()
            .filter(
                p -> p.serviceAreaId() != null && p.serviceAreaId().equals(f.getServiceAreaId()))
            .findFirst();
    f.safeguardingEscalated(to.label(), manager.map(Person::username).orElse(null), now());
    manager.ifPresent(m -> notify.safeguardingEscalated(f, m, to));
    return manager.map(Person::username);
  }

  /**
   * The follow-up a timer changes, its row locked first, as every person's step locks it ({@link
   * FollowUpAccess#forChange}): a timer that fires while someone takes a step on the same follow-up
   * waits for that step, and the engine then refuses the stale timer, or the step waits for the
   * timer and meets its result. Never both at once through the engine.
   */
  private FollowUp forTimer(long id) {
    return followUps.lockById(id).orElseThrow(() -> FollowUpException.notFound(id));
  }

  /** The re-audit period after closure has passed: the auditors are asked for one. */
  public void reAuditDue(long id) {
    FollowUp f = forTimer(id);
    f.reAuditDueNow(now(), deadlines.dueDate(deadlines.reAuditTaskDue(f.getReAuditDue())));
    notify.reAuditDue(f);
  }

  /** What the process of a support item needs: its owner and due time, the follow-up's officer. */
  FollowUpEngine.SupportStart supportStart(FollowUp f, SupportItem item) {
    Person owner = ownerOf(f, item.getOwner());
    return new FollowUpEngine.SupportStart(
        f.getId(),
        f.getAuditRef(),
        item.getId(),
        owner == null ? null : owner.username(),
        calendar.endOfWorkingDay(item.getDueDate()),
        f.getOfficerUsername(),
        deadlines.supportVerificationDue(now()));
  }

  /** The person who owns support of this kind (a whole team's goes to its Team Manager). */
  Person ownerOf(FollowUp f, SupportOwner owner) {
    Long id = owner == SupportOwner.PRACTITIONER ? f.getPractitionerId() : f.getTeamManagerId();
    return id == null ? null : directory.findById(id).orElse(null);
  }

  private static String actorOr(String actor) {
    return actor == null || actor.isBlank() ? FollowUp.SYSTEM : actor;
  }

  private Instant now() {
    return clock.instant();
  }
}
