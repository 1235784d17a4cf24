package org.learningloop.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.followup.FollowUpStatistics;
import org.learningloop.followup.FollowUpStatistics.OpenFollowUp;
import org.learningloop.security.AccessScope;
import org.learningloop.security.CurrentUser;
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

  /** Service areas, then teams, by name as people read them; a follow-up without either first. */
  private static final Comparator<Row> BY_AREA_THEN_TEAM_NAME =
      Comparator.comparing(Row::area, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))
          .thenComparing(Row::team, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));

  private final FollowUpStatistics followUps;
  private final StaffRegistry directory;
  private final CurrentUser currentUser;
  private final WorkingDayCalendar calendar;
  private final Deadlines deadlines;
  private final Clock clock;

  Dashboard(
      FollowUpStatistics followUps,
      StaffRegistry directory,
      CurrentUser currentUser,
      WorkingDayCalendar calendar,
      Deadlines deadlines,
      Clock clock) {
    this.followUps = followUps;
    this.directory = directory;
    this.currentUser = currentUser;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  View view() {
    AccessScope scope = currentUser.scope();
    List<OpenFollowUp> open;
    if (scope instanceof AccessScope.All || scope instanceof AccessScope.Administration) {
      open = followUps.open();
    } else if (scope instanceof AccessScope.ServiceArea area) {
      open = followUps.openInServiceArea(area.serviceAreaId());
    } else if (scope instanceof AccessScope.Team team) {
      open = followUps.openInTeam(team.teamId());
    } else {
      throw new AccessDeniedException("The dashboard is for managers and the PI team");
    }
    LocalDate today = LocalDate.now(clock);
    Map<Long, String> areaNames = directory.serviceAreaNames();
    Map<Long, String> teamNames = new HashMap<>();
    directory.teams().forEach(t -> teamNames.put(t.teamId(), t.teamName()));
    List<Row> rows =
        open.stream()
            .map(f -> row(f, areaNames, teamNames, today))
            .sorted(BY_AREA_THEN_TEAM_NAME)
            .toList();
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

  private Row row(
      OpenFollowUp f, Map<Long, String> areaNames, Map<Long, String> teamNames, LocalDate today) {
    int age =
        f.stageStartedAt() == null
            ? 0
            : Math.max(
                0,
                calendar.workingDaysBetween(
                    f.stageStartedAt().atZone(calendar.zone()).toLocalDate(), today));
    return new Row(
        f.serviceAreaId(),
        areaNames.get(f.serviceAreaId()),
        f.teamId(),
        teamNames.get(f.teamId()),
        f.stage(),
        deadlines.isOverdue(f.dueDate(), clock.instant()),
        age);
  }

  private static int overdue(List<Row> rows) {
    return (int) rows.stream().filter(Row::overdue).count();
  }
}
