package org.learningloop.followup.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.learningloop.calendar.Deadlines;
import org.learningloop.dipsample.ActionStatus;
import org.learningloop.dipsample.Actions;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.directory.TeamPlace;
import org.learningloop.followup.FollowUpStage;
import org.learningloop.followup.OpenFollowUps;
import org.learningloop.followup.OpenFollowUps.Row;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dashboard}: for PI leads, Team Managers, Service Managers and Assistant Directors, the
 * open and overdue follow-ups they oversee by service area and team, how long each stage has been
 * waiting, and the overdue ones to chase, oldest due first.
 */
@Controller
@PreAuthorize("hasAnyRole('PI_LEAD','TEAM_MANAGER','SERVICE_MANAGER','ASSISTANT_DIRECTOR')")
class DashboardController {

  static final int MAX_OVERDUE_SHOWN = 50;

  private final OpenFollowUps openFollowUps;
  private final Directory directory;
  private final StaffRegistry registry;
  private final Deadlines deadlines;
  private final Clock clock;
  private final Actions actions;

  DashboardController(
      OpenFollowUps openFollowUps,
      Directory directory,
      StaffRegistry registry,
      Deadlines deadlines,
      Clock clock,
      Actions actions) {
    this.actions = actions;
    this.openFollowUps = openFollowUps;
    this.directory = directory;
    this.registry = registry;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  record Count(String name, long open, long overdue) {}

  /** An overdue action on a dip sample or an audit the person oversees. */
  record OverdueAction(
      long id, String source, String description, String owner, String due, String waitingFor) {}

  record Area(String name, long open, long overdue, List<Count> teams) {}

  record Stage(String name, long open, long overdue, long averageDays, long longestDays) {}

  record Overdue(
      long id,
      String auditRef,
      String team,
      String stage,
      String due,
      long daysOverdue,
      String assignee) {}

  @GetMapping("/dashboard")
  String dashboard(Principal principal, Model model) {
    Person me = directory.signedIn(principal);
    List<Row> rows = openFollowUps.overseenBy(me);
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    Formats fmt = new Formats(clock.getZone());
    Map<Long, TeamPlace> teams =
        registry.teams().stream().collect(Collectors.toMap(TeamPlace::teamId, Function.identity()));

    Map<String, Map<String, long[]>> byArea = new TreeMap<>();
    for (Row r : rows) {
      TeamPlace team = teams.get(r.teamId());
      String area = team == null ? "No service area" : team.serviceAreaName();
      String teamName = team == null ? "No team" : team.teamName();
      long[] counts =
          byArea
              .computeIfAbsent(area, a -> new TreeMap<>())
              .computeIfAbsent(teamName, t -> new long[2]);
      counts[0]++;
      if (r.overdue(deadlines, now)) {
        counts[1]++;
      }
    }
    List<Area> areas = new ArrayList<>();
    byArea.forEach(
        (area, teamCounts) -> {
          List<Count> teamRows =
              teamCounts.entrySet().stream()
                  .map(e -> new Count(e.getKey(), e.getValue()[0], e.getValue()[1]))
                  .toList();
          areas.add(
              new Area(
                  area,
                  teamRows.stream().mapToLong(Count::open).sum(),
                  teamRows.stream().mapToLong(Count::overdue).sum(),
                  teamRows));
        });

    List<Stage> stages = new ArrayList<>();
    for (FollowUpStage stage :
        List.of(
            FollowUpStage.ALLOCATION,
            FollowUpStage.CONVERSATIONS,
            FollowUpStage.CLOSURE,
            FollowUpStage.SIGN_OFF)) {
      List<Row> at = rows.stream().filter(r -> r.stage() == stage).toList();
      List<Long> ages =
          at.stream()
              .filter(r -> r.stageSince() != null)
              .map(r -> Duration.between(r.stageSince(), now).toDays())
              .toList();
      stages.add(
          new Stage(
              FollowUpPage.stageLabel(stage),
              at.size(),
              at.stream().filter(r -> r.overdue(deadlines, now)).count(),
              ages.isEmpty()
                  ? 0
                  : Math.round(ages.stream().mapToLong(Long::longValue).average().orElse(0)),
              ages.stream().mapToLong(Long::longValue).max().orElse(0)));
    }

    List<Overdue> overdue =
        rows.stream()
            .filter(r -> r.overdue(deadlines, now))
            .limit(MAX_OVERDUE_SHOWN)
            .map(
                r ->
                    new Overdue(
                        r.id(),
                        r.auditRef(),
                        teams.containsKey(r.teamId()) ? teams.get(r.teamId()).teamName() : "",
                        FollowUpPage.stageLabel(r.stage()),
                        fmt.day(r.dueDate()),
                        deadlines.workingDaysOverdue(deadlines.endOfDueDate(r.dueDate()), now),
                        r.assignee() == null ? "Team queue" : r.assignee()))
            .toList();

    model.addAttribute("open", rows.size());
    model.addAttribute(
        "overdueCount", rows.stream().filter(r -> r.overdue(deadlines, now)).count());
    model.addAttribute("areas", areas);
    model.addAttribute("stages", stages);
    model.addAttribute(
        "overdueActions",
        actions.overdue(me.username()).stream()
            .limit(MAX_OVERDUE_SHOWN)
            .map(
                a ->
                    new OverdueAction(
                        a.id(),
                        a.source(),
                        a.description(),
                        a.owner() + " (" + a.ownerType().label() + ")",
                        fmt.day(
                            a.status() == ActionStatus.AWAITING_VERIFICATION
                                ? a.verificationDue()
                                : a.dueDate()),
                        a.status() == ActionStatus.AWAITING_VERIFICATION
                            ? "Verification by " + a.setBy()
                            : a.actor()))
            .toList());
    model.addAttribute("overdue", overdue);
    return "dashboard";
  }
}
