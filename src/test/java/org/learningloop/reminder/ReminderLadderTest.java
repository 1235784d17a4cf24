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

    assertThat(notices(id)).isEmpty();
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
    assertThat(notices(id)).as("the old date's ladder is gone").isEmpty();
    sweep.escalate(newDue);
    assertThat(notices(id)).containsExactly("ALLOCATION " + newDate + " 0 pi-lead");
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
    long id = inadequateAudit(newRef());
    postAs("pi-officer", "/api/follow-ups/" + id + "/claim", "{\"jointConversation\":true}")
        .andExpect(status().isOk());
    Instant due =
        jdbc.queryForObject(
                "select due_at from open_task where follow_up_id = ? and task_key = 'Task_ScheduleConversation'",
                LocalDateTime.class,
                id)
            .toInstant(ZoneOffset.UTC);
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

  /** The ladder's rungs reached for a follow-up: "stage due-date overdue-by username". */
  private List<String> notices(long followUpId) {
    return jdbc.queryForList(
        "select concat(stage, ' ', due_date, ' ', overdue_by, ' ', username) from escalation_notice"
            + " where follow_up_id = ? order by id",
        String.class,
        followUpId);
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
    return ((Number) read(getAs("pi-lead", "/api/follow-ups?auditRef=" + ref), "$.id")).longValue();
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
