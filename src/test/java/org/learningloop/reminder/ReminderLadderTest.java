package org.learningloop.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditLookup;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.support.FollowUpApi;
import org.learningloop.support.OutboxReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
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
  FollowUpApi api;

  @BeforeEach
  void catalogueAndApi() {
    api = new FollowUpApi(mvc, directory, audits, events, transaction);
    doReturn(Optional.empty()).when(catalogues).supportType(anyString());
    doReturn(Optional.of(new CatalogueEntry("INDIVIDUAL_COACHING", "Individual coaching", true)))
        .when(catalogues)
        .supportType("INDIVIDUAL_COACHING");
  }

  @Test
  void nothingEscalatesOnceTheTaskIsDone() throws Exception {
    long id = api.inadequateAudit(newRef(), LocalDate.now(clock).minusDays(3));
    String allocation = taskOf(id, "Task_AllocateFollowUp");
    Instant due = dueOf(allocation);

    api.postAs("pi-officer", "/api/follow-ups/" + id + "/claim", "{\"jointConversation\":false}")
        .andExpect(status().isOk());
    sweep.escalate(calendar.endOfWorkingDay(calendar.addWorkingDays(deadlines.dueDate(due), 10)));

    assertThat(notices(id)).isEmpty();
  }

  @Test
  void anExtensionMovesTheLadderAndIsOnTheTimeline() throws Exception {
    long id = api.inadequateAudit(newRef(), LocalDate.now(clock).minusDays(3));
    String task = taskOf(id, "Task_AllocateFollowUp");
    Instant oldDue = dueOf(task);
    LocalDate newDate = calendar.addWorkingDays(LocalDate.now(clock), 10);

    extension(
            "service-manager",
            "/api/follow-ups/" + id + "/due-date-extensions",
            "ALLOCATION",
            newDate,
            "Officers on training this week")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage").value("ALLOCATION"))
        .andExpect(jsonPath("$.taskIds[0]").value(task));

    Instant newDue = calendar.endOfWorkingDay(newDate);
    assertThat(dueOf(task)).isEqualTo(newDue);
    sweep.escalate(calendar.endOfWorkingDay(calendar.addWorkingDays(deadlines.dueDate(oldDue), 3)));
    assertThat(notices(id)).as("the old date's ladder is gone").isEmpty();
    sweep.escalate(newDue);
    assertThat(notices(id)).containsExactly("ALLOCATION " + newDate + " 0 pi-lead");
    api.getAs("pi-lead", "/api/follow-ups/" + id)
        .andExpect(jsonPath("$.dueDate").value(newDate.toString()))
        .andExpect(
            jsonPath("$.timeline[?(@.action == 'DUE_DATE_EXTENDED')].actor")
                .value("service-manager"));
  }

  @Test
  void extendingASupportTaskMovesTheSupportItemsDueDateToo() throws Exception {
    long id = api.inadequateAudit(newRef(), LocalDate.now(clock).minusDays(3));
    String base = "/api/follow-ups/" + id;
    api.postAs("pi-officer", base + "/claim", "{\"jointConversation\":true}")
        .andExpect(status().isOk());
    LocalDate offeredDue = calendar.addWorkingDays(LocalDate.now(clock), 10);
    api.postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"INDIVIDUAL_COACHING\",\"description\":\"Four sessions\",\"owner\":\"PRACTITIONER\",\"dueDate\":\""
                + offeredDue
                + "\"}")
        .andExpect(status().isCreated());
    String task = taskOf(id, "Task_RespondToSupportOffer");
    LocalDate newDate = calendar.addWorkingDays(offeredDue, 5);

    api.postAs(
            "service-manager",
            base + "/due-date-extensions",
            "{\"taskId\":\""
                + task
                + "\",\"newDueDate\":\""
                + newDate
                + "\",\"reason\":\"Coach on leave for a week\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage").value("SUPPORT"));

    api.getAs("pi-officer", base)
        .andExpect(jsonPath("$.supportItems[0].dueDate").value(newDate.toString()))
        .andExpect(
            jsonPath("$.timeline[?(@.action == 'DUE_DATE_EXTENDED')].detail")
                .value(
                    org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("Coach on leave for a week"))));
    assertThat(dueOf(task)).isEqualTo(calendar.endOfWorkingDay(newDate));
  }

  @Test
  void anExtensionIsRefusedForAPastDateADayOffNoReasonOrNothingDue() throws Exception {
    long id = api.inadequateAudit(newRef(), LocalDate.now(clock).minusDays(3));
    String path = "/api/follow-ups/" + id + "/due-date-extensions";
    LocalDate today = LocalDate.now(clock);
    LocalDate saturday =
        today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
    LocalDate working = calendar.addWorkingDays(today, 5);

    extension("pi-lead", path, "ALLOCATION", today.minusDays(1), "x")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("newDueDate"));
    extension("pi-lead", path, "ALLOCATION", saturday, "x")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(saturday + " is not a working day"));
    extension("pi-lead", path, "ALLOCATION", working, " ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    extension("pi-lead", path, "CLOSURE", working, "Leave").andExpect(status().isConflict());
    extension("pi-officer", path, "ALLOCATION", working, "Leave").andExpect(status().isForbidden());
  }

  @Test
  void aManagerEscalatesByHandWithANoteAndTheEmailsGoOut() throws Exception {
    String ref = newRef();
    long id = api.inadequateAudit(ref, LocalDate.now(clock).minusDays(3));

    api.postAs(
            "service-manager",
            "/api/follow-ups/" + id + "/escalations",
            "{\"note\":\"No progress since the audit\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.stage").value("ALLOCATION"))
        .andExpect(
            jsonPath("$.notified")
                .value(org.hamcrest.Matchers.containsInAnyOrder("assistant-director", "pi-lead")));
    assertThat(OutboxReader.recipients(jdbc, "ESCALATION", ref))
        .containsExactlyInAnyOrder(
            "assistant-director@learningloop.example", "pi-lead@learningloop.example");
    api.getAs("pi-lead", "/api/follow-ups/" + id)
        .andExpect(
            jsonPath("$.timeline[?(@.action == 'ESCALATED')].detail")
                .value("No progress since the audit"));
    api.postAs("service-manager", "/api/follow-ups/" + id + "/escalations", "{\"note\":\"\"}")
        .andExpect(status().isBadRequest());
    api.postAs("team-manager", "/api/follow-ups/" + id + "/escalations", "{\"note\":\"Help\"}")
        .andExpect(status().isForbidden());
  }

  @Test
  void onePersonGetsOneDigestADayHoweverOftenTheSweepRuns() throws Exception {
    long id = api.inadequateAudit(newRef(), LocalDate.now(clock).minusDays(3));
    api.postAs("pi-officer", "/api/follow-ups/" + id + "/claim", "{\"jointConversation\":true}")
        .andExpect(status().isOk());
    Instant due = dueOf(taskOf(id, "Task_ScheduleConversation"));
    assertThat(due)
        .as("scheduling is due with the conversations stage")
        .isEqualTo(deadlines.after(20, clock.instant()));
    LocalDate remindFrom = deadlines.remindFrom(deadlines.dueDate(due));
    Instant digestTime = remindFrom.atTime(7, 0).atZone(calendar.zone()).toInstant();
    String key = "digest:pi-officer:" + remindFrom;

    assertThat(sweep.digest(digestTime.minusSeconds(60))).isZero();
    sweep.digest(digestTime);
    sweep.digest(digestTime.plusSeconds(8 * 3600));
    assertThat(
            jdbc.queryForList(
                "select template from notification_outbox where notification_key = ?",
                String.class,
                key))
        .containsExactly("REMINDER_DIGEST");
    assertThat(
            jdbc.queryForObject(
                "select text_body from notification_outbox where notification_key = ?",
                String.class,
                key))
        .containsPattern("Tasks due in the next few days: [1-9]");
    // Saturday: no digests at all.
    LocalDate saturday =
        remindFrom.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
    assertThat(sweep.digest(saturday.atTime(9, 0).atZone(calendar.zone()).toInstant())).isZero();
  }

  @Test
  void aFollowUpRunsEndToEndThroughTheRealOutbox() throws Exception {
    String ref = newRef();
    long id = api.inadequateAudit(ref, LocalDate.now(clock).minusDays(3));
    String base = "/api/follow-ups/" + id;
    api.postAs("pi-officer", base + "/claim", "{\"jointConversation\":false}")
        .andExpect(status().isOk());
    int conversation =
        ((List<Integer>)
                FollowUpApi.read(
                    api.getAs("pi-officer", base),
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
    api.postAs(
            "pi-officer",
            base + "/conversations/" + conversation + "/schedule",
            "{\"startsAt\":\""
                + startsAt
                + "\",\"durationMinutes\":60,\"location\":\"Room 2, County Hall\"}")
        .andExpect(status().isOk());
    api.postAs(
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
    api.inadequateAudit(newRef(), LocalDate.now(clock).minusDays(3));
    Person practitioner = directory.findByUsername("practitioner").orElseThrow();

    api.getAs("service-manager", "/api/dashboard")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.serviceAreas.length()").value(1))
        .andExpect(jsonPath("$.serviceAreas[0].serviceAreaId").value(practitioner.serviceAreaId()))
        .andExpect(
            jsonPath("$.serviceAreas[0].teams[0].stages[?(@.stage == 'ALLOCATION')].open")
                .isNotEmpty());
    api.getAs("team-manager", "/api/dashboard")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.serviceAreas[0].teams.length()").value(1))
        .andExpect(jsonPath("$.serviceAreas[0].teams[0].teamId").value(practitioner.teamId()));
    api.getAs("pi-lead", "/api/dashboard")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.open").isNumber());
    api.getAs("practitioner", "/api/dashboard").andExpect(status().isForbidden());
  }

  /** A request by {@code user} to move the due date of a stage of a follow-up. */
  private ResultActions extension(
      String user, String path, String stage, LocalDate newDueDate, String reason)
      throws Exception {
    return api.postAs(
        user,
        path,
        "{\"stage\":\""
            + stage
            + "\",\"newDueDate\":\""
            + newDueDate
            + "\",\"reason\":\""
            + reason
            + "\"}");
  }

  /** The id of the follow-up's open task of a key. */
  private String taskOf(long followUpId, String taskKey) {
    return jdbc.queryForObject(
        "select task_id from open_task where follow_up_id = ? and task_key = ?",
        String.class,
        followUpId,
        taskKey);
  }

  /** When an open task is due. */
  private Instant dueOf(String taskId) {
    return jdbc.queryForObject(
            "select due_at from open_task where task_id = ?", LocalDateTime.class, taskId)
        .toInstant(ZoneOffset.UTC);
  }

  /** The ladder's rungs reached for a follow-up: "stage due-date overdue-by username". */
  private List<String> notices(long followUpId) {
    return jdbc.queryForList(
        "select concat(stage, ' ', due_date, ' ', overdue_by, ' ', username) from escalation_notice"
            + " where follow_up_id = ? order by id",
        String.class,
        followUpId);
  }

  private static String newRef() {
    return "AUD-R" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
  }
}
