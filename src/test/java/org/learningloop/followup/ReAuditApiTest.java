package org.learningloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditBecameInadequate;
import org.learningloop.audit.AuditFacts;
import org.learningloop.audit.AuditNoLongerInadequate;
import org.learningloop.audit.AuditRegraded;
import org.learningloop.audit.AuditSummary;
import org.learningloop.audit.Grade;
import org.learningloop.support.FollowUpScenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The effectiveness re-audit keeps its meaning (issue 19), through the API and the follow-up page
 * as people use them: only another audit of the same practitioner dated after the follow-up closed
 * is linked; a re-audit that cannot happen ends the follow-up with its reason; a repeat Inadequate
 * is flagged on both follow-ups, and cleared on both when moderation lifts it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReAuditApiTest extends FollowUpScenario {

  @Autowired JdbcTemplate jdbc;

  @Test
  void onlyAnotherAuditOfTheSamePractitionerDatedAfterTheClosingDayIsLinked() throws Exception {
    String ref = newRef();
    long id = reAuditDue(ref);
    String path = "/api/follow-ups/" + id + "/re-audit";
    int entries = timeline(id).size();

    String unknown = newRef();
    refused(path, unknown, "There is no audit " + unknown + ": enter the re-audit's reference");
    refused(path, ref, "Enter another audit than " + ref + ": it is the one followed up");
    String otherPractitioner = newRef();
    AuditSummary other = reAuditOf(otherPractitioner, Grade.GOOD);
    doReturn(Optional.of(ofPractitioner(other, directory.findByUsername("pi-officer").get().id())))
        .when(audits)
        .findByRef(otherPractitioner);
    refused(
        path,
        otherPractitioner,
        "Audit "
            + otherPractitioner
            + " is of another practitioner: enter an audit of the same one");
    String sameDay = newRef();
    LocalDate today = LocalDate.now(clock);
    api().audit(sameDay, today, Grade.GOOD);
    refused(
        path,
        sameDay,
        "Audit "
            + sameDay
            + " is dated "
            + today
            + ": a re-audit must be dated after the follow-up closed on "
            + today);
    getAs("auditor", "/api/follow-ups/" + id)
        .andExpect(jsonPath("$.stage").value("RE_AUDIT"))
        .andExpect(jsonPath("$.reAudit.auditRef").doesNotExist());
    assertThat(timeline(id)).as("a refused re-audit writes nothing").hasSize(entries);

    String reAudit = newRef();
    reAuditOf(reAudit, Grade.GOOD);
    postAs("auditor", path, "{\"auditRef\":\"" + reAudit + "\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.stage").value("DONE"))
        .andExpect(jsonPath("$.reAudit.auditRef").value(reAudit))
        .andExpect(jsonPath("$.reAudit.grade").value("GOOD"))
        .andExpect(jsonPath("$.reAudit.repeatInadequate").value(false));
  }

  @Test
  void theFollowUpPageSaysWhyAReAuditIsRefused() throws Exception {
    long id = reAuditDue(newRef());
    String sameDay = newRef();
    api().audit(sameDay, LocalDate.now(clock), Grade.GOOD);

    String html =
        mvc.perform(
                post("/follow-ups/" + id + "/re-audit")
                    .param("auditRef", sameDay)
                    .with(httpBasic("auditor", "demo"))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("There is a problem")
        .contains("href=\"#reaudit-auditRef\"")
        .contains("a re-audit must be dated after the follow-up closed on " + LocalDate.now(clock));
  }

  @Test
  void aReAuditThatCannotHappenEndsTheFollowUpWithItsReason() throws Exception {
    String ref = newRef();
    long id = reAuditDue(ref);
    String path = "/api/follow-ups/" + id + "/re-audit/not-possible";
    assertThat(openTasks(ref)).isEqualTo(1);

    postAs("auditor", path, "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"))
        .andExpect(jsonPath("$.errors[0].message").value("Enter the reason"));
    postAs("auditor", path, "{\"reason\":\"" + "x".repeat(1001) + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message").value("Enter a reason of at most 1000 characters"));
    postAs("pi-officer", path, "{\"reason\":\"Left\"}").andExpect(status().isForbidden());
    postAs("practitioner", path, "{\"reason\":\"Left\"}").andExpect(status().isForbidden());

    postAs("pi-lead", path, "{\"reason\":\"The practitioner left the council in May\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.stage").value("DONE"))
        .andExpect(jsonPath("$.dueDate").doesNotExist())
        .andExpect(jsonPath("$.reAudit.auditRef").doesNotExist())
        .andExpect(
            jsonPath("$.reAudit.notPossible.reason")
                .value("The practitioner left the council in May"))
        .andExpect(jsonPath("$.reAudit.notPossible.by").value("pi-lead"))
        .andExpect(jsonPath("$.reAudit.notPossible.at").exists())
        .andExpect(jsonPath("$.timeline[-1].action").value("RE_AUDIT_NOT_POSSIBLE"))
        .andExpect(jsonPath("$.timeline[-1].actor").value("pi-lead"))
        .andExpect(
            jsonPath("$.timeline[-1].detail")
                .value("Re-audit not possible: The practitioner left the council in May"));

    assertThat(openTasks(ref)).as("the re-audit task left every task list").isZero();
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(ref)
                .processDefinitionKey(org.learningloop.workflow.FollowUpProcess.KEY)
                .count())
        .as("the process finished")
        .isZero();
    getAs("auditor", "/api/tasks?view=team&size=200")
        .andExpect(jsonPath("$.content[?(@.auditRef == '" + ref + "')]").isEmpty());
    postAs("auditor", path, "{\"reason\":\"again\"}").andExpect(status().isConflict());
    String reAudit = newRef();
    reAuditOf(reAudit, Grade.GOOD);
    postAs("auditor", "/api/follow-ups/" + id + "/re-audit", "{\"auditRef\":\"" + reAudit + "\"}")
        .andExpect(status().isConflict());
  }

  @Test
  void thePageRecordsThatTheReAuditCannotHappen() throws Exception {
    long id = reAuditDue(newRef());
    String page = "/follow-ups/" + id;
    assertThat(html(page, "auditor")).contains("Record that the re-audit is not possible");

    assertThat(
            mvc.perform(
                    post(page + "/re-audit/not-possible")
                        .param("reason", "")
                        .with(httpBasic("auditor", "demo"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("href=\"#reauditnotpossible-reason\"")
        .contains("Enter the reason");
    mvc.perform(
            post(page + "/re-audit/not-possible")
                .param("reason", "The practitioner retired")
                .with(httpBasic("auditor", "demo"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(html(page, "auditor"))
        .contains("Not possible: The practitioner retired (recorded by auditor)")
        .doesNotContain("Record that the re-audit is not possible");
  }

  @Test
  void aRepeatInadequateIsFlaggedOnBothFollowUpsAndClearedWhenModerationLiftsIt() throws Exception {
    String ref = newRef();
    long earlier = reAuditDue(ref);
    String reAudit = newRef();
    long later =
        api().inadequateAudit(reAudit, LocalDate.now(clock).plusDays(1), "ASSESSMENT_QUALITY");

    postAs(
            "auditor",
            "/api/follow-ups/" + earlier + "/re-audit",
            "{\"auditRef\":\"" + reAudit + "\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reAudit.grade").value("INADEQUATE"))
        .andExpect(jsonPath("$.reAudit.repeatInadequate").value(true))
        .andExpect(jsonPath("$.reAudit.followUpId").value(later))
        .andExpect(jsonPath("$.timeline[-1].action").value("REPEAT_INADEQUATE"));
    getAs("pi-officer", "/api/follow-ups/" + later)
        .andExpect(jsonPath("$.repeatOf.followUpId").value(earlier))
        .andExpect(jsonPath("$.repeatOf.auditRef").value(ref))
        .andExpect(jsonPath("$.timeline[-1].action").value("REPEAT_INADEQUATE"));
    assertThat(html("/follow-ups/" + earlier, "pi-officer"))
        .contains("id=\"repeat-inadequate-re-audit\"")
        .contains("href=\"/follow-ups/" + later + "\"");
    assertThat(html("/follow-ups/" + later, "practitioner"))
        .as("the practitioner sees both of their follow-ups flagged")
        .contains("id=\"repeat-inadequate-of\"")
        .contains("href=\"/follow-ups/" + earlier + "\"");

    // moderation lifts the re-audit out of Inadequate, announced as the register does
    moderated(reAudit, Grade.REQUIRES_IMPROVEMENT, "The plan was adequate after all");
    getAs("pi-officer", "/api/follow-ups/" + earlier)
        .andExpect(jsonPath("$.reAudit.grade").value("REQUIRES_IMPROVEMENT"))
        .andExpect(jsonPath("$.reAudit.repeatInadequate").value(false))
        .andExpect(jsonPath("$.timeline[-1].action").value("REPEAT_INADEQUATE_CLEARED"));
    getAs("pi-officer", "/api/follow-ups/" + later)
        .andExpect(jsonPath("$.status").value("GRADE_REVISED"))
        .andExpect(jsonPath("$.repeatOf").doesNotExist())
        .andExpect(jsonPath("$.timeline[-1].action").value("REPEAT_INADEQUATE_CLEARED"));
    assertThat(html("/follow-ups/" + earlier, "pi-officer"))
        .doesNotContain("id=\"repeat-inadequate-re-audit\"");
    assertThat(html("/follow-ups/" + later, "pi-officer"))
        .doesNotContain("id=\"repeat-inadequate-of\"");

    // and back down to Inadequate: the re-audit's follow-up reopens, and both are flagged again
    moderated(reAudit, Grade.INADEQUATE, "Risk not assessed after all", "ASSESSMENT_QUALITY");
    getAs("pi-officer", "/api/follow-ups/" + earlier)
        .andExpect(jsonPath("$.reAudit.repeatInadequate").value(true));
    getAs("pi-officer", "/api/follow-ups/" + later)
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.repeatOf.followUpId").value(earlier));
  }

  @Test
  void aReAuditModeratedDownToInadequateLaterIsARepeatToo() throws Exception {
    long earlier = reAuditDue(newRef());
    String reAudit = newRef();
    reAuditOf(reAudit, Grade.REQUIRES_IMPROVEMENT);
    postAs(
            "auditor",
            "/api/follow-ups/" + earlier + "/re-audit",
            "{\"auditRef\":\"" + reAudit + "\"}")
        .andExpect(jsonPath("$.reAudit.repeatInadequate").value(false));

    moderated(reAudit, Grade.INADEQUATE, "Drift in the plan", "PERMANENCE_DRIFT_DELAY");

    long later = api().followUpOf(reAudit);
    getAs("pi-officer", "/api/follow-ups/" + earlier)
        .andExpect(jsonPath("$.reAudit.grade").value("INADEQUATE"))
        .andExpect(jsonPath("$.reAudit.repeatInadequate").value(true))
        .andExpect(jsonPath("$.reAudit.followUpId").value(later));
    getAs("pi-officer", "/api/follow-ups/" + later)
        .andExpect(jsonPath("$.repeatOf.followUpId").value(earlier));
  }

  // ---- helpers ----

  /**
   * As the audit register announces a moderation of a stored audit: the audit's new grade, the
   * opening or ending event first, then {@link AuditRegraded}, in one transaction.
   */
  private void moderated(String ref, Grade grade, String rationale, String... factors) {
    api().audit(ref, LocalDate.now(clock).plusDays(1), grade, factors);
    Object change =
        grade == Grade.INADEQUATE
            ? new AuditBecameInadequate(ref, MODERATOR, rationale)
            : new AuditNoLongerInadequate(ref, grade, MODERATOR, rationale);
    transaction.executeWithoutResult(
        status -> {
          events.publishEvent(change);
          events.publishEvent(new AuditRegraded(ref, grade));
        });
  }

  private void refused(String path, String auditRef, String message) throws Exception {
    postAs("auditor", path, "{\"auditRef\":\"" + auditRef + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(Matchers.endsWith("invalid-request")))
        .andExpect(jsonPath("$.errors[0].field").value("auditRef"))
        .andExpect(jsonPath("$.errors[0].message").value(message));
  }

  private static AuditSummary ofPractitioner(AuditSummary a, Long practitionerId) {
    AuditFacts f = a.facts();
    return new AuditSummary(
        new AuditFacts(
            f.ref(),
            f.auditDate(),
            f.type(),
            f.theme(),
            f.serviceAreaId(),
            f.teamId(),
            practitionerId,
            f.teamManagerId(),
            f.auditorId()),
        a.auditorGrade(),
        a.effectiveGrade(),
        a.moderated(),
        a.factorCodes());
  }

  private List<Object> timeline(long id) throws Exception {
    return read(getAs("pi-lead", "/api/follow-ups/" + id), "$.timeline");
  }

  /** The re-audit tasks of the follow-up in the task lists' read model. */
  private long openTasks(String ref) {
    return jdbc.queryForObject(
        "select count(*) from open_task where audit_ref = ? and task_key = 'Task_ReAuditCase'",
        Long.class,
        ref);
  }

  private String html(String page, String user) throws Exception {
    return mvc.perform(get(page).with(httpBasic(user, "demo")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
