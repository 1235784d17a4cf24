package org.learningloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.reminder.ReminderSweep;
import org.learningloop.support.FollowUpApi;
import org.learningloop.support.MovableClock;
import org.learningloop.support.OutboxReader;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The moderation queue as people meet it, through the API: the sampling rule on an imported month,
 * the moderators' task and its settling, the moderation history, a grade challenge flowing through
 * to a follow-up, and an overdue moderation climbing the escalation ladder.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
@TestPropertySource(
    properties = {"learning-loop.demo.data=false", "camunda.bpm.job-execution.enabled=false"})
class ModerationQueueTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Monday 2 March 2026, 09:00 UTC. */
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  static final String AUDITOR = "auditor@learningloop.example";
  static final String OTHER_AUDITOR = "second.auditor@learningloop.example";

  @Autowired MockMvc mvc;
  @Autowired MovableClock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReminderSweep sweep;
  @Autowired ModerationQueue queue;

  @BeforeEach
  void startOfTheMonth() {
    clock.moveTo(START);
  }

  @AfterAll
  static void releaseTheEnginesClock() {
    MovableClock.release();
  }

  @Test
  void aMonthsQueueHoldsExactlyWhatTheRuleSelects() throws Exception {
    String p = TestAudits.uniqueRef("S");
    StringBuilder file = new StringBuilder(TestAudits.CSV_HEADER);
    // January 2026. The first auditor: one Inadequate, one Outstanding and eight others; the
    // second: four others, one of them moderated already.
    file.append(line(p + "-I", "2026-01-05", AUDITOR, "INADEQUATE", "PLANNING"));
    file.append(line(p + "-O", "2026-01-06", AUDITOR, "OUTSTANDING", ""));
    for (int i = 1; i <= 8; i++) {
      file.append(
          line(
              p + "-A" + i,
              "2026-01-" + (10 + i),
              AUDITOR,
              i % 2 == 0 ? "GOOD" : "REQUIRES_IMPROVEMENT",
              ""));
    }
    for (int i = 1; i <= 3; i++) {
      file.append(line(p + "-B" + i, "2026-01-2" + i, OTHER_AUDITOR, "GOOD", ""));
    }
    file.append(
        line(p + "-B4", "2026-01-26", OTHER_AUDITOR, "GOOD", "")
            .replace(
                ",GOOD,,,,,",
                ",GOOD,moderator@learningloop.example,2026-01-28,REQUIRES_IMPROVEMENT,"
                    + "Plan lacks timescales,"));
    importAs("moderator", file.toString()).andExpect(status().isOk());

    // Recorded: the Inadequate and the Outstanding wait at once, due in ten working days.
    Map<String, String> waiting = queued(p);
    assertThat(waiting).containsOnlyKeys(p + "-I", p + "-O");
    assertThat(waiting.values()).containsOnly("GRADE");
    String due =
        FollowUpApi.read(
            api("moderator", "GET", "/api/audits/" + p + "-O", null),
            "$.moderationQueue[0].dueDate");
    assertThat(due).isEqualTo("2026-03-16");

    // The month has ended: drawn, it selects both and the random share of each auditor's others,
    // rounded up: 2 of the first auditor's 8 (20 %) and 1 of the second's 4.
    String draw = "{\"month\":\"2026-01\"}";
    api("pi-lead", "POST", "/api/moderation-queue/draws", draw)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.audits").value(14))
        .andExpect(jsonPath("$.selected").value(5))
        .andExpect(jsonPath("$.added").value(3));
    Map<String, String> selected = selected(p);
    assertThat(selected).hasSize(5);
    assertThat(selected.keySet().stream().filter(r -> r.startsWith(p + "-A")).count()).isEqualTo(2);
    assertThat(selected.keySet().stream().filter(r -> r.startsWith(p + "-B")).count()).isEqualTo(1);
    assertThat(selected.values().stream().filter("RANDOM_SHARE"::equals).count()).isEqualTo(3);

    // Drawn again: the same selection, nothing added.
    api("moderator", "POST", "/api/moderation-queue/draws", draw)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.selected").value(5))
        .andExpect(jsonPath("$.added").value(0));
    assertThat(selected(p)).isEqualTo(selected);

    // "In the queue" on the audit list is what waits; "unmoderated" leaves out the moderated one.
    List<String> inQueue =
        refs(
            api(
                "moderator",
                "GET",
                "/api/audits?from=2026-01&to=2026-01&moderation=QUEUED&size=200",
                null),
            p);
    assertThat(inQueue).containsExactlyInAnyOrderElementsOf(queued(p).keySet());
    assertThat(
            refs(
                api(
                    "moderator",
                    "GET",
                    "/api/audits?from=2026-01&to=2026-01&moderation=UNMODERATED&size=200",
                    null),
                p))
        .hasSize(13)
        .doesNotContain(p + "-B4");

    // A month that has not ended cannot be drawn; neither can something that is not a month.
    api("moderator", "POST", "/api/moderation-queue/draws", "{\"month\":\"2026-03\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("month"));
    api("moderator", "POST", "/api/moderation-queue/draws", "{\"month\":\"March\"}")
        .andExpect(status().isBadRequest());
    api("auditor", "POST", "/api/moderation-queue/draws", draw).andExpect(status().isForbidden());
  }

  @Test
  void moderatingSettlesTheTaskAndEveryModerationIsKept() throws Exception {
    String ref = TestAudits.uniqueRef("H");
    String file = TestAudits.CSV_HEADER + line(ref, "2026-02-20", AUDITOR, "OUTSTANDING", "");
    importAs("auditor", file).andExpect(status().isOk());
    assertThat(openTasks("moderator", ref)).as("in the moderators' queue").hasSize(1);

    api(
            "moderator",
            "PUT",
            "/api/audits/" + ref + "/moderation",
            "{\"date\":\"2026-03-02\",\"grade\":\"GOOD\",\"rationale\":\"Plan not yet outstanding\","
                + "\"factors\":[\"PLANNING\"]}")
        .andExpect(status().isOk());
    assertThat(openTasks("moderator", ref)).as("settled: the task is done").isEmpty();
    api("moderator", "GET", "/api/audits/" + ref, null)
        .andExpect(jsonPath("$.moderationQueue[0].status").value("MODERATED"))
        .andExpect(jsonPath("$.moderations.length()").value(1))
        .andExpect(jsonPath("$.factors[0]").value("PLANNING"))
        .andExpect(jsonPath("$.auditorFactors.length()").value(0));

    // A second moderation keeps the first; it is the effective grade; the first's factors stay.
    clock.moveTo(START.plusSeconds(86_400));
    api(
            "moderator",
            "PUT",
            "/api/audits/" + ref + "/moderation",
            "{\"date\":\"2026-03-03\",\"grade\":\"REQUIRES_IMPROVEMENT\","
                + "\"rationale\":\"Recording not up to date either\"}")
        .andExpect(status().isOk());
    api("moderator", "GET", "/api/audits/" + ref, null)
        .andExpect(jsonPath("$.effectiveGrade").value("REQUIRES_IMPROVEMENT"))
        .andExpect(jsonPath("$.moderations.length()").value(2))
        .andExpect(jsonPath("$.moderations[0].grade").value("GOOD"))
        .andExpect(jsonPath("$.moderations[0].previousGrade").value("OUTSTANDING"))
        .andExpect(jsonPath("$.moderations[0].factors[0]").value("PLANNING"))
        .andExpect(jsonPath("$.moderations[1].grade").value("REQUIRES_IMPROVEMENT"))
        .andExpect(jsonPath("$.moderations[1].previousGrade").value("GOOD"))
        .andExpect(jsonPath("$.factors[0]").value("PLANNING"));

    // The original file again, now with the first moderation in it: it is in the history
    // already, so nothing changes and the latest stays.
    String withFirst =
        TestAudits.CSV_HEADER
            + line(ref, "2026-02-20", AUDITOR, "OUTSTANDING", "")
                .replace(
                    ",OUTSTANDING,,,,,",
                    ",OUTSTANDING,moderator@learningloop.example,2026-03-02,GOOD,"
                        + "Plan not yet outstanding,");
    importAs("moderator", withFirst)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unchanged").value(1));
    api("moderator", "GET", "/api/audits/" + ref, null)
        .andExpect(jsonPath("$.effectiveGrade").value("REQUIRES_IMPROVEMENT"))
        .andExpect(jsonPath("$.moderations.length()").value(2));
  }

  @Test
  void aChallengedGradeIsReviewedAndOpensAFollowUp() throws Exception {
    String ref = TestAudits.uniqueRef("C");
    importAs("auditor", TestAudits.CSV_HEADER + line(ref, "2026-02-27", AUDITOR, "GOOD", ""))
        .andExpect(status().isOk());
    String challenge = "/api/audits/" + ref + "/challenges";
    String reasons = "{\"reasons\":\"The safety plan was not reviewed after the last visit.\"}";

    api("auditor", "POST", challenge, reasons).andExpect(status().isNotFound());
    api("practitioner", "POST", challenge, "{\"reasons\":\"  \"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reasons"));
    api("practitioner", "POST", challenge, reasons)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.moderationQueue[0].reason").value("CHALLENGE"))
        .andExpect(jsonPath("$.moderationQueue[0].status").value("QUEUED"))
        .andExpect(jsonPath("$.moderationQueue[0].dueDate").value("2026-03-09"));
    api("team-manager", "POST", challenge, reasons).andExpect(status().isConflict());
    assertThat(openTasks("moderator", ref)).hasSize(1);

    // Reviewed: Inadequate. The follow-up opens and the practitioner is told the outcome.
    api(
            "moderator",
            "PUT",
            "/api/audits/" + ref + "/moderation",
            "{\"date\":\"2026-03-02\",\"grade\":\"INADEQUATE\",\"rationale\":\"No safety plan\","
                + "\"factors\":[\"SIGNIFICANT_HARM_RISK\"]}")
        .andExpect(status().isOk());
    api("pi-lead", "GET", "/api/follow-ups?auditRef=" + ref, null)
        .andExpect(jsonPath("$.content[0].status").value("OPEN"));
    api("practitioner", "GET", "/api/audits/" + ref, null)
        .andExpect(jsonPath("$.moderationQueue[0].outcome").value("REGRADED"));
    assertThat(challengeDecidedEmailsTo(ref)).containsExactly("practitioner@learningloop.example");
    api("team-manager", "POST", challenge, reasons).andExpect(status().isConflict());

    // Another audit: ten working days after it, the window closes.
    String late = TestAudits.uniqueRef("L");
    importAs("auditor", TestAudits.CSV_HEADER + line(late, "2026-03-02", AUDITOR, "GOOD", ""))
        .andExpect(status().isOk());
    clock.moveTo(Instant.parse("2026-03-16T10:00:00Z")); // the tenth working day after
    api("team-manager", "GET", "/api/audits/" + late, null).andExpect(status().isOk());
    clock.moveTo(Instant.parse("2026-03-17T10:00:00Z"));
    api("team-manager", "POST", "/api/audits/" + late + "/challenges", reasons)
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("challenge-window-closed")));
  }

  @Test
  void aChallengedInadequateGradeLiftedByTheReviewEndsItsFollowUp() throws Exception {
    String ref = TestAudits.uniqueRef("R");
    importAs(
            "auditor",
            TestAudits.CSV_HEADER + line(ref, "2026-02-27", AUDITOR, "INADEQUATE", "RECORDING"))
        .andExpect(status().isOk());
    api("pi-lead", "GET", "/api/follow-ups?auditRef=" + ref, null)
        .andExpect(jsonPath("$.content[0].status").value("OPEN"));
    api(
            "team-manager",
            "POST",
            "/api/audits/" + ref + "/challenges",
            "{\"reasons\":\"The recording was up to date on the day of the audit.\"}")
        .andExpect(status().isCreated());

    api(
            "moderator",
            "PUT",
            "/api/audits/" + ref + "/moderation",
            "{\"date\":\"2026-03-02\",\"grade\":\"REQUIRES_IMPROVEMENT\","
                + "\"rationale\":\"Recording was current; planning still weak\"}")
        .andExpect(status().isOk());

    api("pi-lead", "GET", "/api/follow-ups?auditRef=" + ref, null)
        .andExpect(jsonPath("$.content[0].status").value("GRADE_REVISED"));
    api("team-manager", "GET", "/api/audits/" + ref, null)
        .andExpect(jsonPath("$.effectiveGrade").value("REQUIRES_IMPROVEMENT"))
        .andExpect(
            jsonPath("$.moderationQueue[?(@.reason == 'CHALLENGE')].outcome").value("REGRADED"))
        .andExpect(jsonPath("$.moderationQueue[?(@.reason == 'GRADE')].status").value("MODERATED"));
    assertThat(challengeDecidedEmailsTo(ref)).containsExactly("team-manager@learningloop.example");
  }

  @Test
  void theScheduleDrawsTheMonthBeforeOnItsDrawDayOnce() throws Exception {
    String ref = TestAudits.uniqueRef("D");
    clock.moveTo(Instant.parse("2026-04-16T09:00:00Z"));
    importAs("auditor", TestAudits.CSV_HEADER + line(ref, "2026-04-15", AUDITOR, "GOOD", ""))
        .andExpect(status().isOk());

    // The last day of April: March is drawn if nobody drew it, and April has not ended.
    clock.moveTo(Instant.parse("2026-04-30T16:00:00Z"));
    queue.drawIfDue();
    assertThat(queue.drawIfDue()).as("April has not ended").isEmpty();
    // Friday 1 May 2026, the first working day of May: April is drawn, once.
    clock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
    assertThat(queue.drawIfDue())
        .hasValueSatisfying(
            draw -> {
              assertThat(draw.month()).isEqualTo("2026-04");
              assertThat(draw.added()).isEqualTo(1);
            });
    assertThat(queue.drawIfDue()).as("drawn already").isEmpty();
    assertThat(selected(ref)).containsEntry(ref, "RANDOM_SHARE");
  }

  @Test
  void anOverdueModerationClimbsTheEscalationLadder() throws Exception {
    String ref = TestAudits.uniqueRef("E");
    importAs("auditor", TestAudits.CSV_HEADER + line(ref, "2026-02-23", AUDITOR, "OUTSTANDING", ""))
        .andExpect(status().isOk());
    long request =
        jdbc.queryForObject(
            "select id from moderation_request where audit_ref = ?", Long.class, ref);

    // Two working days before, the moderators' daily digest counts it among what is due soon.
    sweep.digest(Instant.parse("2026-03-12T09:00:00Z"));
    assertThat(
            jdbc.queryForList(
                "select recipient_email from notification_outbox where template = 'REMINDER_DIGEST'"
                    + " and notification_key = 'digest:moderator:2026-03-12'",
                String.class))
        .containsExactly("moderator@learningloop.example");

    // Due Monday 16 March, end of the working day: nobody is told before.
    sweep.escalate(Instant.parse("2026-03-16T16:59:00Z"));
    assertThat(toldAbout(request)).isEmpty();
    sweep.escalate(Instant.parse("2026-03-16T17:00:00Z"));
    assertThat(toldAbout(request))
        .as("nobody has taken it: every moderator, and the PI leads")
        .containsOnlyKeys("moderator", "pi-lead")
        .containsValues("0");
    // Three working days overdue: the Service Manager of the audit's service area; five: the
    // Assistant Director.
    sweep.escalate(Instant.parse("2026-03-19T17:00:00Z"));
    assertThat(toldAbout(request)).containsEntry("service-manager", "3");
    sweep.escalate(Instant.parse("2026-03-23T17:00:00Z"));
    assertThat(toldAbout(request)).containsEntry("assistant-director", "5");
    assertThat(
            jdbc.queryForList(
                "select distinct stage from escalation_notice where moderation_request_id = ?",
                String.class,
                request))
        .containsExactly("MODERATION");
  }

  /** To whom the "challenge decided" email about the audit went. */
  private List<String> challengeDecidedEmailsTo(String ref) {
    return OutboxReader.recipients(jdbc, "GRADE_CHALLENGE_DECIDED", ref);
  }

  private Map<String, String> toldAbout(long request) {
    return jdbc
        .queryForList(
            "select username, overdue_by from escalation_notice where moderation_request_id = ?",
            request)
        .stream()
        .collect(
            Collectors.toMap(
                r -> (String) r.get("username"), r -> r.get("overdue_by").toString(), (a, b) -> a));
  }

  /** One CSV line of an audit by the given auditor in Help and Protect Team 1. */
  private static String line(
      String ref, String date, String auditor, String grade, String factors) {
    return TestAudits.demoPractitionerCsvLine(ref, date, grade, factors).replace(AUDITOR, auditor);
  }

  private ResultActions importAs(String user, String csv) throws Exception {
    return mvc.perform(
        post("/api/audits/import")
            .with(httpBasic(user, "demo"))
            .contentType("text/csv")
            .content(csv));
  }

  private ResultActions api(String user, String method, String path, String json) throws Exception {
    return FollowUpApi.as(mvc, user, method, path, json);
  }

  /** The audits of this test waiting in the queue, by ref, with why. */
  private Map<String, String> queued(String prefix) throws Exception {
    String body =
        api("moderator", "GET", "/api/moderation-queue?size=200", null)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Map<String, Object>> items = JsonPath.read(body, "$.items");
    return items.stream()
        .filter(i -> ((String) i.get("auditRef")).startsWith(prefix))
        .collect(Collectors.toMap(i -> (String) i.get("auditRef"), i -> (String) i.get("reason")));
  }

  /** Every audit of this test the rule selected (queued or already moderated), with why. */
  private Map<String, String> selected(String prefix) {
    return jdbc
        .queryForList(
            "select audit_ref, reason from moderation_request where audit_ref like ?", prefix + "%")
        .stream()
        .collect(Collectors.toMap(r -> (String) r.get("audit_ref"), r -> (String) r.get("reason")));
  }

  private static List<String> refs(ResultActions result, String prefix) throws Exception {
    List<String> refs =
        JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.items[*].ref");
    return refs.stream().filter(r -> r.startsWith(prefix)).toList();
  }

  private List<String> openTasks(String user, String ref) throws Exception {
    String body =
        api(user, "GET", "/api/tasks?view=team&size=200", null)
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> refs = JsonPath.read(body, "$.content[*].auditRef");
    return refs.stream().filter(ref::equals).toList();
  }

  @SuppressWarnings("unused")
  private static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, LONDON);
  }
}
