package org.learningloop.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.learningloop.common.ApplicationClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo story of the embedded default (the same application context as EmbeddedApplicationTest,
 * which starts with demo data): each demo role signs in and finds work on its own pages and in the
 * API, the follow-ups wait at every stage and are overdue at every rung of the ladder, the year's
 * audits have the report's shape, the emails are in the outbox, and writing the story again adds
 * nothing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "learning-loop.test.context=demo-story")
@AutoConfigureMockMvc
class DemoStoryTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoStory story;
  @Autowired ApplicationClock clock;

  @Test
  void theStoryIsWrittenOnceAndTheClocksAreBackToNow() {
    assertThat(story.written()).isTrue();
    assertThat(clock.isHeld()).isFalse();
    assertThat(Math.abs(clock.instant().toEpochMilli() - Instant.now().toEpochMilli()))
        .isLessThan(5_000);
    List<Long> before = counts();

    story.ensurePresent();

    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void thePiOfficerHasTasksOfEveryKindAndTheTeamQueueIsNotEmpty() throws Exception {
    assertThat(taskKeys("pi-officer", "mine"))
        .contains(
            "Task_ScheduleConversation",
            "Task_HoldConversation",
            "Task_VerifySupportCompletion",
            "Task_ProposeClosure");
    assertThat(taskKeys("pi-officer", "overdue")).isNotEmpty();
    assertThat(taskKeys("pi-officer", "team")).contains("Task_AllocateFollowUp");
    page("pi-officer", "/tasks");
  }

  @Test
  void thePiLeadHasASignOffAndTheQueue() throws Exception {
    assertThat(taskKeys("pi-lead", "mine")).contains("Task_SignOffClosure");
    assertThat(taskKeys("pi-lead", "team")).contains("Task_AllocateFollowUp");
    assertThat(api("pi-lead", "/api/dashboard").get("overdue").asInt()).isPositive();
    page("pi-lead", "/dashboard");
  }

  @Test
  void thePractitionerAndTheTeamManagerHaveTheirOwnWork() throws Exception {
    assertThat(taskKeys("practitioner", "mine"))
        .contains("Task_RespondToSupportOffer", "Task_CompleteSupport");
    assertThat(taskKeys("team-manager", "mine"))
        .contains("Task_ConfirmChildSafety", "Task_RespondToSupportOffer");
    assertThat(api("team-manager", "/api/dashboard").get("open").asInt()).isPositive();
    assertThat(page("practitioner", "/my-work")).contains("Accept");
    assertThat(page("team-manager", "/my-work")).contains("Accept");
    // The demo practitioner's conversations booked for the coming days.
    assertThat(
            count(
                "follow_up_conversation c join follow_up f on f.id = c.follow_up_id",
                "c.status = 'SCHEDULED' and c.starts_at > current_timestamp and f.practitioner_id ="
                    + " (select id from staff where username = 'practitioner')"))
        .isPositive();
  }

  @Test
  void theServiceManagerAndTheAssistantDirectorHaveEscalations() throws Exception {
    for (String manager : List.of("service-manager", "assistant-director")) {
      JsonNode dashboard = api(manager, "/api/dashboard");
      assertThat(dashboard.get("overdue").asInt()).as(manager).isPositive();
      assertThat(page(manager, "/dashboard")).contains("Escalate or extend");
      assertThat(
              count("escalation_notice", "username = '" + manager + "' and bundle_key is not null"))
          .as(manager + " was told by the ladder, in a bundle")
          .isPositive();
      assertThat(
              count(
                  "notification_outbox",
                  "template = 'ESCALATION_BUNDLE' and recipient_email = '"
                      + manager
                      + "@learningloop.example'"))
          .as(manager + "'s escalation emails")
          .isPositive();
    }
    // Something is overdue today at each rung: 0, 3 and 5 working days.
    LocalDate today = LocalDate.now(clock);
    List<Integer> rungs =
        jdbc.queryForList(
            "select distinct n.overdue_by from escalation_notice n join follow_up f on f.id ="
                + " n.follow_up_id join open_task t on t.follow_up_id = f.id where f.status = 'OPEN'"
                + " and n.due_date < ?",
            Integer.class,
            today);
    assertThat(rungs).contains(0, 3, 5);
    assertThat(taskKeys("service-manager", "mine"))
        .contains("Task_ConfirmChildSafetyAsServiceManager");
    assertThat(taskKeys("assistant-director", "mine"))
        .contains("Task_ConfirmChildSafetyAsAssistantDirector");
  }

  @Test
  void theAuditorHasAReAuditTheModeratorAuditsAndTheAdminTheEmails() throws Exception {
    assertThat(taskKeys("auditor", "team")).contains("Task_ReAuditCase");
    assertThat(page("auditor", "/audits")).contains("DEMO-");
    assertThat(page("moderator", "/audits")).contains("DEMO-");
    assertThat(count("audit", "ref like 'DEMO-%' and moderated_grade is null")).isPositive();
    assertThat(page("admin", "/admin/outbox")).contains("DEMO-");
  }

  @Test
  void followUpsWaitAtEveryStageAndClosedOnesHaveReAuditGrades() {
    assertThat(stages())
        .contains(
            "OPEN/ALLOCATION",
            "OPEN/CONVERSATIONS",
            "OPEN/CLOSURE",
            "OPEN/SIGN_OFF",
            "CLOSED/AWAITING_RE_AUDIT",
            "CLOSED/RE_AUDIT",
            "CLOSED/DONE",
            "GRADE_REVISED/ENDED",
            "WITHDRAWN/ENDED");
    assertThat(
            count("follow_up", "status = 'CLOSED' and stage = 'DONE' and re_audit_grade is null"))
        .isZero();
    assertThat(
            count(
                "follow_up",
                "stage = 'DONE' and re_audit_grade in ('GOOD', 'REQUIRES_IMPROVEMENT')"))
        .isGreaterThanOrEqualTo(5);
    assertThat(
            jdbc.queryForList(
                "select distinct status from follow_up_conversation where follow_up_id in"
                    + " (select id from follow_up where audit_ref like 'DEMO-%')",
                String.class))
        .contains("SCHEDULED", "HELD", "NOT_HELD", "CANCELLED");
    assertThat(
            jdbc.queryForList(
                "select distinct state from support_item where follow_up_id in"
                    + " (select id from follow_up where audit_ref like 'DEMO-%')",
                String.class))
        .contains("OFFERED", "ACCEPTED", "COMPLETED", "DECLINED");
    assertThat(count("support_item", "state = 'COMPLETED' and verified_at is null")).isPositive();
    assertThat(
            count("follow_up", "significant_harm_risk and safeguarding_confirmed_at is not null"))
        .isPositive();
    assertThat(count("follow_up", "significant_harm_risk and safeguarding_confirmed_at is null"))
        .isPositive();
    assertThat(
            jdbc.queryForList(
                "select distinct action from follow_up_event where follow_up_id in"
                    + " (select id from follow_up where audit_ref like 'DEMO-%')",
                String.class))
        .contains(
            "CONVERSATION_RESCHEDULED",
            "CLOSURE_SENT_BACK",
            "SAFEGUARDING_ESCALATED",
            "ESCALATION_RUNG_REACHED",
            "RE_AUDIT_RECORDED");
  }

  @Test
  void theYearsAuditsHaveTheReportsShape() {
    LocalDate today = LocalDate.now(clock);
    List<Map<String, Object>> months =
        jdbc.queryForList(
            "select year(audit_date) y, month(audit_date) m, count(*) audits,"
                + " sum(case when effective_grade = 'INADEQUATE' then 1 else 0 end) inadequate,"
                + " sum(case when moderated_grade is not null then 1 else 0 end) moderated"
                + " from audit where ref like 'DEMO-%' and audit_type = 'DEEP_DIVE' group by year(audit_date),"
                + " month(audit_date) order by y, m");
    // Twelve months, the current one empty on its first working day before the afternoon.
    assertThat(months).hasSizeBetween(11, 12);
    List<Double> shares = new ArrayList<>();
    long audits = 0;
    long moderated = 0;
    for (Map<String, Object> month : months) {
      long n = ((Number) month.get("AUDITS")).longValue();
      shares.add(((Number) month.get("INADEQUATE")).doubleValue() / n);
      audits += n;
      moderated += ((Number) month.get("MODERATED")).longValue();
    }
    double firstQuarter = (shares.get(0) + shares.get(1) + shares.get(2)) / 3;
    int last = shares.size() - 1;
    double lastQuarter = (shares.get(last - 2) + shares.get(last - 1) + shares.get(last)) / 3;
    assertThat(firstQuarter).as("Inadequate a year ago").isGreaterThan(0.25);
    assertThat(lastQuarter).as("Inadequate lately").isLessThan(0.2);
    assertThat((double) moderated / audits).isBetween(0.3, 0.5);
    assertThat(
            count(
                "audit",
                "ref like 'DEMO-%' and auditor_grade = 'GOOD' and moderated_grade ="
                    + " 'REQUIRES_IMPROVEMENT'"))
        .isPositive();
    assertThat(
            count(
                "audit",
                "ref like 'DEMO-%' and auditor_grade = 'REQUIRES_IMPROVEMENT' and"
                    + " moderated_grade = 'INADEQUATE'"))
        .isPositive();
    assertThat(
            count(
                "audit",
                "ref like 'DEMO-%' and auditor_grade = 'INADEQUATE' and"
                    + " moderated_grade = 'REQUIRES_IMPROVEMENT'"))
        .isPositive();
    assertThat(count("audit", "ref like 'DEMO-%' and audit_date > ?", today)).isZero();
  }

  @Test
  void theYearsEmailsAreInTheOutbox() {
    assertThat(
            jdbc.queryForList(
                "select distinct template from notification_outbox where recipient_email like"
                    + " '%@learningloop.example'",
                String.class))
        .contains(
            "FOLLOW_UP_CREATED",
            "FOLLOW_UP_ALLOCATED",
            "SAFEGUARDING_CHECK_REQUESTED",
            "CONVERSATION_INVITATION",
            "CONVERSATION_CANCELLED",
            "SUPPORT_OFFERED",
            "CLOSURE_PROPOSED",
            "CLOSURE_SENT_BACK",
            "FOLLOW_UP_ENDED",
            "RE_AUDIT_DUE",
            "ESCALATION_BUNDLE");
    assertThat(
            count("notification_outbox", "recipient_email = 'practitioner@learningloop.example'"))
        .isPositive();
  }

  private List<Long> counts() {
    return List.of(
        count("audit", "1 = 1"),
        count("follow_up", "1 = 1"),
        count("follow_up_event", "1 = 1"),
        count("notification_outbox", "1 = 1"),
        count("open_task", "1 = 1"),
        count("escalation_notice", "1 = 1"));
  }

  private List<String> stages() {
    return jdbc.queryForList(
        "select distinct status || '/' || stage from follow_up where audit_ref like 'DEMO-%'",
        String.class);
  }

  private long count(String table, String where, Object... args) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " where " + where, Long.class, args);
  }

  private List<String> taskKeys(String user, String view) throws Exception {
    JsonNode page = api(user, "/api/tasks?view=" + view + "&size=100");
    return StreamSupport.stream(page.get("content").spliterator(), false)
        .map(task -> task.get("taskKey").asText())
        .toList();
  }

  private JsonNode api(String user, String path) throws Exception {
    String body =
        mvc.perform(get(path).with(httpBasic(user, DemoUsers.PASSWORD)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  private String page(String user, String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic(user, DemoUsers.PASSWORD)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
