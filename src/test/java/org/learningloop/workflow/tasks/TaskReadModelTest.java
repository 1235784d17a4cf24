package org.learningloop.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditSummary;
import org.learningloop.audit.Grade;
import org.learningloop.followup.FollowUpEngine;
import org.learningloop.followup.FollowUpException;
import org.learningloop.notification.Template;
import org.learningloop.support.FollowUpScenario;
import org.learningloop.workflow.FollowUpProcess;
import org.learningloop.workflow.ModerationProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The task read model stays in step with the engine through a whole follow-up, and the task lists
 * serve from it. Timers are fired by executing their jobs, as the job executor would at their due
 * date.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TaskReadModelTest extends FollowUpScenario {

  @Autowired TaskService engineTasks;
  @Autowired OpenTasks openTasks;
  @Autowired FollowUpEngine engine;

  @Test
  void theReadModelFollowsTheEngineThroughTheWholeLoop() throws Exception {
    String ref = newRef();
    long id = inadequateAudit(ref, AuditSummary.SIGNIFICANT_HARM_RISK);
    String base = "/api/follow-ups/" + id;
    assertInStep(ref, id);
    assertThat(openTasks.ofFollowUp(id))
        .extracting(TaskView::taskKey)
        .containsExactlyInAnyOrder(
            FollowUpProcess.Elements.Task_AllocateFollowUp,
            FollowUpProcess.Elements.Task_ConfirmChildSafety);

    // unconfirmed safety review: the timer escalates to the Service Manager of the audit's service
    // area
    fireTimer(ref);
    assertInStep(ref, id);
    assertThat(openTasks.ofFollowUp(id))
        .filteredOn(
            t ->
                t.taskKey()
                    .equals(FollowUpProcess.Elements.Task_ConfirmChildSafetyAsServiceManager))
        .extracting(TaskView::assignee)
        .containsExactly("service-manager");
    verify(notifications)
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.ESCALATION
                        && n.details().get(Template.Detail.STAGE).equals("SAFEGUARDING_CHECK")
                        && n.recipientEmail().equals("service-manager@learningloop.example")));
    getAs("service-manager", "/api/tasks?view=mine")
        .andExpect(
            jsonPath("$.content[?(@.auditRef == '" + ref + "')].taskKey")
                .value(
                    org.hamcrest.Matchers.contains(
                        FollowUpProcess.Elements.Task_ConfirmChildSafetyAsServiceManager)));
    postAs("service-manager", base + "/safeguarding/confirm", null).andExpect(status().isOk());
    assertInStep(ref, id);

    postAs("pi-officer", base + "/claim", "{\"jointConversation\":true}")
        .andExpect(status().isOk());
    assertInStep(ref, id);
    int conversation =
        ((List<Integer>) read(getAs("pi-officer", base), "$.conversations[*].id")).get(0);
    postAs(
            "pi-officer",
            base + "/conversations/" + conversation + "/schedule",
            schedule(anHourAgo()))
        .andExpect(status().isOk());
    assertInStep(ref, id);
    postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"INDIVIDUAL_COACHING\",\"owner\":\"PRACTITIONER\",\"dueDate\":\""
                + LocalDate.now(clock).plusDays(20)
                + "\"}")
        .andExpect(status().isCreated());
    assertInStep(ref, id);
    getAs("practitioner", "/api/tasks?view=mine")
        .andExpect(
            jsonPath("$.content[?(@.auditRef == '" + ref + "')].link")
                .value(org.hamcrest.Matchers.contains("/follow-ups/" + id)));
    int item = ((List<Integer>) read(getAs("pi-officer", base), "$.supportItems[*].id")).get(0);
    postAs("practitioner", base + "/support-items/" + item + "/accept", null)
        .andExpect(status().isOk());
    postAs("practitioner", base + "/support-items/" + item + "/complete", null)
        .andExpect(status().isOk());
    assertInStep(ref, id);
    postAs("pi-officer", base + "/support-items/" + item + "/verify", null)
        .andExpect(status().isOk());
    postAs(
            "pi-officer",
            base + "/conversations/" + conversation + "/outcome",
            "{\"held\":true,\"notes\":\"n\",\"learningPoints\":\"l\"}")
        .andExpect(status().isOk());
    assertInStep(ref, id);
    postAs("pi-officer", base + "/closure/propose", null).andExpect(status().isOk());
    assertThat(openTasks.ofFollowUp(id))
        .extracting(TaskView::candidateGroup)
        .containsExactly("pi-lead");
    getAs("pi-lead", "/api/tasks?view=team&size=200")
        .andExpect(
            jsonPath("$.content[?(@.auditRef == '" + ref + "')].taskKey")
                .value(
                    org.hamcrest.Matchers.contains(FollowUpProcess.Elements.Task_SignOffClosure)));
    postAs("pi-lead", base + "/closure/sign-off", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"));
    assertThat(openTasks.ofFollowUp(id)).isEmpty();

    // the re-audit period passes
    fireTimer(ref);
    assertInStep(ref, id);
    verify(notifications)
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.RE_AUDIT_DUE
                        && n.recipientEmail().equals("auditor@learningloop.example")));
    getAs("auditor", "/api/tasks?view=team&size=200")
        .andExpect(
            jsonPath("$.content[?(@.auditRef == '" + ref + "')].taskKey")
                .value(org.hamcrest.Matchers.contains(FollowUpProcess.Elements.Task_ReAuditCase)));
    String reAudit = newRef();
    reAuditOf(reAudit, Grade.GOOD);
    postAs("auditor", base + "/re-audit", "{\"auditRef\":\"" + reAudit + "\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stage").value("DONE"))
        .andExpect(jsonPath("$.reAudit.auditRef").value(reAudit))
        .andExpect(jsonPath("$.reAudit.grade").value("GOOD"));
    assertThat(openTasks.ofFollowUp(id)).isEmpty();
    assertInStep(ref, id);
  }

  @Test
  void tasksOfAFollowUpEndedByModerationLeaveTheLists() throws Exception {
    String ref = newRef();
    long id = inadequateAudit(ref);
    postAs("pi-officer", "/api/follow-ups/" + id + "/claim", null).andExpect(status().isOk());
    postAs(
            "pi-officer",
            "/api/follow-ups/" + id + "/support-items",
            "{\"type\":\"TEAM_SESSION\",\"owner\":\"WHOLE_TEAM\",\"dueDate\":\""
                + LocalDate.now(clock).plusDays(20)
                + "\"}")
        .andExpect(status().isCreated());
    assertThat(openTasks.ofFollowUp(id)).hasSize(3);
    postAs("pi-lead", "/api/follow-ups/" + id + "/withdraw", "{\"reason\":\"Entered twice\"}")
        .andExpect(status().isOk());
    assertThat(openTasks.ofFollowUp(id)).isEmpty();
    assertInStep(ref, id);
  }

  @Test
  void aFollowUpReopenedAfterAGradeRevisionRunsOneNewProcessAndTheReadModelFollows()
      throws Exception {
    String ref = newRef();
    long id = inadequateAudit(ref);
    postAs("pi-officer", "/api/follow-ups/" + id + "/claim", null).andExpect(status().isOk());
    assertInStep(ref, id);

    moderatedTo(ref, Grade.REQUIRES_IMPROVEMENT, "Risk was managed");
    assertThat(openTasks.ofFollowUp(id)).isEmpty();
    assertInStep(ref, id);

    moderatedTo(ref, Grade.INADEQUATE, "Risk not managed after all");
    assertInStep(ref, id);
    assertThat(openTasks.ofFollowUp(id))
        .extracting(TaskView::taskKey)
        .containsExactly(FollowUpProcess.Elements.Task_AllocateFollowUp);
    // the new instance runs under the same business key (the audit ref); the ended one no longer
    // runs
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(FollowUpProcess.KEY)
                .processInstanceBusinessKey(ref)
                .count())
        .isEqualTo(1);
    // a second start while it runs is refused
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    s ->
                        engine.start(
                            new FollowUpEngine.Start(
                                id, ref, clock.instant(), false, null, null, null, null))))
        .isInstanceOf(FollowUpException.class);

    postAs("pi-officer", "/api/follow-ups/" + id + "/claim", null).andExpect(status().isOk());
    assertInStep(ref, id);
    assertThat(openTasks.ofFollowUp(id))
        .extracting(TaskView::taskKey)
        .containsExactlyInAnyOrder(
            org.learningloop.workflow.ReflectiveConversationProcess.Elements
                .Task_ScheduleConversation,
            org.learningloop.workflow.ReflectiveConversationProcess.Elements
                .Task_ScheduleConversation);
  }

  @Test
  void nImportedInadequateAuditsAreNOpenFollowUpsInTheTeamQueue() throws Exception {
    int before = read(getAs("pi-officer", "/api/tasks?view=team&size=1"), "$.totalElements");
    int openBefore =
        read(getAs("pi-officer", "/api/follow-ups?status=OPEN&size=1"), "$.totalElements");
    for (int i = 0; i < 5; i++) {
      inadequateAudit(newRef());
    }
    getAs("pi-officer", "/api/tasks?view=team&size=2")
        .andExpect(jsonPath("$.totalElements").value(before + 5))
        .andExpect(jsonPath("$.content.length()").value(2));
    getAs("pi-officer", "/api/follow-ups?status=OPEN&size=1")
        .andExpect(jsonPath("$.totalElements").value(openBefore + 5));
    getAs("pi-officer", "/api/tasks?view=due-this-week").andExpect(status().isOk());
    getAs("pi-officer", "/api/tasks?view=overdue").andExpect(jsonPath("$.content").isArray());
  }

  /**
   * Every open engine task of the audit is in the read model with the same key, assignee and due
   * date, and no more.
   */
  private void assertInStep(String ref, long followUpId) {
    // The audit's moderation (an Inadequate audit is always moderated) runs under the same key.
    List<Task> engine =
        engineTasks.createTaskQuery().processInstanceBusinessKey(ref).list().stream()
            .filter(t -> !t.getProcessDefinitionId().startsWith(ModerationProcess.KEY + ":"))
            .toList();
    List<TaskView> model = openTasks.ofFollowUp(followUpId);
    assertThat(model)
        .extracting(TaskView::taskId)
        .containsExactlyInAnyOrderElementsOf(engine.stream().map(Task::getId).toList());
    for (Task task : engine) {
      TaskView row =
          model.stream().filter(r -> r.taskId().equals(task.getId())).findFirst().orElseThrow();
      assertThat(row.taskKey()).isEqualTo(task.getTaskDefinitionKey());
      assertThat(row.assignee()).isEqualTo(task.getAssignee());
      assertThat(row.auditRef()).isEqualTo(ref);
      assertThat(row.dueAt())
          .isEqualTo(task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
  }
}
