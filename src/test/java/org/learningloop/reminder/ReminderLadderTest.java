package org.learningloop.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditBecameInadequate;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditSummary;
import org.learningloop.audit.AuditType;
import org.learningloop.audit.Grade;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and the escalation ladder with the REAL outbox (only audits and catalogues are
 * stand-ins): every email asked for must pass the outbox's template rules and is asserted on as a
 * {@code notification_outbox} row. Time moves by sweeping at chosen instants, never by sleeping.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReminderLadderTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @MockitoSpyBean AuditLookup audits;
  @MockitoSpyBean Catalogues catalogues;

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReminderSweep sweep;
  @Autowired Deadlines deadlines;
  @Autowired WorkingDayCalendar calendar;
  @Autowired Clock clock;

  @BeforeEach
  void catalogue() {
    doReturn(Optional.empty()).when(catalogues).supportType(anyString());
    doReturn(Optional.of(new CatalogueEntry("INDIVIDUAL_COACHING", "Individual coaching", true)))
        .when(catalogues)
        .supportType("INDIVIDUAL_COACHING");
  }

  @Test
  void aTaskDueTheFridayBeforeChristmas2023ClimbsTheLadderOnTheRightWorkingDaysAndEachRungOnce()
      throws Exception {
    String task =
        openTask(
            inadequateAudit(newRef()),
            "Task_AllocateFollowUp",
            "pi-officer",
            Instant.parse("2023-12-22T17:00:00Z"));

    sweep.escalate(Instant.parse("2023-12-22T16:59:59Z"));
    assertThat(escalated(task)).isEmpty();

    sweep.escalate(Instant.parse("2023-12-22T17:00:00Z"));
    assertThat(escalated(task))
        .containsExactlyInAnyOrder(
            "pi-officer@learningloop.example", "pi-lead@learningloop.example");

    // +3 working days skips the weekend, Christmas Day and Boxing Day: Friday 29 December.
    sweep.escalate(Instant.parse("2023-12-29T16:59:59Z"));
    assertThat(escalated(task)).hasSize(2);
    sweep.escalate(Instant.parse("2023-12-29T17:00:00Z"));
    assertThat(escalated(task)).contains("service-manager@learningloop.example").hasSize(3);

    // +5 skips New Year's Day too: Wednesday 3 January 2024.
    sweep.escalate(Instant.parse("2024-01-03T16:59:59Z"));
    assertThat(escalated(task)).doesNotContain("assistant-director@learningloop.example");
    sweep.escalate(Instant.parse("2024-01-03T17:00:00Z"));
    sweep.escalate(Instant.parse("2024-01-04T09:00:00Z"));
    assertThat(escalated(task)).contains("assistant-director@learningloop.example").hasSize(4);
    assertThat(
            jdbc.queryForList(
                "select template from notification_outbox where notification_key like ?",
                String.class,
                "escalation:" + task + ":%"))
        .containsOnly("ESCALATION");
  }

  @Test
  void
      aTaskDueTheThursdayBeforeEaster2024ReachesTheServiceManagerOnThe4thAndTheAssistantDirectorOnThe8thOfApril()
          throws Exception {
    String task =
        openTask(
            inadequateAudit(newRef()),
            "Task_ProposeClosure",
            "pi-officer",
            Instant.parse("2024-03-28T17:00:00Z"));

    sweep.escalate(Instant.parse("2024-04-04T15:59:59Z"));
    assertThat(escalated(task)).hasSize(2);
    sweep.escalate(Instant.parse("2024-04-04T16:00:00Z")); // 17:00 BST
    assertThat(escalated(task)).contains("service-manager@learningloop.example").hasSize(3);
    sweep.escalate(Instant.parse("2024-04-08T15:59:59Z"));
    assertThat(escalated(task)).hasSize(3);
    sweep.escalate(Instant.parse("2024-04-08T16:00:00Z"));
    assertThat(escalated(task)).contains("assistant-director@learningloop.example").hasSize(4);
  }

  @Test
  void nothingEscalatesOnceTheTaskIsDone() throws Exception {
    long id = inadequateAudit(newRef());
    String allocation =
        jdbc.queryForObject(
            "select task_id from open_task where follow_up_id = ? and task_key = 'Task_AllocateFollowUp'",
            String.class,
            id);
    Instant due =
        jdbc.queryForObject(
                "select due_at from open_task where task_id = ?", LocalDateTime.class, allocation)
            .toInstant(ZoneOffset.UTC);

    postAs("pi-officer", "/api/follow-ups/" + id + "/claim", "{\"jointConversation\":false}")
        .andExpect(status().isOk());
    sweep.escalate(calendar.endOfWorkingDay(calendar.addWorkingDays(deadlines.dueDate(due), 10)));

    assertThat(escalated(allocation)).isEmpty();
  }

  @Test
  void anExtensionMovesTheLadderAndIsOnTheTimeline() throws Exception {
    long id = inadequateAudit(newRef());
    String task =
        jdbc.queryForObject(
            "select task_id from open_task where follow_up_id = ? and task_key = 'Task_AllocateFollowUp'",
            String.class,
            id);
    Instant oldDue =
        jdbc.queryForObject(
                "select due_at from open_task where task_id = ?", LocalDateTime.class, task)
            .toInstant(ZoneOffset.UTC);
    LocalDate newDate = calendar.addWorkingDays(LocalDate.now(clock), 10);

    postAs(
            "service-manager",
            "/api/follow-ups/" + id + "/due-date-extensions",
            "{\"stage\":\"ALLOCATION\",\"newDueDate\":\""
                + newDate
                + "\",\"reason\":\"Officers on training this week\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage").value("ALLOCATION"))
        .andExpect(jsonPath("$.taskIds[0]").value(task));

    Instant newDue = calendar.endOfWorkingDay(newDate);
    assertThat(
            jdbc.queryForObject(
                    "select due_at from open_task where task_id = ?", LocalDateTime.class, task)
                .toInstant(ZoneOffset.UTC))
        .isEqualTo(newDue);
    sweep.escalate(calendar.endOfWorkingDay(calendar.addWorkingDays(deadlines.dueDate(oldDue), 3)));
    assertThat(escalated(task)).isEmpty();
    sweep.escalate(newDue);
    assertThat(escalated(task)).contains("pi-lead@learningloop.example");
    getAs("pi-lead", "/api/follow-ups/" + id)
        .andExpect(jsonPath("$.dueDate").value(newDate.toString()))
        .andExpect(
            jsonPath("$.timeline[?(@.action == 'DUE_DATE_EXTENDED')].actor")
                .value("service-manager"));
  }

  @Test
  void extendingASupportTaskMovesTheSupportItemsDueDateToo() throws Exception {
    long id = inadequateAudit(newRef());
    String base = "/api/follow-ups/" + id;
    postAs("pi-officer", base + "/claim", "{\"jointConversation\":true}")
        .andExpect(status().isOk());
    LocalDate offeredDue = calendar.addWorkingDays(LocalDate.now(clock), 10);
    postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"INDIVIDUAL_COACHING\",\"description\":\"Four sessions\",\"owner\":\"PRACTITIONER\",\"dueDate\":\""
                + offeredDue
                + "\"}")
        .andExpect(status().isCreated());
    String task =
        jdbc.queryForObject(
            "select task_id from open_task where follow_up_id = ? and task_key = 'Task_RespondToSupportOffer'",
            String.class,
            id);
    LocalDate newDate = calendar.addWorkingDays(offeredDue, 5);

    postAs(
            "service-manager",
            base + "/due-date-extensions",
            "{\"taskId\":\""
                + task
                + "\",\"newDueDate\":\""
                + newDate
                + "\",\"reason\":\"Coach on leave for a week\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage").value("SUPPORT"));

    getAs("pi-officer", base)
        .andExpect(jsonPath("$.supportItems[0].dueDate").value(newDate.toString()))
        .andExpect(
            jsonPath("$.timeline[?(@.action == 'DUE_DATE_EXTENDED')].detail")
                .value(
                    org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("Coach on leave for a week"))));
    assertThat(
            jdbc.queryForObject(
                    "select due_at from open_task where task_id = ?", LocalDateTime.class, task)
                .toInstant(ZoneOffset.UTC))
        .isEqualTo(calendar.endOfWorkingDay(newDate));
  }

  @Test
  void anExtensionIsRefusedForAPastDateADayOffNoReasonOrNothingDue() throws Exception {
    long id = inadequateAudit(newRef());
    String path = "/api/follow-ups/" + id + "/due-date-extensions";
    LocalDate today = LocalDate.now(clock);
    LocalDate saturday =
        today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
    LocalDate working = calendar.addWorkingDays(today, 5);

    postAs(
            "pi-lead",
            path,
            "{\"stage\":\"ALLOCATION\",\"newDueDate\":\""
                + today.minusDays(1)
                + "\",\"reason\":\"x\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("newDueDate"));
    postAs(
            "pi-lead",
            path,
            "{\"stage\":\"ALLOCATION\",\"newDueDate\":\"" + saturday + "\",\"reason\":\"x\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(saturday + " is not a working day"));
    postAs(
            "pi-lead",
            path,
            "{\"stage\":\"ALLOCATION\",\"newDueDate\":\"" + working + "\",\"reason\":\" \"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    postAs(
            "pi-lead",
            path,
            "{\"stage\":\"CLOSURE\",\"newDueDate\":\"" + working + "\",\"reason\":\"Leave\"}")
        .andExpect(status().isConflict());
    postAs(
            "pi-officer",
            path,
            "{\"stage\":\"ALLOCATION\",\"newDueDate\":\"" + working + "\",\"reason\":\"Leave\"}")
        .andExpect(status().isForbidden());
  }

  @Test
  void aManagerEscalatesByHandWithANoteAndTheEmailsGoOut() throws Exception {
    String ref = newRef();
    long id = inadequateAudit(ref);

    postAs(
            "service-manager",
            "/api/follow-ups/" + id + "/escalations",
            "{\"note\":\"No progress since the audit\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage").value("ALLOCATION"))
        .andExpect(
            jsonPath("$.notified")
                .value(org.hamcrest.Matchers.containsInAnyOrder("assistant-director", "pi-lead")));
    assertThat(
            jdbc.queryForList(
                "select recipient_email from notification_outbox where template = 'ESCALATION' and audit_ref = ?",
                String.class,
                ref))
        .containsExactlyInAnyOrder(
            "assistant-director@learningloop.example", "pi-lead@learningloop.example");
    getAs("pi-lead", "/api/follow-ups/" + id)
        .andExpect(
            jsonPath("$.timeline[?(@.action == 'ESCALATED')].detail")
                .value("No progress since the audit"));
    postAs("service-manager", "/api/follow-ups/" + id + "/escalations", "{\"note\":\"\"}")
        .andExpect(status().isBadRequest());
    postAs("team-manager", "/api/follow-ups/" + id + "/escalations", "{\"note\":\"Help\"}")
        .andExpect(status().isForbidden());
  }

  @Test
  void onePersonGetsOneDigestADayHoweverOftenTheSweepRuns() throws Exception {
    openTask(
        inadequateAudit(newRef()),
        "Task_HoldConversation",
        "pi-officer",
        Instant.parse("2023-11-24T17:00:00Z"));
    openTask(
        inadequateAudit(newRef()),
        "Task_ProposeClosure",
        "pi-officer",
        Instant.parse("2023-11-20T17:00:00Z"));

    // Wednesday 22 November 2023: the first is due in two working days, the second overdue; digests
    // go out at 07:00.
    assertThat(sweep.digest(Instant.parse("2023-11-22T06:59:00Z"))).isZero();
    sweep.digest(Instant.parse("2023-11-22T07:00:00Z"));
    sweep.digest(Instant.parse("2023-11-22T15:00:00Z"));
    assertThat(
            jdbc.queryForList(
                "select template from notification_outbox where notification_key = 'digest:pi-officer:2023-11-22'",
                String.class))
        .containsExactly("REMINDER_DIGEST");
    assertThat(
            jdbc.queryForObject(
                "select text_body from notification_outbox where notification_key = 'digest:pi-officer:2023-11-22'",
                String.class))
        .contains("Tasks due in the next few days: 1")
        .contains("Tasks overdue: 1");
    // Saturday: no digests at all.
    assertThat(sweep.digest(Instant.parse("2023-11-25T09:00:00Z"))).isZero();
  }

  @Test
  void aFollowUpRunsEndToEndThroughTheRealOutbox() throws Exception {
    String ref = newRef();
    long id = inadequateAudit(ref);
    String base = "/api/follow-ups/" + id;
    postAs("pi-officer", base + "/claim", "{\"jointConversation\":false}")
        .andExpect(status().isOk());
    int conversation =
        ((List<Integer>)
                read(
                    getAs("pi-officer", base),
                    "$.conversations[?(@.attendees == 'PRACTITIONER')].id"))
            .get(0);
    String startsAt =
        LocalDateTime.now(clock)
            .plusDays(7)
            .withHour(10)
            .withMinute(0)
            .withSecond(0)
            .withNano(0)
            .toString();
    postAs(
            "pi-officer",
            base + "/conversations/" + conversation + "/schedule",
            "{\"startsAt\":\""
                + startsAt
                + "\",\"durationMinutes\":60,\"location\":\"Room 2, County Hall\"}")
        .andExpect(status().isOk());
    postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"INDIVIDUAL_COACHING\",\"description\":\"Four sessions\",\"owner\":\"PRACTITIONER\",\"dueDate\":\""
                + calendar.addWorkingDays(LocalDate.now(clock), 15)
                + "\"}")
        .andExpect(status().isCreated());

    assertThat(
            jdbc.queryForList(
                "select template from notification_outbox where audit_ref = ?", String.class, ref))
        .contains(
            "FOLLOW_UP_CREATED",
            "FOLLOW_UP_ALLOCATED",
            "CONVERSATION_INVITATION",
            "SUPPORT_OFFERED");
  }

  @Test
  void theDashboardIsScopedToTheManager() throws Exception {
    inadequateAudit(newRef());
    Person practitioner = directory.findByUsername("practitioner").orElseThrow();

    getAs("service-manager", "/api/dashboard")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.serviceAreas.length()").value(1))
        .andExpect(jsonPath("$.serviceAreas[0].serviceAreaId").value(practitioner.serviceAreaId()))
        .andExpect(
            jsonPath("$.serviceAreas[0].teams[0].stages[?(@.stage == 'ALLOCATION')].open")
                .isNotEmpty());
    getAs("team-manager", "/api/dashboard")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.serviceAreas[0].teams.length()").value(1))
        .andExpect(jsonPath("$.serviceAreas[0].teams[0].teamId").value(practitioner.teamId()));
    getAs("pi-lead", "/api/dashboard")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.open").isNumber());
    getAs("practitioner", "/api/dashboard").andExpect(status().isForbidden());
  }

  /** An open task of the follow-up as the read model holds it, due when the test needs it. */
  private String openTask(long followUpId, String taskKey, String assignee, Instant due) {
    String id = "test-task-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    jdbc.update(
        "insert into open_task (task_id, follow_up_id, audit_ref, task_key, name, assignee, candidate_group, due_at, created_at)"
            + " values (?, ?, ?, ?, ?, ?, 'practice-improvement', ?, ?)",
        id,
        followUpId,
        "REF",
        taskKey,
        taskKey,
        assignee,
        Timestamp.valueOf(LocalDateTime.ofInstant(due, ZoneOffset.UTC)),
        Timestamp.valueOf(LocalDateTime.ofInstant(due.minusSeconds(86_400 * 10), ZoneOffset.UTC)));
    return id;
  }

  private List<String> escalated(String taskId) {
    return jdbc.queryForList(
        "select recipient_email from notification_outbox where notification_key like ?",
        String.class,
        "escalation:" + taskId + ":%");
  }

  private long inadequateAudit(String ref) throws Exception {
    Person practitioner = directory.findByUsername("practitioner").orElseThrow();
    Person teamManager = directory.findByUsername("team-manager").orElseThrow();
    Person auditor = directory.findByUsername("auditor").orElseThrow();
    AuditSummary audit =
        new AuditSummary(
            ref,
            LocalDate.now(clock).minusDays(3),
            AuditType.DEEP_DIVE,
            null,
            practitioner.serviceAreaId(),
            practitioner.teamId(),
            practitioner.id(),
            teamManager.id(),
            auditor.id(),
            Grade.INADEQUATE,
            Grade.INADEQUATE,
            false,
            Set.of());
    doReturn(Optional.of(audit)).when(audits).findByRef(ref);
    transaction.executeWithoutResult(status -> events.publishEvent(new AuditBecameInadequate(ref)));
    return ((Number) read(getAs("pi-lead", "/api/follow-ups?auditRef=" + ref), "$.content[0].id"))
        .longValue();
  }

  private static String newRef() {
    return "AUD-R" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
  }

  private ResultActions postAs(String user, String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .with(httpBasic(user, "demo"))
            .accept(MediaType.APPLICATION_JSON)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions getAs(String user, String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic(user, "demo")).accept(MediaType.APPLICATION_JSON));
  }

  private static <T> T read(ResultActions result, String path) throws Exception {
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
  }
}
