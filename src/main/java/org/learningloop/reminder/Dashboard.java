package org.learningloop.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.security.AccessScope;
import org.learningloop.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' dashboard: open and overdue follow-ups by service area and team, and how long (in
 * working days) they have waited at their stage. Scoped like the follow-ups: a Service Manager or
 * Assistant Director sees their service area, a Team Manager their team, PI staff and admins
 * everything.
 */
@Service
class Dashboard {

  /** The whole dashboard, as of a day. */
  record View(LocalDate asOf, int open, int overdue, List<Area> serviceAreas) {}

  record Area(Long serviceAreaId, String serviceArea, int open, int overdue, List<TeamRow> teams) {}

  record TeamRow(Long teamId, String team, int open, int overdue, List<StageRow> stages) {}

  /**
   * Open follow-ups at one stage: how many, how many overdue, the oldest and mean working days at
   * the stage.
   */
  record StageRow(
      String stage, int open, int overdue, int oldestWorkingDays, double averageWorkingDays) {}

  private record Row(
      Long areaId, String area, Long teamId, String team, String stage, boolean overdue, int age) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final CurrentUser currentUser;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  Dashboard(
      NamedParameterJdbcTemplate jdbc,
      CurrentUser currentUser,
      WorkingDayCalendar calendar,
      Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  View view() {
    MapSqlParameterSource params = new MapSqlParameterSource();
    AccessScope scope = currentUser.scope();
    String where;
    if (scope instanceof AccessScope.All) {
      where = "";
    } else if (scope instanceof AccessScope.ServiceArea area) {
      params.addValue("area", area.serviceAreaId());
      where = " and f.service_area_id = :area";
    } else if (scope instanceof AccessScope.Team team) {
      params.addValue("team", team.teamId());
      where = " and f.team_id = :team";
    } else {
      throw new AccessDeniedException("The dashboard is for managers and the PI team");
    }
    LocalDate today = LocalDate.now(clock);
    // The stage started at: creation (or the last reopening) for allocation, allocation for the
    // conversations and
    // closure, the proposal for sign-off, closure for the re-audit.
    List<Row> rows =
        jdbc.query(
            "select f.service_area_id, sa.name as area_name, f.team_id, t.name as team_name, f.stage, f.due_date,"
                + " case when f.stage = 'ALLOCATION' then coalesce((select max(e.occurred_at) from follow_up_event e"
                + "   where e.follow_up_id = f.id and e.action = 'REOPENED'), f.created_at)"
                + " when f.stage = 'SIGN_OFF' then coalesce(f.closure_proposed_at, f.allocated_at)"
                + " when f.stage in ('AWAITING_RE_AUDIT', 'RE_AUDIT') then coalesce(f.closed_at, f.allocated_at)"
                + " else coalesce(f.allocated_at, f.created_at) end as stage_started"
                + " from follow_up f left join service_area sa on sa.id = f.service_area_id left join team t on t.id = f.team_id"
                + " where f.status = 'OPEN'"
                + where
                + " order by sa.name, t.name",
            params,
            (rs, i) -> row(rs, today));
    Map<Long, List<Row>> byArea = new LinkedHashMap<>();
    rows.forEach(
        r ->
            byArea
                .computeIfAbsent(r.areaId() == null ? -1L : r.areaId(), k -> new ArrayList<>())
                .add(r));
    List<Area> areas = new ArrayList<>();
    for (List<Row> areaRows : byArea.values()) {
      Map<Long, List<Row>> byTeam = new LinkedHashMap<>();
      areaRows.forEach(
          r ->
              byTeam
                  .computeIfAbsent(r.teamId() == null ? -1L : r.teamId(), k -> new ArrayList<>())
                  .add(r));
      List<TeamRow> teams = new ArrayList<>();
      for (List<Row> teamRows : byTeam.values()) {
        Map<String, List<Row>> byStage = new TreeMap<>();
        teamRows.forEach(r -> byStage.computeIfAbsent(r.stage(), k -> new ArrayList<>()).add(r));
        List<StageRow> stages = new ArrayList<>();
        byStage.forEach(
            (stage, rs) ->
                stages.add(
                    new StageRow(
                        stage,
                        rs.size(),
                        overdue(rs),
                        rs.stream().mapToInt(Row::age).max().orElse(0),
                        Math.round(rs.stream().mapToInt(Row::age).average().orElse(0) * 10)
                            / 10.0)));
        Row first = teamRows.get(0);
        teams.add(
            new TeamRow(first.teamId(), first.team(), teamRows.size(), overdue(teamRows), stages));
      }
      Row first = areaRows.get(0);
      areas.add(new Area(first.areaId(), first.area(), areaRows.size(), overdue(areaRows), teams));
    }
    return new View(today, rows.size(), overdue(rows), areas);
  }

  private Row row(ResultSet rs, LocalDate today) throws SQLException {
    long area = rs.getLong("service_area_id");
    Long areaId = rs.wasNull() ? null : area;
    long team = rs.getLong("team_id");
    Long teamId = rs.wasNull() ? null : team;
    LocalDate due = rs.getObject("due_date", LocalDate.class);
    LocalDateTime started = rs.getObject("stage_started", LocalDateTime.class);
    Instant startedAt = started == null ? null : started.toInstant(ZoneOffset.UTC);
    int age =
        startedAt == null
            ? 0
            : Math.max(
                0,
                calendar.workingDaysBetween(
                    startedAt.atZone(calendar.zone()).toLocalDate(), today));
    return new Row(
        areaId,
        rs.getString("area_name"),
        teamId,
        rs.getString("team_name"),
        rs.getString("stage"),
        due != null && due.isBefore(today),
        age);
  }

  private static int overdue(List<Row> rows) {
    return (int) rows.stream().filter(Row::overdue).count();
  }
}
