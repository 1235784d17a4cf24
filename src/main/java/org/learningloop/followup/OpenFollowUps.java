package org.learningloop.followup;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.learningloop.calendar.Deadlines;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open follow-ups, one light row each: those a manager oversees, for the dashboard (a PI lead sees
 * all, a Service Manager or Assistant Director their service area, a Team Manager their team), and
 * those of someone's own work. One query each; the dashboard groups the rows by area, team and
 * stage.
 */
@Service
@Transactional(readOnly = true)
public class OpenFollowUps {

  private final EntityManager entities;

  OpenFollowUps(EntityManager entities) {
    this.entities = entities;
  }

  /**
   * One open follow-up.
   *
   * @param stageSince when it reached its current stage, as far as its record shows
   */
  public record Row(
      long id,
      String auditRef,
      Long serviceAreaId,
      Long teamId,
      FollowUpStage stage,
      LocalDate dueDate,
      String assignee,
      Instant stageSince) {

    /** Overdue as {@link Deadlines#isOverdue(LocalDate, Instant)} defines it, like everywhere. */
    public boolean overdue(Deadlines deadlines, Instant now) {
      return deadlines.isOverdue(dueDate, now);
    }
  }

  /** Whether the person oversees follow-ups at all (and so has a dashboard). */
  public static boolean oversees(Person p) {
    return p.hasRole(Role.PI_LEAD)
        || p.hasRole(Role.SERVICE_MANAGER)
        || p.hasRole(Role.ASSISTANT_DIRECTOR)
        || (p.hasRole(Role.TEAM_MANAGER) && p.teamId() != null);
  }

  /**
   * The open follow-ups of someone's own work: as the audited practitioner or as the audit's Team
   * Manager.
   */
  public List<Row> ownWorkOf(Person p, int limit) {
    return rows(" and (f.practitionerId = :scope or f.teamManagerId = :scope)", p.id(), limit);
  }

  public List<Row> overseenBy(Person p) {
    String scope;
    Long scopeId = null;
    if (p.hasRole(Role.PI_LEAD)) {
      scope = "";
    } else if ((p.hasRole(Role.SERVICE_MANAGER) || p.hasRole(Role.ASSISTANT_DIRECTOR))
        && p.serviceAreaId() != null) {
      scope = " and f.serviceAreaId = :scope";
      scopeId = p.serviceAreaId();
    } else if (p.hasRole(Role.TEAM_MANAGER) && p.teamId() != null) {
      scope = " and f.teamId = :scope";
      scopeId = p.teamId();
    } else {
      return List.of();
    }
    return rows(scope, scopeId, Integer.MAX_VALUE);
  }

  private List<Row> rows(String scope, Long scopeId, int limit) {
    // when the current stage began: created (or last reopened), allocated, the last conversation
    // held (or sent back),
    // closure proposed
    String since =
        "case f.stage"
            + " when org.learningloop.followup.FollowUpStage.ALLOCATION then coalesce((select max(r.at) from TimelineEntry r"
            + "   where r.followUp = f and r.action = org.learningloop.followup.TimelineAction.REOPENED),"
            + " f.createdAt)"
            + " when org.learningloop.followup.FollowUpStage.CONVERSATIONS then f.allocatedAt"
            + " when org.learningloop.followup.FollowUpStage.SIGN_OFF then f.closureProposedAt"
            + " else coalesce((select max(t.at) from TimelineEntry t where t.followUp = f"
            + "   and t.action in (org.learningloop.followup.TimelineAction.CONVERSATION_HELD,"
            + "   org.learningloop.followup.TimelineAction.CLOSURE_SENT_BACK)), f.allocatedAt) end";
    TypedQuery<Object[]> query =
        entities.createQuery(
            "select f.id, f.auditRef, f.serviceAreaId, f.teamId, f.stage, f.dueDate, f.officerUsername, "
                + since
                + " from FollowUp f where f.status = org.learningloop.followup.FollowUpStatus.OPEN"
                + scope
                + " order by f.dueDate, f.id",
            Object[].class);
    if (scopeId != null) {
      query.setParameter("scope", scopeId);
    }
    query.setMaxResults(limit);
    return query.getResultList().stream()
        .map(
            r ->
                new Row(
                    (Long) r[0],
                    (String) r[1],
                    (Long) r[2],
                    (Long) r[3],
                    (FollowUpStage) r[4],
                    (LocalDate) r[5],
                    (String) r[6],
                    (Instant) r[7]))
        .toList();
  }
}
