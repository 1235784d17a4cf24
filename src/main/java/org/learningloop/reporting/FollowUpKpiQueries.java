package org.learningloop.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-ups of the audits dated in a period, read for the KPI report in three queries whatever
 * their number: the follow-ups themselves (one narrow row each, for medians and working-day counts,
 * which the database cannot do), the first held conversation of each kind per follow-up, and the
 * support items counted by type and state in the database. Each reads a range of {@code
 * ix_follow_up_audit_date} (the audit's date, which the follow-up module keeps on the follow-up)
 * and joins the child tables by their follow-up indexes, so it touches the period's follow-ups
 * only, never the period's audits. The re-audit's grade is its audit's effective grade now, so a
 * later moderation of the re-audit counts. A reporting read: it never writes, and the follow-up
 * module's own code stays the only writer.
 *
 * <p>Instants are stored as UTC date-times (Hibernate's {@code jdbc.time_zone}), so they are read
 * back as such.
 */
@Repository
@Transactional(readOnly = true)
class FollowUpKpiQueries {

  private static final String FOLLOW_UPS =
      "select f.id, f.status, f.stage, f.due_date, f.created_at, f.allocated_at, f.safeguarding_confirmed_at, f.closed_at, "
          + "coalesce(r.effective_grade, f.re_audit_grade) as re_audit_grade "
          + "from follow_up f left join audit r on r.ref = f.re_audit_ref "
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

  private final NamedParameterJdbcTemplate jdbc;

  FollowUpKpiQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One follow-up as the KPIs need it; {@code bothConversationsHeldAt} is null until both are held.
   */
  record Row(
      long id,
      String status,
      String stage,
      LocalDate dueDate,
      Instant createdAt,
      Instant allocatedAt,
      Instant safeguardingConfirmedAt,
      Instant bothConversationsHeldAt,
      Instant closedAt,
      String reAuditGrade) {}

  record SupportTally(String typeCode, String state, long count) {}

  List<Row> followUps(ReportPeriod period) {
    MapSqlParameterSource range = range(period);
    Map<Long, Map<String, Instant>> held = new HashMap<>();
    jdbc.query(
        HELD_CONVERSATIONS,
        range,
        rs -> {
          held.computeIfAbsent(rs.getLong("follow_up_id"), id -> new HashMap<>())
              .put(rs.getString("attendees"), instant(rs, "held_at"));
        });
    return jdbc.query(
        FOLLOW_UPS,
        range,
        (rs, i) -> {
          long id = rs.getLong("id");
          java.sql.Date due = rs.getDate("due_date");
          return new Row(
              id,
              rs.getString("status"),
              rs.getString("stage"),
              due == null ? null : due.toLocalDate(),
              instant(rs, "created_at"),
              instant(rs, "allocated_at"),
              instant(rs, "safeguarding_confirmed_at"),
              bothHeld(held.getOrDefault(id, Map.of())),
              instant(rs, "closed_at"),
              rs.getString("re_audit_grade"));
        });
  }

  List<SupportTally> support(ReportPeriod period) {
    return jdbc.query(
        SUPPORT,
        range(period),
        (rs, i) ->
            new SupportTally(rs.getString("type_code"), rs.getString("state"), rs.getLong("n")));
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

  private static MapSqlParameterSource range(ReportPeriod period) {
    return new MapSqlParameterSource()
        .addValue("first", java.sql.Date.valueOf(period.from().atDay(1)))
        .addValue("last", java.sql.Date.valueOf(period.to().atEndOfMonth()));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
