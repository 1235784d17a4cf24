package org.learningloop.dipsample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.learningloop.reporting.SeedAuditsAccess;
import org.learningloop.reporting.SeedDipSamples;
import org.learningloop.support.MovableClock;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Dip samples and their actions through the REST API on H2, on a clock the test moves: the seed's
 * three dip samples found with their audits, every step of an action and who may take it, bad input
 * as problem details with nothing written, and the report's figures. Emails go to a mock to verify.
 */
@SpringBootTest(
    properties = {"learning-loop.demo.data=false", "learning-loop.test.context=dip-samples"})
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
class DipSampleActionApiTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Monday 2 March 2026, 09:00 in London. */
  static final Instant MONDAY = at("2026-03-02T09:00");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @MockitoBean Notifications notifications;

  @Autowired MockMvc mvc;
  @Autowired MovableClock clock;
  @Autowired AuditRegister register;
  @Autowired DipSamples dipSamples;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired org.learningloop.reminder.ReminderSweep sweep;

  @BeforeEach
  void monday() {
    clock.moveTo(MONDAY);
  }

  @AfterAll
  static void releaseTheEnginesClock() {
    MovableClock.release();
  }

  @Test
  void theSeedsDipSamplesAreRecordedAndFindTheirAuditsByThemeMonthAndServiceArea()
      throws Exception {
    SeedAuditsAccess.ensureLoaded(register, 0);
    record("DS-2023-12-HP", SeedDipSamples.DECEMBER_HP, "2023-12", "ASSESSMENTS", 16)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.ref").value("DS-2023-12-HP"))
        .andExpect(jsonPath("$.month").value("2023-12"))
        .andExpect(jsonPath("$.serviceArea").value("Help and Protect"))
        .andExpect(jsonPath("$.unit").value("ASSESSMENTS"))
        .andExpect(jsonPath("$.sampleSize").value(16))
        .andExpect(jsonPath("$.auditor").value("auditor"))
        .andExpect(jsonPath("$.audits").value(16))
        .andExpect(jsonPath("$.actions.set").value(0));
    record("DS-2024-01-SFPH", SeedDipSamples.JANUARY_HUB, "2024-01", "FAMILIES", 10)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.audits").value(10));
    record("DS-2024-01-CWCN", SeedDipSamples.JANUARY_CWCN, "2024-01", "ASSESSMENTS", 7)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.audits").value(7));

    // Month, then theme order.
    getAs("pi-officer", "/api/dip-samples?from=2023-12&to=2024-01")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(3))
        .andExpect(jsonPath("$[0].ref").value("DS-2023-12-HP"))
        .andExpect(jsonPath("$[1].ref").value("DS-2024-01-SFPH"))
        .andExpect(jsonPath("$[1].unit").value("FAMILIES"))
        .andExpect(jsonPath("$[2].ref").value("DS-2024-01-CWCN"));
    getAs("practitioner", "/api/dip-samples/DS-2023-12-HP")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.auditRefs.length()").value(16));

    // The CSV import links a row to the dip sample through its theme column holding the ref.
    String csv =
        TestAudits.CSV_HEADER
            + "DS-CWCN-8,2024-01-30,THEMATIC_DIP_SAMPLE,DS-2024-01-CWCN,Help and Protect,Seed Team,"
            + "practitioner@learningloop.example,,team-manager@learningloop.example,,C-DS-8,"
            + "auditor@learningloop.example,GOOD,,,,,,\n";
    mvc.perform(
            post("/api/audits/import")
                .with(httpBasic("auditor", "demo"))
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(1));
    getAs("auditor", "/api/dip-samples/DS-2024-01-CWCN")
        .andExpect(jsonPath("$.audits").value(8))
        .andExpect(jsonPath("$.auditRefs[7]").value("DS-CWCN-8"));

    // The same ref twice: a conflict, and the first stays as it was.
    record("DS-2023-12-HP", "Another theme", "2024-02", "CASES", 3)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("ref"));
    getAs("auditor", "/api/dip-samples/DS-2023-12-HP")
        .andExpect(jsonPath("$.theme").value(SeedDipSamples.DECEMBER_HP));
    getAs("auditor", "/api/dip-samples/NO-SUCH").andExpect(status().isNotFound());
  }

  @Test
  void badInputIsAProblemNamingEveryFieldAndNothingIsWritten() throws Exception {
    long samples = count("dip_sample");
    long actions = count("action_item");
    long processes = actionProcesses();

    postAs(
            "auditor",
            "/api/dip-samples",
            "{\"sampleSize\":0,\"month\":\"2023-13\",\"teams\":[\"\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[?(@.field == 'ref')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'theme')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'month')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'serviceArea')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'unit')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'sampleSize')]").exists());
    postAs(
            "auditor",
            "/api/dip-samples",
            "{\"ref\":\"DS-BAD\",\"theme\":\"T\",\"month\":\"2024-01\",\"serviceArea\":\"Nowhere\","
                + "\"teams\":[\"No Team\"],\"unit\":\"ASSESSMENTS\",\"sampleSize\":3}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("serviceArea"))
        .andExpect(jsonPath("$.errors[0].message").value("no such service area"));
    postAs(
            "auditor",
            "/api/dip-samples",
            "{\"ref\":\"DS-BAD\",\"theme\":\"T\",\"month\":\"2024-01\",\"serviceArea\":\"Help and Protect\","
                + "\"unit\":\"WIDGETS\",\"sampleSize\":3}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("unit"));
    getAs("auditor", "/api/dip-samples?from=2024-13&to=2024-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    getAs("auditor", "/api/dip-samples?from=2024-02&to=2024-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));

    // An action: every field at fault at once; a due date in the past, or on a weekend.
    postAs(
            "auditor",
            "/api/actions",
            "{\"source\":\"NO-SUCH-REF\",\"ownerType\":\"PRACTITIONER\",\"owner\":\"nobody@learningloop.example\","
                + "\"description\":\"Re-read the assessment\",\"dueDate\":\"2026-02-27\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(containsString("invalid-action")))
        .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
        .andExpect(jsonPath("$.errors[1].field").value("owner"))
        .andExpect(jsonPath("$.errors[2].field").value("source"));
    String dipSample = dipSample();
    postAs(
            "auditor",
            "/api/actions",
            action(dipSample, "PRACTITIONER", "practitioner@learningloop.example", "2026-03-07"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a working day, today or later"));
    postAs("auditor", "/api/actions", action(dipSample, "PARTNER", "IRO service", "2026-03-13"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("contact"));
    postAs("auditor", "/api/actions", action(dipSample, "TEAM", "No Such Team", "2026-03-13"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("no such team"));
    postAs(
            "auditor",
            "/api/actions",
            "{\"source\":\"" + dipSample + "\",\"ownerType\":\"NEIGHBOUR\"}")
        .andExpect(status().isBadRequest());
    getAs("auditor", "/api/actions?page=-1").andExpect(status().isBadRequest());
    getAs("auditor", "/api/actions?status=FINISHED").andExpect(status().isBadRequest());

    assertThat(count("dip_sample")).isEqualTo(samples + 1); // the one made for the actions
    assertThat(count("action_item")).isEqualTo(actions);
    assertThat(actionProcesses()).isEqualTo(processes);
  }

  @Test
  void anActionIsToldCompletedSentBackCompletedAgainAndVerifiedByItsSetter() throws Exception {
    String dipSample = dipSample();
    var set =
        postAs(
                "auditor",
                "/api/actions",
                action(
                    dipSample, "PRACTITIONER", "practitioner@learningloop.example", "2026-03-13"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.source").value(dipSample))
            .andExpect(jsonPath("$.sourceType").value("DIP_SAMPLE"))
            .andExpect(jsonPath("$.status").value("OPEN"))
            .andExpect(jsonPath("$.actor").value("practitioner"))
            .andExpect(jsonPath("$.dueDate").value("2026-03-13"))
            .andExpect(jsonPath("$.overdue").value(false));
    long id = id(set);
    String base = "/api/actions/" + id;
    verify(notifications)
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.ACTION_SET
                        && n.recipientEmail().equals("practitioner@learningloop.example")
                        && n.auditRef().equals(dipSample)
                        && n.linkPath().equals("/actions/" + id)));
    // The owner's task, in the read model the task lists come from, due at the end of the due date.
    assertThat(
            jdbc.queryForList(
                "select assignee from open_task where action_id = ? and task_key = 'Task_CompleteAction'",
                String.class,
                id))
        .containsExactly("practitioner");
    assertThat(
            jdbc.queryForObject(
                "select due_at from open_task where action_id = ?", LocalDateTime.class, id))
        .isEqualTo(LocalDateTime.parse("2026-03-13T17:00:00"));
    getAs("practitioner", "/api/tasks?view=mine")
        .andExpect(jsonPath("$.content[?(@.actionId == " + id + ")].link").value("/actions/" + id));

    // Nobody but the owner records what was done; nobody but the setter or a PI lead verifies.
    postAs("team-manager", base + "/complete", "{\"evidence\":\"Done\"}")
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    postAs("practitioner", base + "/verify", null).andExpect(status().isForbidden());
    postAs("practitioner", base + "/complete", "{\"evidence\":\"\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("evidence"));
    postAs("auditor", base + "/verify", null).andExpect(status().isConflict());

    clock.moveTo(at("2026-03-10T11:00"));
    postAs("practitioner", base + "/complete", "{\"evidence\":\"Re-assessed with the family\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("AWAITING_VERIFICATION"))
        .andExpect(jsonPath("$.evidence").value("Re-assessed with the family"))
        .andExpect(jsonPath("$.verificationDue").value("2026-03-17"));
    verify(notifications)
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.ACTION_COMPLETED
                        && n.recipientEmail().equals("auditor@learningloop.example")));
    assertThat(
            jdbc.queryForList(
                "select assignee from open_task where action_id = ? and task_key = 'Task_VerifyAction'",
                String.class,
                id))
        .containsExactly("auditor");
    postAs("practitioner", base + "/complete", "{\"evidence\":\"Again\"}")
        .andExpect(status().isConflict());
    postAs("pi-officer", base + "/verify", null).andExpect(status().isForbidden());
    postAs("moderator", base + "/verify", null).andExpect(status().isForbidden());

    postAs("auditor", base + "/send-back", "{\"reason\":\"\"}").andExpect(status().isBadRequest());
    postAs("auditor", base + "/send-back", "{\"reason\":\"Say what changed for the child\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.sentBack").value(1))
        .andExpect(jsonPath("$.reason").value("Say what changed for the child"));
    verify(notifications)
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.ACTION_SENT_BACK
                        && n.key().equals("action:" + id + ":owner:1")));

    postAs("practitioner", base + "/complete", "{\"evidence\":\"The plan now says what changed\"}")
        .andExpect(status().isOk());
    postAs("auditor", base + "/verify", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.verifiedBy").value("auditor"))
        .andExpect(jsonPath("$.history.length()").value(5))
        .andExpect(jsonPath("$.history[0].what").value("SET"))
        .andExpect(jsonPath("$.history[4].what").value("VERIFIED"));
    assertThat(count("open_task where action_id = " + id)).isZero();
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("actionId", id).count())
        .isZero();
    postAs("auditor", base + "/cancel", "{\"reason\":\"Too late\"}")
        .andExpect(status().isConflict());

    getAs("auditor", "/api/actions?status=DONE&source=" + dipSample)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content[0].id").value(id))
        .andExpect(jsonPath("$.totalElements").value(1))
        .andExpect(jsonPath("$.page").value(0));
  }

  @Test
  void everyKindOfOwnerActsThroughTheRightPersonAndOnlyTheyAndTheirManagersSeeIt()
      throws Exception {
    String dipSample = dipSample();
    long team =
        id(
            postAs(
                    "pi-lead",
                    "/api/actions",
                    action(dipSample, "TEAM", "Help and Protect Team 1", "2026-03-20"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.owner").value("Help and Protect Team 1"))
                .andExpect(jsonPath("$.actor").value("team-manager")));
    long area =
        id(
            postAs(
                    "auditor",
                    "/api/actions",
                    action(dipSample, "SERVICE_AREA", "help and protect", "2026-03-20"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.owner").value("Help and Protect"))
                .andExpect(jsonPath("$.actor").value("service-manager")));
    long partner =
        id(
            postAs(
                    "auditor",
                    "/api/actions",
                    "{\"source\":\""
                        + dipSample
                        + "\",\"ownerType\":\"PARTNER\",\"owner\":\"IRO service\","
                        + "\"contact\":\"assistant-director@learningloop.example\","
                        + "\"description\":\"Escalation route for drift\",\"dueDate\":\"2026-03-20\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.owner").value("IRO service"))
                .andExpect(jsonPath("$.actor").value("assistant-director")));
    String audit =
        TestAudits.inadequate(
            register, java.time.LocalDate.of(2026, 2, 27), "ACTION", List.of("PLANNING"));
    long onAudit =
        id(
            postAs(
                    "auditor",
                    "/api/actions",
                    action(
                        audit, "TEAM_MANAGER", "team-manager@learningloop.example", "2026-03-20"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sourceType").value("AUDIT")));

    // Only auditors and PI leads set actions.
    for (String user :
        List.of("practitioner", "team-manager", "pi-officer", "moderator", "admin")) {
      postAs(
              user,
              "/api/actions",
              action(dipSample, "TEAM", "Help and Protect Team 1", "2026-03-20"))
          .andExpect(status().isForbidden());
    }
    // Only auditors record dip samples.
    // (A body is read before the role is checked, so it is a valid one.)
    postAs(
            "pi-lead",
            "/api/dip-samples",
            "{\"ref\":\"DS-PI\",\"theme\":\"T\",\"month\":\"2024-01\",\"serviceArea\":\"Help and Protect\","
                + "\"unit\":\"CASES\",\"sampleSize\":3}")
        .andExpect(status().isForbidden());
    getAs("admin", "/api/dip-samples?from=2024-01&to=2024-01").andExpect(status().isForbidden());

    // Who sees what: the practitioner owns none of these; admins see no case data.
    getAs("practitioner", "/api/actions/" + team).andExpect(status().isNotFound());
    getAs("admin", "/api/actions/" + team).andExpect(status().isNotFound());
    getAs("service-manager", "/api/actions/" + team).andExpect(status().isOk()); // their area's
    getAs("team-manager", "/api/actions/" + area).andExpect(status().isNotFound()); // area-wide
    getAs("moderator", "/api/actions/" + partner).andExpect(status().isOk());
    List<Integer> practitioners =
        JsonPath.read(
            getAs("practitioner", "/api/actions?source=" + dipSample)
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.content[*].id");
    assertThat(practitioners).isEmpty();

    // The team's Team Manager completes for the team; a PI lead verifies in the auditor's place.
    postAs(
            "team-manager",
            "/api/actions/" + team + "/complete",
            "{\"evidence\":\"Team session held\"}")
        .andExpect(status().isOk());
    postAs("pi-lead", "/api/actions/" + team + "/verify", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DONE"));
    postAs(
            "assistant-director",
            "/api/actions/" + partner + "/complete",
            "{\"evidence\":\"IRO agreed\"}")
        .andExpect(status().isOk());
    postAs(
            "team-manager",
            "/api/actions/" + onAudit + "/complete",
            "{\"evidence\":\"Supervision\"}")
        .andExpect(status().isOk());

    // Cancelled with a reason, by its setter; its task goes from the lists.
    postAs("auditor", "/api/actions/" + area + "/cancel", "{}").andExpect(status().isBadRequest());
    postAs(
            "auditor",
            "/api/actions/" + area + "/cancel",
            "{\"reason\":\"Covered by the team action\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"))
        .andExpect(jsonPath("$.reason").value("Covered by the team action"));
    assertThat(count("open_task where action_id = " + area)).isZero();
    postAs("service-manager", "/api/actions/" + area + "/complete", "{\"evidence\":\"x\"}")
        .andExpect(status().isConflict());

    getAs("auditor", "/api/actions?source=" + dipSample + "&status=AWAITING_VERIFICATION")
        .andExpect(jsonPath("$.totalElements").value(1))
        .andExpect(jsonPath("$.content[0].id").value(partner));
  }

  @Test
  void theReportCountsEachSeedDipSamplesActionsSetDoneOnTimeOpenAndOverdue() throws Exception {
    SeedAuditsAccess.ensureLoaded(register, 10);
    SeedDipSamples.ensureRecorded(dipSamples, 10);
    String hp = SeedDipSamples.ref(SeedDipSamples.DECEMBER_HP, 10);
    String hub = SeedDipSamples.ref(SeedDipSamples.JANUARY_HUB, 10);
    // Monday 2 March: three actions on the December dip sample due Wednesday 4 March, two on the
    // hub's due Friday 20 March.
    long onTime =
        id(
            postAs(
                "auditor",
                "/api/actions",
                action(hp, "PRACTITIONER", "practitioner@learningloop.example", "2026-03-04")));
    long late =
        id(
            postAs(
                "auditor",
                "/api/actions",
                action(hp, "TEAM", "Help and Protect Team 1", "2026-03-04")));
    id(
        postAs(
            "auditor",
            "/api/actions",
            action(hp, "SERVICE_AREA", "Help and Protect", "2026-03-04")));
    id(
        postAs(
            "auditor",
            "/api/actions",
            action(hub, "TEAM", "Help and Protect Team 1", "2026-03-20")));
    long cancelled =
        id(
            postAs(
                "auditor",
                "/api/actions",
                action(hub, "PRACTITIONER", "practitioner@learningloop.example", "2026-03-20")));

    clock.moveTo(at("2026-03-04T16:00"));
    postAs("practitioner", "/api/actions/" + onTime + "/complete", "{\"evidence\":\"Done\"}")
        .andExpect(status().isOk());
    clock.moveTo(at("2026-03-05T10:00"));
    postAs("team-manager", "/api/actions/" + late + "/complete", "{\"evidence\":\"Done late\"}")
        .andExpect(status().isOk());
    postAs("auditor", "/api/actions/" + onTime + "/verify", null).andExpect(status().isOk());
    postAs("auditor", "/api/actions/" + late + "/verify", null).andExpect(status().isOk());
    postAs("auditor", "/api/actions/" + cancelled + "/cancel", "{\"reason\":\"Duplicate\"}")
        .andExpect(status().isOk());
    clock.moveTo(at("2026-03-06T10:00"));

    getAs("service-manager", "/api/reports/dip-samples?from=2013-12&to=2014-01")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("2013-12"))
        .andExpect(jsonPath("$.dipSamples.length()").value(3))
        .andExpect(jsonPath("$.dipSamples[0].ref").value(hp))
        .andExpect(jsonPath("$.dipSamples[0].theme").value(SeedDipSamples.DECEMBER_HP))
        .andExpect(jsonPath("$.dipSamples[0].month").value("2013-12"))
        .andExpect(jsonPath("$.dipSamples[0].unit").value("ASSESSMENTS"))
        .andExpect(jsonPath("$.dipSamples[0].sampleSize").value(16))
        .andExpect(jsonPath("$.dipSamples[0].actions.set").value(3))
        .andExpect(jsonPath("$.dipSamples[0].actions.done").value(2))
        .andExpect(jsonPath("$.dipSamples[0].actions.doneOnTime").value(1))
        .andExpect(jsonPath("$.dipSamples[0].actions.open").value(1))
        .andExpect(jsonPath("$.dipSamples[0].actions.overdue").value(1))
        .andExpect(jsonPath("$.dipSamples[1].ref").value(hub))
        .andExpect(jsonPath("$.dipSamples[1].unit").value("FAMILIES"))
        .andExpect(jsonPath("$.dipSamples[1].sampleSize").value(10))
        .andExpect(jsonPath("$.dipSamples[1].actions.set").value(2))
        .andExpect(jsonPath("$.dipSamples[1].actions.done").value(0))
        .andExpect(jsonPath("$.dipSamples[1].actions.open").value(1))
        .andExpect(jsonPath("$.dipSamples[1].actions.overdue").value(0))
        .andExpect(jsonPath("$.dipSamples[2].sampleSize").value(7))
        .andExpect(jsonPath("$.dipSamples[2].actions.set").value(0))
        .andExpect(jsonPath("$.actions.set").value(5))
        .andExpect(jsonPath("$.actions.doneOnTime").value(1));

    String committee =
        mvc.perform(
                get("/reports/committee?from=2013-12&to=2014-01")
                    .with(httpBasic("pi-lead", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(committee)
        .contains(
            "December 2013: Quality of assessments in the Help and Protect teams – 16 assessments sampled;"
                + " 3 actions set, 2 done (1 on time), 1 open (1 overdue).")
        .contains(
            "January 2014: Impact of the Safer Families Practice Hub – 10 families sampled; 2 actions set,"
                + " 0 done, 1 open (0 overdue), 1 cancelled.")
        .contains(
            "January 2014: Quality of assessments in the CWCN and Corporate Parenting teams – 7 assessments"
                + " sampled; no actions were set.")
        .contains(
            "2 of the 3 thematic dip samples have actions set by the auditors for follow up: 5 actions set,"
                + " 2 done (1 on time), 2 open (1 overdue), 1 cancelled in all.")
        .contains("Dip-sample actions done on time")
        .contains("50.0% (1 of 2 actions done)")
        .doesNotContain("All thematic dip samples have");

    String csv =
        mvc.perform(
                get("/reports/dip-samples.csv?from=2013-12&to=2014-01")
                    .with(httpBasic("auditor", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv)
        .contains(
            "Month,Reference,Theme,Service area,Unit,Sample size,Audits recorded,Actions set,Done,Done on time,Open,Overdue")
        .contains(
            "December 2013,"
                + hp
                + ",Quality of assessments in the Help and Protect teams,Help and Protect,Assessments,16,16,3,2,1,1,1");
  }

  @Test
  void anOverdueActionClimbsTheEscalationLadderInWorkingDaysAndIsBundled() throws Exception {
    String dipSample = dipSample();
    // Due Wednesday 4 March; nobody is told before the end of it.
    long id =
        id(
            postAs(
                    "auditor",
                    "/api/actions",
                    action(
                        dipSample,
                        "PRACTITIONER",
                        "practitioner@learningloop.example",
                        "2026-03-04"))
                .andExpect(status().isCreated()));
    sweep.escalate(at("2026-03-04T16:59"));
    assertThat(told(id)).isEmpty();

    // 17:00 on the due date: the owner (the task's assignee) and the PI leads, in one bundle each.
    sweep.escalate(at("2026-03-04T17:00"));
    assertThat(told(id)).containsExactly("OWNER_ACTION 0 pi-lead", "OWNER_ACTION 0 practitioner");
    verify(notifications)
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.ESCALATION_BUNDLE
                        && n.recipientEmail().equals("practitioner@learningloop.example")
                        && n.items().stream()
                            .anyMatch(
                                i ->
                                    i.linkPath().equals("/actions/" + id)
                                        && i.auditRef().equals(dipSample)
                                        && i.stage().equals("OWNER_ACTION"))));
    // Three working days over: the Service Manager of the action's service area; five: the
    // Assistant Director. A sweep again changes nothing.
    sweep.escalate(at("2026-03-09T17:00"));
    sweep.escalate(at("2026-03-11T17:00"));
    sweep.escalate(at("2026-03-11T17:05"));
    assertThat(told(id))
        .containsExactly(
            "OWNER_ACTION 0 pi-lead",
            "OWNER_ACTION 0 practitioner",
            "OWNER_ACTION 3 service-manager",
            "OWNER_ACTION 5 assistant-director");
    clock.moveTo(at("2026-03-11T17:05"));
    getAs("auditor", "/api/actions/" + id)
        .andExpect(jsonPath("$.overdue").value(true))
        .andExpect(jsonPath("$.history[?(@.what == 'ESCALATED')]").isNotEmpty());

    // Done at last: its task is gone, so the ladder stops.
    clock.moveTo(at("2026-03-12T09:00"));
    postAs("practitioner", "/api/actions/" + id + "/complete", "{\"evidence\":\"Done\"}")
        .andExpect(status().isOk());
    long notices = told(id).size();
    sweep.escalate(at("2026-03-13T17:00"));
    assertThat(told(id)).hasSize((int) notices);
  }

  /** "<stage> <working days overdue> <username>" of each escalation notice of the action. */
  private List<String> told(long actionId) {
    return jdbc.queryForList(
        "select stage || ' ' || overdue_by || ' ' || username from escalation_notice"
            + " where action_id = ? order by overdue_by, username",
        String.class,
        actionId);
  }

  // ---- helpers ----

  /** A dip sample of February 2026 in Help and Protect, recorded by the demo auditor. */
  private String dipSample() throws Exception {
    String ref = "DS-TEST-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    record(ref, "Planning for children on the edge of care", "2026-02", "CASES", 12)
        .andExpect(status().isCreated());
    return ref;
  }

  private ResultActions record(String ref, String theme, String month, String unit, int size)
      throws Exception {
    return postAs(
        "auditor",
        "/api/dip-samples",
        "{\"ref\":\""
            + ref
            + "\",\"theme\":\""
            + theme
            + "\",\"month\":\""
            + month
            + "\",\"serviceArea\":\"Help and Protect\",\"unit\":\""
            + unit
            + "\",\"sampleSize\":"
            + size
            + ",\"findings\":\"Most practice requires improvement to be good.\"}");
  }

  private static String action(String source, String ownerType, String owner, String due) {
    return "{\"source\":\""
        + source
        + "\",\"ownerType\":\""
        + ownerType
        + "\",\"owner\":\""
        + owner
        + "\",\"description\":\"Refresh the assessment training for the team\",\"dueDate\":\""
        + due
        + "\"}";
  }

  private ResultActions postAs(String user, String path, String json) throws Exception {
    var request = post(path).with(httpBasic(user, "demo")).accept(MediaType.APPLICATION_JSON);
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request);
  }

  private ResultActions getAs(String user, String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic(user, "demo")).accept(MediaType.APPLICATION_JSON));
  }

  private static long id(ResultActions result) throws Exception {
    return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id"))
        .longValue();
  }

  private long count(String table) {
    Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
    return n == null ? 0 : n;
  }

  private long actionProcesses() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("Action").count();
  }

  private static Instant at(String londonTime) {
    return LocalDateTime.parse(londonTime).atZone(LONDON).toInstant();
  }
}
