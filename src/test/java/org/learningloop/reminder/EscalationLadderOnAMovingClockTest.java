package org.learningloop.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditLookup;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.directory.Directory;
import org.learningloop.support.FollowUpApi;
import org.learningloop.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One follow-up's life on a moving clock, through the real process, the real API, the real sweep
 * and the real outbox: the application's clock and the engine's move together ({@link
 * MovableClock}), the engine's due timer jobs run as the job executor would run them, and the sweep
 * runs at 17:00 London time every working day (when the ladder's rungs are reached), as a node
 * would. Who gets an escalation email on which working day is read from the outbox, and the whole
 * list is asserted, so nobody is told before a due date and nobody twice.
 *
 * <p>Spring 2026: Good Friday (3 April), Easter Monday (6 April) and the summer bank holiday (31
 * August) fall inside it; British Summer Time starts on 29 March.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
@TestPropertySource(
    properties = {
      "learning-loop.demo.data=false",
      // Timer jobs are run by the test at the moments the clock passes, as the job executor would.
      "camunda.bpm.job-execution.enabled=false"
    })
class EscalationLadderOnAMovingClockTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String REF = "AUD-2026-0302";

  @MockitoSpyBean AuditLookup audits;

  @Autowired MockMvc mvc;
  @Autowired MovableClock clock;
  @Autowired ReminderSweep sweep;
  @Autowired WorkingDayCalendar calendar;
  @Autowired ManagementService management;
  @Autowired Directory directory;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;
  FollowUpApi api;

  @BeforeEach
  void api() {
    api = new FollowUpApi(mvc, directory, audits, events, transaction);
  }

  @AfterAll
  static void releaseTheEnginesClock() {
    MovableClock.release();
  }

  @Test
  void aFollowUpsLifeEmailsExactlyThePeopleTheLadderNamesOnTheWorkingDaysItNames()
      throws Exception {
    // Monday 2 March 2026, 09:00: the audit is inadequate. Allocation is due Wednesday 4 March.
    // Two more inadequate audits the same morning wait in the queue too.
    at(2026, 3, 2, 9, 0);
    long id = api.inadequateAudit(REF, LocalDate.of(2026, 2, 27));
    String base = "/api/follow-ups/" + id;
    long second = api.inadequateAudit(REF + "-B", LocalDate.of(2026, 2, 27));
    long third = api.inadequateAudit(REF + "-C", LocalDate.of(2026, 2, 27));

    advanceTo(2026, 3, 4, 16, 59);
    assertThat(bundles()).as("nobody is told before the due date").isEmpty();
    advanceTo(2026, 3, 4, 17, 0);
    assertThat(bundles())
        .as("allocation overdue: the PI lead (the task is in the queue, so no assignee)")
        .containsExactly("2026-03-04 pi-lead");
    assertThat(bundleText("pi-lead", "2026-03-04"))
        .as("one email listing all three follow-ups")
        .contains("Audit " + REF + ": allocation to a PI officer")
        .contains("Audit " + REF + "-B: allocation to a PI officer")
        .contains("Audit " + REF + "-C: allocation to a PI officer")
        .contains("due Wednesday 4 March 2026, 0 working days overdue");

    // Thursday 5 March: claimed. The conversations stage is due 20 working days on: Thursday 2
    // April.
    advanceTo(2026, 3, 5, 10, 0);
    api.postAs("pi-officer", base + "/claim", "{\"jointConversation\":false}")
        .andExpect(status().isOk());
    long teamManagerConversation = api.conversation(base, "TEAM_MANAGER");
    long practitionerConversation = api.conversation(base, "PRACTITIONER");

    // Friday 6 March: the Team Manager's conversation is booked for Wednesday 11 March, 10:00. Its
    // start is an appointment; its outcome is due two working days after it ends: Friday 13 March.
    advanceTo(2026, 3, 6, 9, 0);
    schedule(base, teamManagerConversation, "2026-03-11T10:00:00");
    // The two left in the queue reach the Service Manager on Monday 9 March (+3 working days) and
    // the Assistant Director on Wednesday 11 March (+5), one email each listing both; then a PI
    // lead withdraws them.
    advanceTo(2026, 3, 12, 9, 0);
    assertThat(bundles())
        .as("the conversation starting escalates nothing")
        .containsExactly(
            "2026-03-04 pi-lead", "2026-03-09 service-manager", "2026-03-11 assistant-director");
    assertThat(bundleText("service-manager", "2026-03-09"))
        .contains("Audit " + REF + "-B: allocation to a PI officer, due Wednesday 4 March 2026, 3")
        .contains("Audit " + REF + "-C: allocation to a PI officer, due Wednesday 4 March 2026, 3")
        .doesNotContain("Audit " + REF + ":");
    for (long other : List.of(second, third)) {
      api.postAs("pi-lead", "/api/follow-ups/" + other + "/withdraw", "{\"reason\":\"Duplicate\"}")
          .andExpect(status().isOk());
    }

    // Written up late: nothing recorded by Friday 13 March, 17:00.
    advanceTo(2026, 3, 13, 17, 0);
    assertThat(bundles()).hasSize(5).contains("2026-03-13 pi-lead", "2026-03-13 pi-officer");
    assertThat(bundleText("pi-officer", "2026-03-13"))
        .contains(
            "- Audit "
                + REF
                + ": reflective learning conversations, due Friday 13 March 2026, 0 working days"
                + " overdue.")
        .contains("/follow-ups/" + id);

    // Monday 16 March: the digest does not repeat what the bundle said; the outcome is recorded.
    advanceTo(2026, 3, 16, 9, 0);
    assertThat(digest("pi-officer", "2026-03-16"))
        .as("the only overdue task was in Friday's bundle, nothing else is due soon")
        .isNull();
    outcome(base, teamManagerConversation);

    // The practitioner's conversation is not scheduled by Thursday 2 April (the stage's due date).
    advanceTo(2026, 3, 31, 9, 0);
    assertThat(digest("pi-officer", "2026-03-31"))
        .contains("Tasks due in the next few days: 1")
        .contains("Tasks overdue: 0");
    advanceTo(2026, 4, 2, 16, 59);
    assertThat(bundles()).hasSize(5);
    advanceTo(2026, 4, 2, 17, 0);
    assertThat(bundles()).hasSize(7).contains("2026-04-02 pi-lead", "2026-04-02 pi-officer");

    // Scheduled late on Tuesday 7 April (1 working day overdue: Good Friday and Easter Monday are
    // holidays) for Wednesday 8 April; its outcome is due with the stage, already passed.
    advanceTo(2026, 4, 7, 17, 30);
    assertThat(bundles()).as("1 working day overdue: no new rung").hasSize(7);
    schedule(base, practitionerConversation, "2026-04-08T10:00:00");

    // 3 working days overdue, Thursday 9 April: the Service Manager.
    advanceTo(2026, 4, 9, 16, 59);
    assertThat(bundles()).hasSize(7);
    advanceTo(2026, 4, 9, 17, 0);
    assertThat(bundles()).hasSize(8).contains("2026-04-09 service-manager");

    // Friday 10 April: the Service Manager extends the stage to Friday 17 April. The old date's
    // fifth working day (Monday 13 April) passes with no Assistant Director.
    advanceTo(2026, 4, 10, 10, 0);
    api.postAs(
            "service-manager",
            base + "/due-date-extensions",
            "{\"stage\":\"CONVERSATIONS\",\"newDueDate\":\"2026-04-17\","
                + "\"reason\":\"Practitioner on leave over Easter\"}")
        .andExpect(status().isCreated());
    advanceTo(2026, 4, 17, 16, 59);
    assertThat(bundles()).hasSize(8);

    // The extended date is missed: the ladder starts again from it.
    advanceTo(2026, 4, 17, 17, 0);
    assertThat(bundles()).hasSize(10).contains("2026-04-17 pi-lead", "2026-04-17 pi-officer");
    advanceTo(2026, 4, 24, 17, 0);

    // Held at last, closed, signed off: the re-audit falls due three months on, on Monday 27 July,
    // and must be done 20 working days later, Monday 24 August.
    advanceTo(2026, 4, 27, 9, 0);
    outcome(base, practitionerConversation);
    api.postAs("pi-officer", base + "/closure/propose", "{}").andExpect(status().isOk());
    api.postAs("pi-lead", base + "/closure/sign-off", "{}").andExpect(status().isOk());
    advanceTo(2026, 7, 27, 9, 0);
    assertThat(
            jdbc.queryForList(
                "select recipient_email from notification_outbox where template = 'RE_AUDIT_DUE'",
                String.class))
        .containsExactly("auditor@learningloop.example");
    advanceTo(2026, 8, 24, 16, 59);
    assertThat(bundles()).as("the re-audit is not overdue the moment it appears").hasSize(12);
    advanceTo(2026, 9, 2, 9, 0);

    assertThat(bundles())
        .containsExactly(
            "2026-03-04 pi-lead",
            "2026-03-09 service-manager",
            "2026-03-11 assistant-director",
            "2026-03-13 pi-lead",
            "2026-03-13 pi-officer",
            "2026-04-02 pi-lead",
            "2026-04-02 pi-officer",
            "2026-04-09 service-manager",
            "2026-04-17 pi-lead",
            "2026-04-17 pi-officer",
            // +3 working days from Friday 17 April, +5
            "2026-04-22 service-manager",
            "2026-04-24 assistant-director",
            // the re-audit: due Monday 24 August; +3 is Thursday 27 August; +5 skips the summer
            // bank holiday (31 August): Tuesday 1 September
            "2026-08-24 pi-lead",
            "2026-08-27 service-manager",
            "2026-09-01 assistant-director");
    assertThat(timeline(base, "ESCALATION_RUNG_REACHED")).hasSize(10);
    assertThat(timeline(base, "DUE_DATE_EXTENDED"))
        .singleElement()
        .asString()
        .contains("CONVERSATIONS due date moved from 2026-04-02 to 2026-04-17");
  }

  // ---- the clock ----

  private ZonedDateTime now() {
    return clock.instant().atZone(LONDON);
  }

  private void at(int year, int month, int day, int hour, int minute) {
    clock.moveTo(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, LONDON).toInstant());
  }

  /**
   * Moves both clocks on to the given London time, stopping at the end of every working day on the
   * way (17:00, when every rung of the ladder is reached) to run the due timer jobs and sweep, as
   * the job executor and the scheduled sweep would; then sweeps at the time itself.
   */
  private void advanceTo(int year, int month, int day, int hour, int minute) {
    ZonedDateTime target = ZonedDateTime.of(year, month, day, hour, minute, 0, 0, LONDON);
    List<ZonedDateTime> stops = new ArrayList<>();
    for (LocalDate d = now().toLocalDate(); !d.isAfter(target.toLocalDate()); d = d.plusDays(1)) {
      ZonedDateTime stop = ZonedDateTime.of(d, LocalTime.of(17, 0), LONDON);
      if (calendar.isWorkingDay(d) && stop.isAfter(now()) && stop.isBefore(target)) {
        stops.add(stop);
      }
    }
    stops.add(target);
    for (ZonedDateTime stop : stops) {
      clock.moveTo(stop.toInstant());
      runDueJobs();
      sweep.sweep();
    }
  }

  private void runDueJobs() {
    List<Job> due;
    while (!(due = management.createJobQuery().executable().list()).isEmpty()) {
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  // ---- what people were told ----

  /** Every escalation bundle so far, as "date username", in date then name order. */
  private List<String> bundles() {
    return jdbc
        .queryForList(
            "select notification_key from notification_outbox where template = 'ESCALATION_BUNDLE'",
            String.class)
        .stream()
        .map(key -> key.split(":"))
        .map(parts -> parts[2] + " " + parts[1])
        .sorted()
        .toList();
  }

  private String bundleText(String username, String day) {
    return jdbc.queryForObject(
        "select text_body from notification_outbox where notification_key = ?",
        String.class,
        "escalation:" + username + ":" + day);
  }

  private String digest(String username, String day) {
    List<String> found =
        jdbc.queryForList(
            "select text_body from notification_outbox where notification_key = ?",
            String.class,
            "digest:" + username + ":" + day);
    return found.isEmpty() ? null : found.get(0);
  }

  private List<String> timeline(String base, String action) throws Exception {
    return JsonPath.read(
        api.getAs("pi-lead", base).andReturn().getResponse().getContentAsString(),
        "$.timeline[?(@.action == '" + action + "')].detail");
  }

  // ---- the follow-up, through the API ----

  private void schedule(String base, long conversation, String startsAt) throws Exception {
    api.postAs(
            "pi-officer",
            base + "/conversations/" + conversation + "/schedule",
            "{\"startsAt\":\""
                + LocalDateTime.parse(startsAt)
                + "\",\"durationMinutes\":60,\"location\":\"Room 2, County Hall\"}")
        .andExpect(status().isOk());
  }

  private void outcome(String base, long conversation) throws Exception {
    api.postAs(
            "pi-officer",
            base + "/conversations/" + conversation + "/outcome",
            "{\"held\":true,\"notes\":\"Went through the plan\",\"learningPoints\":\"Drift\"}")
        .andExpect(status().isOk());
  }
}
