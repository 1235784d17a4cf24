package org.learningloop.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    // Administrators see no case data: their scope is not All.
    if (scope instanceof AccessScope.All) {
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
    // Tallied in one pass: a county's hundred thousand open follow-ups are not sorted, only the
    // few hundred (area, team, stage) tallies; each day a stage started on is counted in working
    // days once.
    Map<Long, AreaTally> byArea = new HashMap<>();
    Map<LocalDate, Integer> ages = new HashMap<>();
    Instant now = clock.instant();
    for (OpenFollowUp f : open) {
      AreaTally area =
          byArea.computeIfAbsent(
              key(f.serviceAreaId()),
              k -> new AreaTally(f.serviceAreaId(), areaNames.get(f.serviceAreaId()), f.id()));
      TeamTally team =
          area.teams.computeIfAbsent(
              key(f.teamId()), k -> new TeamTally(f.teamId(), teamNames.get(f.teamId()), f.id()));
      int age =
          f.stageStartedAt() == null
              ? 0
              : ages.computeIfAbsent(
                  f.stageStartedAt().atZone(calendar.zone()).toLocalDate(),
                  day -> Math.max(0, calendar.workingDaysBetween(day, today)));
      team.stages
          .computeIfAbsent(f.stage(), k -> new StageTally())
          .add(deadlines.isOverdue(f.dueDate(), now), age);
    }
    List<Area> areas = new ArrayList<>();
    for (AreaTally area : sorted(byArea.values())) {
      List<TeamRow> teams = new ArrayList<>();
      int areaOpen = 0;
      int areaOverdue = 0;
      for (TeamTally team : sorted(area.teams.values())) {
        List<StageRow> stages = new ArrayList<>();
        int teamOpen = 0;
        int teamOverdue = 0;
        for (Map.Entry<String, StageTally> stage : team.stages.entrySet()) {
          StageTally t = stage.getValue();
          stages.add(
              new StageRow(
                  stage.getKey(),
                  t.open,
                  t.overdue,
                  t.oldest,
                  Math.round((double) t.ageSum / t.open * 10) / 10.0));
          teamOpen += t.open;
          teamOverdue += t.overdue;
        }
        teams.add(new TeamRow(team.id, team.name, teamOpen, teamOverdue, stages));
        areaOpen += teamOpen;
        areaOverdue += teamOverdue;
      }
      areas.add(new Area(area.id, area.name, areaOpen, areaOverdue, teams));
    }
    return new View(
        today,
        areas.stream().mapToInt(Area::open).sum(),
        areas.stream().mapToInt(Area::overdue).sum(),
        areas);
  }

  /** A map key for an id that may be missing. */
  private static long key(Long id) {
    return id == null ? -1L : id;
  }

  /** By name as people read them, a missing one first; equal names in the order first met. */
  private static <T extends Named> List<T> sorted(java.util.Collection<T> named) {
    return named.stream().sorted(BY_NAME.thenComparingLong(Named::firstId)).toList();
  }

  private static final Comparator<Named> BY_NAME =
      Comparator.comparing(Named::name, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));

  private interface Named {
    String name();

    long firstId();
  }

  private record AreaTally(Long id, String name, long firstId, Map<Long, TeamTally> teams)
      implements Named {
    AreaTally(Long id, String name, long firstId) {
      this(id, name, firstId, new HashMap<>());
    }
  }

  /** Stages by name, as the dashboard lists them. */
  private record TeamTally(Long id, String name, long firstId, Map<String, StageTally> stages)
      implements Named {
    TeamTally(Long id, String name, long firstId) {
      this(id, name, firstId, new TreeMap<>());
    }
  }

  /** Open follow-ups at one stage of one team: how many, overdue, the oldest and total age. */
  private static final class StageTally {
    private int open;
    private int overdue;
    private int oldest;
    private long ageSum;

    void add(boolean isOverdue, int age) {
      open++;
      overdue += isOverdue ? 1 : 0;
      oldest = Math.max(oldest, age);
      ageSum += age;
    }
  }
}
