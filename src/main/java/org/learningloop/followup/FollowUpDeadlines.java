package org.learningloop.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the reminder module may read of a follow-up and put on its timeline: hand escalations and
 * due-date extensions are kept there, with who, when and why.
 */
@Service
public class FollowUpDeadlines {

  /** A follow-up as the reminders and the escalation ladder see it: no child data, no notes. */
  public record Subject(
      long id,
      String auditRef,
      FollowUpStatus status,
      FollowUpStage stage,
      Long teamId,
      Long serviceAreaId,
      LocalDate dueDate) {

    public boolean isOpen() {
      return status == FollowUpStatus.OPEN;
    }
  }

  /** How many ids one query of {@link #findAll} asks for. */
  private static final int CHUNK = 1_000;

  private final FollowUpRepository followUps;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  FollowUpDeadlines(FollowUpRepository followUps, NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.followUps = followUps;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<Subject> find(long id) {
    return followUps.findById(id).map(FollowUpDeadlines::subject);
  }

  /**
   * The follow-ups of these ids that exist, by id: one narrow query per thousand, for the sweep,
   * which would otherwise load each follow-up whole, one by one.
   */
  @Transactional(readOnly = true)
  public Map<Long, Subject> findAll(Collection<Long> ids) {
    List<Long> distinct = ids.stream().distinct().toList();
    Map<Long, Subject> found = new HashMap<>();
    for (int i = 0; i < distinct.size(); i += CHUNK) {
      jdbc.query(
          "select id, audit_ref, status, stage, team_id, service_area_id, due_date from follow_up"
              + " where id in (:ids)",
          new MapSqlParameterSource(
              "ids", distinct.subList(i, Math.min(distinct.size(), i + CHUNK))),
          rs -> {
            long id = rs.getLong("id");
            Long teamId = rs.getObject("team_id", Long.class);
            Long areaId = rs.getObject("service_area_id", Long.class);
            java.sql.Date due = rs.getDate("due_date");
            found.put(
                id,
                new Subject(
                    id,
                    rs.getString("audit_ref"),
                    FollowUpStatus.valueOf(rs.getString("status")),
                    FollowUpStage.valueOf(rs.getString("stage")),
                    teamId,
                    areaId,
                    due == null ? null : due.toLocalDate()));
          });
    }
    return found;
  }

  /**
   * Puts a rung of the escalation ladder on the timeline the first time it is reached for a due
   * date: who was told, at which stage, how many working days overdue.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordRungReached(
      long id, FollowUpStage stage, LocalDate due, int overdueBy, String recipients) {
    FollowUp f = followUps.findById(id).orElseThrow(() -> FollowUpException.notFound(id));
    f.record(
        clock.instant(),
        FollowUp.SYSTEM,
        TimelineAction.ESCALATION_RUNG_REACHED,
        stage
            + " due "
            + due
            + ", "
            + overdueBy
            + " working day"
            + (overdueBy == 1 ? "" : "s")
            + " overdue: "
            + recipients
            + " told");
  }

  /** Puts a manager's hand escalation on the timeline; the follow-up must be open. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Subject recordEscalation(long id, String actor, String note) {
    FollowUp f = open(id);
    f.record(clock.instant(), actor, TimelineAction.ESCALATED, note);
    return subject(f);
  }

  /**
   * Puts a due-date extension on the timeline and moves the stage's due date on the follow-up, and
   * the named support items' due dates (those whose tasks moved), so the follow-up page and the
   * owners' lists show the new date; the caller has checked that the stage has an open task.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Subject recordExtension(
      long id,
      String actor,
      FollowUpStage stage,
      LocalDate from,
      LocalDate to,
      String reason,
      List<Long> supportItemIds) {
    // The effectiveness re-audit is due after closure, so a closed follow-up's task can still be
    // moved.
    FollowUp f = followUps.findById(id).orElseThrow(() -> FollowUpException.notFound(id));
    f.extendDue(stage, to);
    for (Long itemId : supportItemIds) {
      f.supportItem(itemId).moveDue(to);
    }
    f.record(
        clock.instant(),
        actor,
        TimelineAction.DUE_DATE_EXTENDED,
        stage + " due date moved from " + from + " to " + to + ": " + reason);
    return subject(f);
  }

  private FollowUp open(long id) {
    FollowUp f = followUps.findById(id).orElseThrow(() -> FollowUpException.notFound(id));
    if (f.getStatus() != FollowUpStatus.OPEN) {
      throw FollowUpException.outOfOrder(
          "Follow-up " + id + " is " + f.getStatus() + ": nothing is due any more.");
    }
    return f;
  }

  private static Subject subject(FollowUp f) {
    return new Subject(
        f.getId(),
        f.getAuditRef(),
        f.getStatus(),
        f.getStage(),
        f.getTeamId(),
        f.getServiceAreaId(),
        f.getDueDate());
  }
}
