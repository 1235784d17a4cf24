package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditSummary;
import org.learningloop.directory.Directory;
import org.learningloop.followup.FollowUps;
import org.learningloop.support.FollowUpApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A background job that fails on every retry of the configured cycle becomes an incident: the
 * administrators are emailed once each however often anyone looks, the incidents page shows it, and
 * a retry after the cause is fixed runs the job and closes the incident. The job is the
 * safeguarding timer of a real follow-up, failing because its delegate's call fails.
 */
@SpringBootTest(
    properties = {
      "learning-loop.demo.data=false",
      "learning-loop.workflow.job-retry-cycle=R2/PT1M",
      "camunda.bpm.process-engine-name=incidents",
      "learning-loop.test.context=incidents"
    })
@AutoConfigureMockMvc
class IncidentTest {

  @MockitoSpyBean AuditLookup audits;
  @MockitoSpyBean FollowUps followUps;

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transaction;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired EngineIncidents incidents;
  @Autowired IncidentAlerts alerts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aJobThatFailsEveryRetryIsAnIncidentAdministratorsAreToldOfOnceAndCanRetry()
      throws Exception {
    FollowUpApi api = new FollowUpApi(mvc, directory, audits, events, transaction);
    String ref = "AUD-INC-" + System.nanoTime() % 1_000_000_000L;
    api.inadequateAudit(ref, LocalDate.now().minusDays(2), AuditSummary.SIGNIFICANT_HARM_RISK);
    Job timer = safeguardingTimer(ref);
    doThrow(new IllegalStateException("Directory unreachable"))
        .when(followUps)
        .escalateSafeguarding(anyLong(), any());

    // R2: two attempts in all, a minute apart. Both fail; then the job stops and an incident opens.
    for (int run = 1; run <= 2; run++) {
      assertThat(incidents.count()).as("no incident before run %s", run).isZero();
      assertThatThrownBy(() -> management.executeJob(timer.getId()))
          .hasMessageContaining("Directory unreachable");
    }
    assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
        .isZero();
    List<EngineIncidents.OpenIncident> open = incidents.open(10);
    assertThat(open)
        .singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.auditRef()).isEqualTo(ref);
              assertThat(incident.process()).isEqualTo(FollowUpProcess.KEY);
              assertThat(incident.message()).contains("Directory unreachable");
              assertThat(incident.retryable()).isTrue();
            });

    // However often it is looked at (two nodes, two sweeps), each administrator gets one email.
    alerts.look();
    alerts.look();
    assertThat(
            jdbc.queryForList(
                "select recipient_email from notification_outbox where template = 'JOB_INCIDENT'",
                String.class))
        .containsExactly("admin@learningloop.example");

    mvc.perform(get("/admin/incidents").with(user("admin").roles("ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(ref)))
        .andExpect(content().string(Matchers.containsString("Directory unreachable")));

    // Fixed: the retry gives the job one more run, which succeeds, and the incident closes.
    doCallRealMethod().when(followUps).escalateSafeguarding(anyLong(), any());
    mvc.perform(
            post("/admin/incidents/" + open.get(0).id() + "/retry")
                .with(user("admin").roles("ADMIN"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeExists("saved"));
    management.executeJob(timer.getId());
    assertThat(incidents.count()).isZero();

    // Retrying what is no longer there says so.
    mvc.perform(
            post("/admin/incidents/" + open.get(0).id() + "/retry")
                .with(user("admin").roles("ADMIN"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("problem", Matchers.containsString("no open incident")));
  }

  private Job safeguardingTimer(String ref) {
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(ref)
            .processDefinitionKey(FollowUpProcess.KEY)
            .singleResult()
            .getId();
    return management
        .createJobQuery()
        .timers()
        .processInstanceId(instance)
        .activityId(FollowUpProcess.Elements.BoundaryEvent_SafeguardingUnconfirmed)
        .singleResult();
  }
}
