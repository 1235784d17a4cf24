package org.learningloop.audit;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.learningloop.common.Burst;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.directory.TeamPlace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores valid audits (new or changed) and announces every change of the effective grade into or
 * out of Inadequate, exactly once, inside the caller's transaction: listeners in other modules run
 * in it and roll back with it.
 */
@Component
class AuditWriter {

  /** How many audits were created, changed, or left as they were because nothing differed. */
  record Outcome(int created, int updated, int unchanged) {}

  /** How many follow-ups open in one burst. */
  private static final int BURST = 100;

  private final AuditRepository audits;
  private final StaffRegistry registry;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final EntityManager entities;
  private final Burst burst;
  private final ModerationRepository moderations;
  private final ModerationQueue queue;

  AuditWriter(
      AuditRepository audits,
      ModerationRepository moderations,
      ModerationQueue queue,
      StaffRegistry registry,
      ApplicationEventPublisher events,
      Clock clock,
      EntityManager entities,
      ObjectProvider<Burst> burst) {
    this.audits = audits;
    this.moderations = moderations;
    this.queue = queue;
    this.registry = registry;
    this.events = events;
    this.clock = clock;
    this.entities = entities;
    this.burst = burst.getIfAvailable(() -> Burst.NONE);
  }

  /**
   * @param existing the stored audits among them, by ref
   * @param changedBy email of the person making the change, named when a grade leaves Inadequate
   *     without moderation
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Outcome write(List<ValidAudit> valid, Map<String, Audit> existing, String changedBy) {
    return write(valid, existing, changedBy, false);
  }

  /**
   * @param factorsByModerator whether the audits' factors are the moderator's revision (a
   *     moderation that names factors), kept beside the auditor's own
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Outcome write(
      List<ValidAudit> valid,
      Map<String, Audit> existing,
      String changedBy,
      boolean factorsByModerator) {
    Map<String, TeamPlace> teams = new HashMap<>();
    for (ValidAudit audit : valid) {
      teams.computeIfAbsent(
          audit.team().toLowerCase(Locale.ROOT),
          k -> registry.placeTeam(audit.serviceArea(), audit.team()));
    }
    Set<String> emails = new HashSet<>();
    for (ValidAudit audit : valid) {
      emails.add(audit.practitionerEmail());
      emails.add(audit.teamManagerEmail());
      emails.add(audit.auditorEmail());
      if (audit.moderation() != null) {
        emails.add(audit.moderation().moderatorEmail());
      }
    }
    People people = new People(new HashMap<>(registry.findByEmails(emails)));

    Instant now = clock.instant();
    List<Object> announcements = new ArrayList<>();
    List<Audit> written = new ArrayList<>(existing.values());
    List<ModerationQueue.Recorded> recorded = new ArrayList<>();
    List<Moderation> settling = new ArrayList<>();
    int created = 0;
    int updated = 0;
    for (ValidAudit audit : valid) {
      TeamPlace team = teams.get(audit.team().toLowerCase(Locale.ROOT));
      AuditState state = stateOf(audit, team, people);
      Audit stored = existing.get(audit.ref());
      if (stored == null) {
        Audit saved = audits.save(new Audit(state, now));
        written.add(saved);
        created++;
        if (state.moderated()) {
          moderations.save(
              new Moderation(
                  saved.getId(),
                  state,
                  state.auditorGrade(),
                  null,
                  now,
                  recordedBy(audit, changedBy)));
        }
        recorded.add(
            new ModerationQueue.Recorded(
                saved.getId(),
                state.ref(),
                state.auditDate(),
                state.auditorGrade(),
                state.moderated()));
        announce(null, state, audit, changedBy, announcements);
      } else {
        AuditState before = stored.state();
        // A moderation that names factors revises them beside the auditor's; anything else keeps
        // the revision standing.
        state =
            factorsByModerator
                ? state.withFactors(before.factorCodes(), state.factorCodes())
                : state.withFactors(state.factorCodes(), before.moderatorFactorCodes());
        state =
            inHistory(stored, before, state, factorsByModerator, audit, changedBy, now, settling);
        if (stored.apply(state, now)) {
          updated++;
          announce(before.effectiveGrade(), state, audit, changedBy, announcements);
          if (!before.auditDate().equals(state.auditDate())) {
            announcements.add(new AuditRedated(state.ref(), state.auditDate()));
          }
          if (before.effectiveGrade() != state.effectiveGrade()) {
            announcements.add(new AuditRegraded(state.ref(), state.effectiveGrade()));
          }
        }
      }
    }
    // Listeners may read what was written, by JPA or plain SQL alike.
    audits.flush();
    // Stored: let go of them, so that every flush a listener causes need not check thousands of
    // imported audits again.
    written.forEach(entities::detach);
    // Audits that became Inadequate in bursts: their follow-ups' processes are written together, a
    // burst at a time
    // (the engine's flush sorts its writes in time that grows with the square of their number).
    // Audits leaving
    // Inadequate end processes, reading the engine, so each of those goes on its own, afterwards.
    List<Object> opening =
        announcements.stream().filter(AuditBecameInadequate.class::isInstance).toList();
    for (int i = 0; i < opening.size(); i += BURST) {
      List<Object> part = opening.subList(i, Math.min(opening.size(), i + BURST));
      burst.run(() -> part.forEach(events::publishEvent));
      // Written, then let go: what a burst's listeners loaded and created (audits, follow-ups,
      // their timelines) would otherwise stay managed to the end of the import, and every later
      // query's auto-flush would check them all again (time growing with the square of the file).
      entities.flush();
      entities.clear();
    }
    announcements.stream()
        .filter(a -> !(a instanceof AuditBecameInadequate))
        .forEach(events::publishEvent);
    // The moderation queue: new audits the sampling rule always selects, and the requests a new
    // moderation settles.
    for (int i = 0; i < recorded.size(); i += BURST) {
      List<ModerationQueue.Recorded> part =
          recorded.subList(i, Math.min(recorded.size(), i + BURST));
      burst.run(() -> queue.recorded(part));
    }
    settling.forEach(queue::moderated);
    return new Outcome(created, updated, valid.size() - created - updated);
  }

  /**
   * Keeps every moderation: a moderation not yet in the audit's history is added to it, one already
   * there (a file loaded again) changes nothing, and the audit's current moderation is the latest
   * of its history, by moderation date and then by the order recorded.
   *
   * @return the state to store, with the current moderation and the factors it revised
   */
  private AuditState inHistory(
      Audit stored,
      AuditState before,
      AuditState incoming,
      boolean factorsByModerator,
      ValidAudit audit,
      String changedBy,
      Instant now,
      List<Moderation> settling) {
    if (!incoming.moderated()) {
      return incoming;
    }
    boolean sameAsCurrent =
        before.moderationIs(incoming.moderation())
            && Objects.equals(before.moderatorFactorCodes(), incoming.moderatorFactorCodes());
    if (sameAsCurrent) {
      return incoming;
    }
    List<Moderation> history = new ArrayList<>(moderations.history(stored.getId()));
    if (!factorsByModerator && history.stream().anyMatch(m -> m.isTheOneIn(incoming))) {
      // Recorded before (a file loaded again after a later moderation): the current one stays.
      return before.moderated()
          ? incoming.withModeration(before.moderation(), before.moderatorFactorCodes())
          : incoming;
    }
    Moderation added =
        moderations.save(
            new Moderation(
                stored.getId(),
                incoming,
                before.effectiveGrade(),
                factorsByModerator ? incoming.moderatorFactorCodes() : null,
                now,
                recordedBy(audit, changedBy)));
    settling.add(added);
    history.add(added);
    history.sort(Moderation.OLDEST_FIRST);
    Moderation latest = history.get(history.size() - 1);
    // A moderation that names no factors leaves the last revision of them standing.
    Set<String> revised = null;
    for (Moderation m : history) {
      if (m.revisedFactors() != null) {
        revised = m.revisedFactors();
      }
    }
    return incoming.withModeration(latest.current(), revised);
  }

  /** Who recorded a moderation: whoever loaded the file, else the moderator themselves. */
  private static String recordedBy(ValidAudit audit, String changedBy) {
    return changedBy != null ? changedBy : audit.moderation().moderatorEmail();
  }

  private AuditState stateOf(ValidAudit audit, TeamPlace team, People people) {
    Long practitioner =
        people.id(
            audit.practitionerEmail(), audit.practitionerName(), Role.PRACTITIONER, team.teamId());
    Long teamManager =
        people.id(
            audit.teamManagerEmail(), audit.teamManagerName(), Role.TEAM_MANAGER, team.teamId());
    Long auditor = people.id(audit.auditorEmail(), null, Role.AUDITOR, null);
    ValidAudit.Moderation moderation = audit.moderation();
    return new AuditState(
        new AuditFacts(
            audit.ref(),
            audit.auditDate(),
            audit.type(),
            audit.theme(),
            team.serviceAreaId(),
            team.teamId(),
            practitioner,
            teamManager,
            auditor),
        audit.childRef(),
        audit.grade(),
        moderation == null
            ? null
            : new AuditState.Current(
                people.id(moderation.moderatorEmail(), null, Role.MODERATOR, null),
                moderation.date(),
                moderation.grade(),
                moderation.rationale()),
        audit.factorCodes(),
        null,
        audit.notes());
  }

  private static void announce(
      Grade before,
      AuditState after,
      ValidAudit audit,
      String changedBy,
      List<Object> announcements) {
    boolean wasInadequate = before == Grade.INADEQUATE;
    boolean isInadequate = after.effectiveGrade() == Grade.INADEQUATE;
    if (!wasInadequate && isInadequate) {
      announcements.add(
          before == null
              ? new AuditBecameInadequate(after.ref())
              : after.moderated()
                  ? new AuditBecameInadequate(
                      after.ref(),
                      audit.moderation().moderatorEmail(),
                      after.moderation().rationale())
                  : new AuditBecameInadequate(
                      after.ref(),
                      changedBy,
                      "The auditor's grade was changed to "
                          + Grade.INADEQUATE.label()
                          + " by "
                          + changedBy
                          + "."));
    } else if (wasInadequate && !isInadequate) {
      announcements.add(
          after.moderated()
              ? new AuditNoLongerInadequate(
                  after.ref(),
                  after.effectiveGrade(),
                  audit.moderation().moderatorEmail(),
                  after.moderation().rationale())
              : new AuditNoLongerInadequate(
                  after.ref(),
                  after.effectiveGrade(),
                  changedBy,
                  "The auditor's grade was corrected to "
                      + after.effectiveGrade().label()
                      + " by "
                      + changedBy
                      + "."));
    }
  }

  /** The people named so far, found or created once each. */
  private final class People {
    private final Map<String, Person> byEmail;

    People(Map<String, Person> byEmail) {
      this.byEmail = byEmail;
    }

    Long id(String email, String name, Role role, Long teamId) {
      return byEmail.computeIfAbsent(email, e -> registry.findOrCreate(e, name, role, teamId)).id();
    }
  }
}
