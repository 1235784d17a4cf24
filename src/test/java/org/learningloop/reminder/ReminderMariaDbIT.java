package org.learningloop.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.minidev.json.JSONArray;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffAdministration;
import org.learningloop.directory.StaffDetails;
import org.learningloop.support.OnMariaDb;
import org.learningloop.support.TestAudits;
import org.learningloop.workflow.tasks.OpenTasks;
import org.learningloop.workflow.tasks.TaskView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The managers' dashboard and the task read model's due dates on MariaDB through Connector/J: the
 * dashboard's scoped counts, {@code due_at} round trips, and the engine's due date, the read
 * model's and the deadline agreeing. The ladder and the digest are proved through the real process
 * in {@code ReminderRestartIT} (MariaDB, stopped and restarted) and {@code
 * EscalationLadderOnAMovingClockTest}.
 *
 * <p>The schema is shared with the other *IT classes, so everything here lives in service areas,
 * teams and staff of its own ({@code RMD <run> ...}, {@code rmd-<run>-...}), and the ladder and
 * digests are swept at instants in 2023 and 2024, long before anything another test creates falls
 * due.
 */
@OnMariaDb
class ReminderMariaDbIT {

  private static final String RUN = Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36);
  private static final String PASSWORD = "Reminders-on-MariaDB-2023";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** This class's people and places, made once per run through the directory's administration. */
  private record World(
      Person officer,
      Person digestOfficer,
      Person practitioner,
      Person teamManager,
      Person serviceManager,
      Person assistantDirector,
      Person otherServiceManager,
      String ladderArea,
      String ladderTeam,
      long areaA,
      long teamA1,
      long teamA2,
      long areaB,
      long teamB1,
      Person serviceManagerA,
      Person teamManagerA1,
      Person serviceManagerB) {}

  private static World world;

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OpenTasks openTasks;
  @Autowired Deadlines deadlines;
  @Autowired WorkingDayCalendar calendar;
  @Autowired Directory directory;
  @Autowired StaffAdministration staff;
  @Autowired AuditRegister register;
  @Autowired TaskService engineTasks;
  @Autowired Clock clock;

  @BeforeEach
  void setUp() {
    if (world == null) {
      world = asAdmin(this::createWorld);
    }
    // Each test sweeps only its own open tasks (all of them fall due years before anything other
    // tests create).
    jdbc.update("delete from open_task where task_id like ?", "rmd-" + RUN + "-task-%");
  }

  // The ladder and the digest through the real process, with stops and restarts of the
  // application: ReminderRestartIT and EscalationLadderOnAMovingClockTest.

  // (c) The dashboard

  @Test
  void theDashboardCountsAServiceManagersAreaATeamManagersTeamAndEverythingForAPiLead()
      throws Exception {
    LocalDate today = LocalDate.now(clock);
    LocalDate tomorrow = calendar.addWorkingDays(today, 1);
    Team a1 = new Team(world.areaA(), world.teamA1());
    Team a2 = new Team(world.areaA(), world.teamA2());
    Team b1 = new Team(world.areaB(), world.teamB1());
    // Area A, team A1: allocation overdue, conversations in time, sign-off overdue, one closed (not
    // counted).
    followUp(a1, "OPEN", "ALLOCATION", before(today, 1), before(today, 3), null, null, null);
    followUp(
        a1,
        "OPEN",
        "CONVERSATIONS",
        calendar.addWorkingDays(today, 5),
        before(today, 10),
        before(today, 6),
        null,
        null);
    followUp(
        a1,
        "OPEN",
        "SIGN_OFF",
        before(today, 1),
        before(today, 30),
        before(today, 25),
        before(today, 2),
        null);
    followUp(
        a1,
        "CLOSED",
        "CLOSED",
        before(today, 40),
        before(today, 60),
        before(today, 58),
        before(today, 45),
        before(today, 44));
    // Area A, team A2: one allocation in time.
    followUp(a2, "OPEN", "ALLOCATION", tomorrow, before(today, 1), null, null, null);
    // Area B, team B1: conversations overdue, and one waiting for its re-audit.
    followUp(
        b1,
        "OPEN",
        "CONVERSATIONS",
        before(today, 2),
        before(today, 12),
        before(today, 8),
        null,
        null);
    followUp(
        b1,
        "OPEN",
        "AWAITING_RE_AUDIT",
        calendar.addWorkingDays(today, 50),
        before(today, 90),
        before(today, 85),
        before(today, 5),
        before(today, 4));

    Object asServiceManagerA = dashboard(world.serviceManagerA());
    assertThat(JsonPath.<Integer>read(asServiceManagerA, "$.open")).isEqualTo(4);
    assertThat(JsonPath.<Integer>read(asServiceManagerA, "$.overdue")).isEqualTo(2);
    assertThat(ids(asServiceManagerA, "$.serviceAreas[*].serviceAreaId"))
        .containsExactly(world.areaA());
    assertThat(team(asServiceManagerA, world.teamA1()))
        .containsEntry("open", 3)
        .containsEntry("overdue", 2);
    assertThat(stages(asServiceManagerA, world.teamA1()))
        .containsExactly(
            oneAtStage("ALLOCATION", 1, today, 3),
            oneAtStage("CONVERSATIONS", 0, today, 6),
            oneAtStage("SIGN_OFF", 1, today, 2));
    assertThat(team(asServiceManagerA, world.teamA2()))
        .containsEntry("open", 1)
        .containsEntry("overdue", 0);

    Object asTeamManagerA1 = dashboard(world.teamManagerA1());
    assertThat(JsonPath.<Integer>read(asTeamManagerA1, "$.open")).isEqualTo(3);
    assertThat(JsonPath.<Integer>read(asTeamManagerA1, "$.overdue")).isEqualTo(2);
    assertThat(ids(asTeamManagerA1, "$.serviceAreas[*].teams[*].teamId"))
        .containsExactly(world.teamA1());

    Object asServiceManagerB = dashboard(world.serviceManagerB());
    assertThat(JsonPath.<Integer>read(asServiceManagerB, "$.open")).isEqualTo(2);
    assertThat(JsonPath.<Integer>read(asServiceManagerB, "$.overdue")).isEqualTo(1);
    assertThat(ids(asServiceManagerB, "$.serviceAreas[*].serviceAreaId"))
        .containsExactly(world.areaB());
    assertThat(stages(asServiceManagerB, world.teamB1()))
        .containsExactly(
            oneAtStage("AWAITING_RE_AUDIT", 0, today, 4), oneAtStage("CONVERSATIONS", 1, today, 8));

    Object asPiLead = dashboardOf("pi-lead", "demo");
    assertThat(area(asPiLead, world.areaA())).containsEntry("open", 4).containsEntry("overdue", 2);
    assertThat(area(asPiLead, world.areaB())).containsEntry("open", 2).containsEntry("overdue", 1);
    int allOpen = JsonPath.<Integer>read(asPiLead, "$.open");
    assertThat(allOpen)
        .isGreaterThanOrEqualTo(6)
        .isEqualTo(
            JsonPath.<JSONArray>read(asPiLead, "$.serviceAreas[*].open").stream()
                .mapToInt(o -> (Integer) o)
                .sum());
    assertThat(allOpen)
        .isEqualTo(
            jdbc.queryForObject(
                "select count(*) from follow_up where status = 'OPEN'", Integer.class));
  }

  // (d) Datetimes through Connector/J

  @Test
  void aDueAtWrittenAsUtcIsReadBackAsTheSameInstantAcrossClockChanges() throws Exception {
    long followUp = ladderFollowUp();
    List<Instant> instants =
        List.of(
            Instant.parse("2023-12-22T17:00:00Z"), // GMT
            Instant.parse("2024-03-31T01:30:00Z"), // 01:30 does not exist in London that night
            Instant.parse("2024-10-27T01:30:00Z"), // 01:30 happens twice in London that night
            Instant.parse("2024-06-28T16:00:00Z"), // 17:00 BST
            Instant.parse("2024-02-29T23:59:59Z"));
    for (Instant due : instants) {
      String task = openTask(followUp, "Task_HoldConversation", world.officer(), due);
      assertThat(openTasks.ofFollowUp(followUp))
          .filteredOn(t -> t.taskId().equals(task))
          .extracting(TaskView::dueAt)
          .containsExactly(due);
      // Stored as UTC wall-clock time, whatever the council's or the server's zone.
      assertThat(
              jdbc.queryForObject(
                  "select date_format(due_at, '%Y-%m-%dT%H:%i:%sZ') from open_task where task_id = ?",
                  String.class, task))
          .isEqualTo(due.toString());
      assertThat(openTasks.dueBefore(due.plusSeconds(1)))
          .extracting(TaskView::taskId)
          .contains(task);
      assertThat(openTasks.dueBefore(due)).extracting(TaskView::taskId).doesNotContain(task);
    }

    // sendFractionalSeconds=false: fractions are cut, never rounded up to the next second.
    Instant fractional = Instant.parse("2024-01-15T10:15:30.987654321Z");
    String task = openTask(followUp, "Task_HoldConversation", world.officer(), fractional);
    assertThat(openTasks.ofFollowUp(followUp))
        .filteredOn(t -> t.taskId().equals(task))
        .extracting(TaskView::dueAt)
        .containsExactly(fractional.truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void theEnginesDueDateTheReadModelsAndTheDeadlineAgree() throws Exception {
    long followUp = ladderFollowUp();
    TaskView allocation =
        openTasks.ofFollowUp(followUp).stream()
            .filter(t -> t.taskKey().equals("Task_AllocateFollowUp"))
            .findFirst()
            .orElseThrow();
    Instant created =
        jdbc.queryForObject(
                "select created_at from follow_up where id = ?", LocalDateTime.class, followUp)
            .toInstant(ZoneOffset.UTC);

    assertThat(allocation.dueAt())
        .isEqualTo(
            engineTasks
                .createTaskQuery()
                .taskId(allocation.taskId())
                .singleResult()
                .getDueDate()
                .toInstant())
        .isEqualTo(deadlines.after(2, created));
    assertThat(created).isBetween(clock.instant().minusSeconds(600), clock.instant());
    assertThat(
            jdbc.queryForObject(
                "select allocation_due from follow_up where id = ?", LocalDate.class, followUp))
        .isEqualTo(deadlines.dueDate(allocation.dueAt()));
  }

  // The world

  private World createWorld() {
    String ladderArea = "RMD " + RUN + " Ladder";
    String ladderTeam = "RMD " + RUN + " Ladder Team";
    long ladder = staff.createServiceArea(ladderArea).getId();
    long ladderTeamId = staff.createTeam(ladderTeam, ladder).teamId();
    long elsewhere = staff.createServiceArea("RMD " + RUN + " Elsewhere").getId();
    long areaA = staff.createServiceArea("RMD " + RUN + " Area A").getId();
    long teamA1 = staff.createTeam("RMD " + RUN + " Team A1", areaA).teamId();
    long teamA2 = staff.createTeam("RMD " + RUN + " Team A2", areaA).teamId();
    long areaB = staff.createServiceArea("RMD " + RUN + " Area B").getId();
    long teamB1 = staff.createTeam("RMD " + RUN + " Team B1", areaB).teamId();
    return new World(
        person("officer", Role.PI_OFFICER, null, null),
        person("digest-officer", Role.PI_OFFICER, null, null),
        person("practitioner", Role.PRACTITIONER, ladderTeamId, null),
        person("team-manager", Role.TEAM_MANAGER, ladderTeamId, null),
        person("service-manager", Role.SERVICE_MANAGER, null, ladder),
        person("assistant-director", Role.ASSISTANT_DIRECTOR, null, ladder),
        person("other-service-manager", Role.SERVICE_MANAGER, null, elsewhere),
        ladderArea,
        ladderTeam,
        areaA,
        teamA1,
        teamA2,
        areaB,
        teamB1,
        person("sm-a", Role.SERVICE_MANAGER, null, areaA),
        person("tm-a1", Role.TEAM_MANAGER, teamA1, null),
        person("sm-b", Role.SERVICE_MANAGER, null, areaB));
  }

  private Person person(String name, Role role, Long teamId, Long serviceAreaId) {
    String username = "rmd-" + RUN + "-" + name;
    Person person =
        staff.create(
            new StaffDetails(
                username,
                username + "@learningloop.example",
                "RMD " + name,
                Set.of(role),
                teamId,
                serviceAreaId,
                true));
    staff.setPassword(person.id(), PASSWORD);
    return person;
  }

  private static <T> T asAdmin(java.util.function.Supplier<T> work) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /**
   * A follow-up opened as in real use, by an inadequate audit recorded in the ladder's service
   * area.
   */
  private long ladderFollowUp() {
    String ref =
        TestAudits.inadequate(
            register,
            LocalDate.now(clock),
            "RMD",
            List.of("PLANNING"),
            world.ladderArea(),
            world.ladderTeam(),
            world.practitioner().email(),
            world.teamManager().email());
    return jdbc.queryForObject("select id from follow_up where audit_ref = ?", Long.class, ref);
  }

  /**
   * An open task of the follow-up as the read model holds it (written as the engine's listener
   * writes it).
   */
  private String openTask(long followUpId, String taskKey, Person assignee, Instant due) {
    String id = "rmd-" + RUN + "-task-" + SEQUENCE.incrementAndGet();
    jdbc.update(
        "insert into open_task (task_id, follow_up_id, audit_ref, task_key, name, assignee, candidate_group, due_at, created_at)"
            + " values (?, ?, ?, ?, ?, ?, 'practice-improvement', ?, ?)",
        id,
        followUpId,
        "RMD-" + RUN,
        taskKey,
        taskKey,
        assignee.username(),
        utc(due),
        utc(due.minus(10, ChronoUnit.DAYS)));
    return id;
  }

  /**
   * A follow-up row as the dashboard reads it; the stage started on the day the stage's own column
   * says.
   */
  /** A team and its service area. */
  private record Team(long areaId, long teamId) {}

  private void followUp(
      Team team,
      String status,
      String stage,
      LocalDate due,
      LocalDate created,
      LocalDate allocated,
      LocalDate proposed,
      LocalDate closed) {
    jdbc.update(
        "insert into follow_up (audit_ref, status, stage, team_id, service_area_id, significant_harm_risk, joint_conversation,"
            + " created_at, allocated_at, allocation_due, due_date, closure_proposed_at, closed_at)"
            + " values (?, ?, ?, ?, ?, false, false, ?, ?, ?, ?, ?, ?)",
        "RMD-" + RUN + "-DASH-" + SEQUENCE.incrementAndGet(),
        status,
        stage,
        team.teamId(),
        team.areaId(),
        morning(created),
        morning(allocated),
        calendar.addWorkingDays(created, 2),
        due,
        morning(proposed),
        morning(closed));
  }

  private LocalDate before(LocalDate today, int workingDays) {
    return calendar.subtractWorkingDays(today, workingDays);
  }

  /**
   * The dashboard's line of a stage where one follow-up waits, since {@link #before before(today,
   * k)}: its stage, open 1, how many overdue, the oldest and the average age.
   */
  private String oneAtStage(String stage, int overdue, LocalDate today, int k) {
    return stage
        + " open 1 overdue "
        + overdue
        + " oldest "
        + age(today, k)
        + " average "
        + (double) age(today, k);
  }

  /**
   * Working days waited at the stage since {@link #before before(today, k)}: k when today is a
   * working day.
   */
  private int age(LocalDate today, int workingDays) {
    return calendar.workingDaysBetween(before(today, workingDays), today);
  }

  /** 10:00 in the council's zone, as stored: UTC. */
  private LocalDateTime morning(LocalDate day) {
    return day == null ? null : utc(day.atTime(10, 0).atZone(calendar.zone()).toInstant());
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private Object dashboard(Person manager) throws Exception {
    return dashboardOf(manager.username(), PASSWORD);
  }

  private Object dashboardOf(String username, String password) throws Exception {
    String body =
        mvc.perform(
                get("/api/dashboard")
                    .with(httpBasic(username, password))
                    .accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return com.jayway.jsonpath.Configuration.defaultConfiguration().jsonProvider().parse(body);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> area(Object view, long areaId) {
    JSONArray found = JsonPath.read(view, "$.serviceAreas[?(@.serviceAreaId == " + areaId + ")]");
    assertThat(found).as("service area %s", areaId).hasSize(1);
    return (Map<String, Object>) found.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> team(Object view, long teamId) {
    JSONArray found = JsonPath.read(view, "$.serviceAreas[*].teams[?(@.teamId == " + teamId + ")]");
    assertThat(found).as("team %s", teamId).hasSize(1);
    return (Map<String, Object>) found.get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<String> stages(Object view, long teamId) {
    List<Map<String, Object>> stages = (List<Map<String, Object>>) team(view, teamId).get("stages");
    return stages.stream()
        .map(
            s ->
                s.get("stage")
                    + " open "
                    + s.get("open")
                    + " overdue "
                    + s.get("overdue")
                    + " oldest "
                    + s.get("oldestWorkingDays")
                    + " average "
                    + ((Number) s.get("averageWorkingDays")).doubleValue())
        .toList();
  }

  private static List<Long> ids(Object view, String path) {
    return JsonPath.<JSONArray>read(view, path).stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }
}
