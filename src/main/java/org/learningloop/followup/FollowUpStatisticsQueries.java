package org.learningloop.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up statistics in SQL. The KPIs of a period take three queries whatever their number:
 * the follow-ups themselves, the first held conversation of each kind per follow-up, and the
 * support items counted by type and state in the database. Each reads a range of {@code
 * ix_follow_up_audit_date} (the audit's date, kept on the follow-up) and joins the child tables by
 * their follow-up indexes (covering ones, V17_1), so it touches the period's follow-ups only, never
 * the period's audits; a re-audit's current grade is kept on the follow-up ({@code AuditRegraded}).
 * The open follow-ups are read through {@code ix_follow_up_team} and {@code
 * ix_follow_up_service_area} when scoped. Reads only.
 *
 * <p>Instants are stored as UTC date-times (Hibernate's {@code jdbc.time_zone}), so they are read
 * back as such.
 */
@Repository
@Transactional(readOnly = true)
class FollowUpStatisticsQueries implements FollowUpStatistics {

  private static final String FOLLOW_UPS =
      "select f.id, f.status, f.stage, f.due_date, f.created_at, f.allocated_at, f.safeguarding_confirmed_at, f.closed_at, "
          + "f.re_audit_grade, f.re_audit_repeat_inadequate, f.re_audit_not_possible_at "
          + "from follow_up f "
          + "where f.audit_date >= :first and f.audit_date <= :last";

  private static final String HELD_CONVERSATIONS =
      "select c.follow_up_id, c.attendees, min(c.starts_at) as held_at "
          + "from follow_up f join follow_up_conversation c on c.follow_up_id = f.id "
          + "where f.audit_date >= :first and f.audit_date <= :last and c.status = 'HELD' "
          + "group by c.follow_up_id, c.attendees";

  private static final String SUPPORT =
      "select s.type_code, s.state, count(*) as n "
          + "from follow_up f join support_item s on s.follow_up_id = f.id "
          + "where f.audit_date >= :first and f.audit_date <= :last "
          + "group by s.type_code, s.state order by s.type_code, s.state";

  /** When each open follow-up's stage started; see {@link OpenFollowUp#stageStartedAt()}. */
  private static final String OPEN =
      "select f.id, f.service_area_id, f.team_id, f.stage, f.due_date,"
          + " case when f.stage = 'ALLOCATION' then coalesce((select max(e.occurred_at) from follow_up_event e"
          + "   where e.follow_up_id = f.id and e.action = 'REOPENED'), f.created_at)"
          + " when f.stage = 'SIGN_OFF' then coalesce(f.closure_proposed_at, f.allocated_at)"
          + " when f.stage in ('AWAITING_RE_AUDIT', 'RE_AUDIT') then coalesce(f.closed_at, f.allocated_at)"
          + " else coalesce(f.allocated_at, f.created_at) end as stage_started"
          + " from follow_up f where f.status = 'OPEN'";

  private static final String SCHEDULED_CONVERSATIONS =
      "select c.attendees, f.practitioner_id, f.team_manager_id from follow_up_conversation c"
          + " join follow_up f on f.id = c.follow_up_id"
          + " where c.status = 'SCHEDULED' and f.status = 'OPEN' and c.starts_at >= :now and c.starts_at < :until";

  private static final String PLACES =
      "select f.id, f.team_id, f.service_area_id from follow_up f "
          + "where f.audit_date >= :first and f.audit_date <= :last";

  private final NamedParameterJdbcTemplate jdbc;

  FollowUpStatisticsQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<FollowUpFigures> ofAuditsDated(YearMonth from, YearMonth to) {
    MapSqlParameterSource range = range(from, to);
    Map<Long, Map<String, Instant>> held = new HashMap<>();
    jdbc.query(
        HELD_CONVERSATIONS,
        range,
        rs -> {
          held.computeIfAbsent(rs.getLong("follow_up_id"), id -> new HashMap<>())
              .put(rs.getString("attendees"), instant(rs, "held_at"));
        });
    // The re-audit's grade is the one the register has now: the follow-up's copy is kept in step
    // (AuditRegraded), so no look-up of thousands of audits by ref.
    return jdbc.query(
        FOLLOW_UPS,
        range,
        (rs, i) -> {
          long id = rs.getLong("id");
          java.sql.Date due = rs.getDate("due_date");
          return new FollowUpFigures(
              id,
              rs.getString("status"),
              rs.getString("stage"),
              due == null ? null : due.toLocalDate(),
              instant(rs, "created_at"),
              instant(rs, "allocated_at"),
              instant(rs, "safeguarding_confirmed_at"),
              bothHeld(held.getOrDefault(id, Map.of())),
              instant(rs, "closed_at"),
              rs.getString("re_audit_grade"),
              rs.getBoolean("re_audit_repeat_inadequate"),
              rs.getTimestamp("re_audit_not_possible_at") != null);
        });
  }

  @Override
  public List<SupportTally> supportOfAuditsDated(YearMonth from, YearMonth to) {
    return jdbc.query(
        SUPPORT,
        range(from, to),
        (rs, i) ->
            new SupportTally(rs.getString("type_code"), rs.getString("state"), rs.getLong("n")));
  }

  @Override
  public java.util.Map<Long, Place> placesOfAuditsDated(YearMonth from, YearMonth to) {
    java.util.Map<Long, Place> places = new java.util.HashMap<>();
    jdbc.query(
        PLACES,
        range(from, to),
        rs -> {
          Long teamId = rs.getObject("team_id", Long.class);
          Long areaId = rs.getObject("service_area_id", Long.class);
          places.put(rs.getLong("id"), new Place(teamId, areaId));
        });
    return places;
  }

  @Override
  public List<OpenFollowUp> open() {
    return open("", new MapSqlParameterSource());
  }

  @Override
  public List<OpenFollowUp> openInServiceArea(long serviceAreaId) {
    return open(" and f.service_area_id = :area", new MapSqlParameterSource("area", serviceAreaId));
  }

  @Override
  public List<OpenFollowUp> openInTeam(long teamId) {
    return open(" and f.team_id = :team", new MapSqlParameterSource("team", teamId));
  }

  private List<OpenFollowUp> open(String where, MapSqlParameterSource params) {
    return jdbc.query(
        OPEN + where + " order by f.id",
        params,
        (rs, i) ->
            new OpenFollowUp(
                rs.getLong("id"),
                rs.getObject("service_area_id", Long.class),
                rs.getObject("team_id", Long.class),
                rs.getString("stage"),
                rs.getObject("due_date", LocalDate.class),
                instant(rs, "stage_started")));
  }

  @Override
  public List<Long> scheduledConversationAttendees(Instant from, Instant until) {
    List<Long> attendees = new ArrayList<>();
    jdbc.query(
        SCHEDULED_CONVERSATIONS,
        new MapSqlParameterSource().addValue("now", utc(from)).addValue("until", utc(until)),
        rs -> {
          String invited = rs.getString("attendees");
          if (!"TEAM_MANAGER".equals(invited)) {
            Long practitioner = rs.getObject("practitioner_id", Long.class);
            if (practitioner != null) {
              attendees.add(practitioner);
            }
          }
          if (!"PRACTITIONER".equals(invited)) {
            Long teamManager = rs.getObject("team_manager_id", Long.class);
            if (teamManager != null) {
              attendees.add(teamManager);
            }
          }
        });
    return attendees;
  }

  /**
   * When the second of the two conversations took place, or the joint one (which counts for both),
   * whichever came first; null while either is still to be held.
   */
  static Instant bothHeld(Map<String, Instant> heldAt) {
    Instant joint = heldAt.get("JOINT");
    Instant teamManager = heldAt.get("TEAM_MANAGER");
    Instant practitioner = heldAt.get("PRACTITIONER");
    Instant separate =
        teamManager == null || practitioner == null
            ? null
            : teamManager.isAfter(practitioner) ? teamManager : practitioner;
    if (joint == null) {
      return separate;
    }
    return separate == null || joint.isBefore(separate) ? joint : separate;
  }

  private static MapSqlParameterSource range(YearMonth from, YearMonth to) {
    return new MapSqlParameterSource()
        .addValue("first", java.sql.Date.valueOf(from.atDay(1)))
        .addValue("last", java.sql.Date.valueOf(to.atEndOfMonth()));
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
