package org.learningloop.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.security.RetentionProperties;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The retention purge really purges: a follow-up ended longer ago than the retention period is
 * deleted and its audit loses its child reference, one ended more recently stays; the purge runs on
 * its schedule, and administrators see each run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class RetentionPurgeTest {

  @Autowired MockMvc mvc;
  @Autowired AuditRegister register;
  @Autowired RetentionPurge purge;
  @Autowired RetentionProperties retention;
  @Autowired Clock clock;
  @Autowired List<ScheduledTaskHolder> scheduled;

  private long withdrawnFollowUp(String ref) throws Exception {
    String found =
        mvc.perform(
                get("/api/follow-ups").param("auditRef", ref).with(httpBasic("pi-lead", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = JsonPath.<Number>read(found, "$.content[0].id").longValue();
    mvc.perform(
            post("/api/follow-ups/" + id + "/withdraw")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Audited in error\"}")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("WITHDRAWN"));
    return id;
  }

  @Test
  void aFollowUpEndedLongerAgoThanTheRetentionPeriodIsDeletedWithItsAuditsChildReference()
      throws Exception {
    String ref =
        TestAudits.inadequate(register, LocalDate.now(clock), "RETAIN", List.of("PLANNING"));
    long id = withdrawnFollowUp(ref);

    // Today nothing of it is due: it ended just now.
    RetentionRun today = purge.run(clock.instant());
    mvc.perform(get("/api/follow-ups/" + id).with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk());
    assertThat(today.followUpsPurged()).isZero();

    Instant afterRetention =
        clock
            .instant()
            .atZone(clock.getZone())
            .plus(retention.closedFollowUps())
            .plus(Period.ofDays(1))
            .toInstant();
    RetentionRun later = purge.run(afterRetention);

    assertThat(later.followUpsPurged()).isPositive();
    assertThat(later.auditsCleared()).isPositive();
    mvc.perform(get("/api/follow-ups/" + id).with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/audits/" + ref).with(httpBasic("auditor", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.childRef").value("REMOVED"))
        .andExpect(jsonPath("$.auditorGrade").value("INADEQUATE"));

    // Administrators see the run and what it removed.
    mvc.perform(get("/admin/retention").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString(">" + later.followUpsPurged() + "</td>")));
    mvc.perform(get("/admin/retention").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isForbidden());
  }

  @Test
  void thePurgeRunsOnItsSchedule() {
    assertThat(scheduled)
        .flatExtracting(holder -> List.copyOf(holder.getScheduledTasks()))
        .extracting(task -> task.getTask())
        .filteredOn(task -> task instanceof CronTask)
        .filteredOn(task -> task.getRunnable().toString().contains("RetentionPurge.nightly"))
        .singleElement()
        .satisfies(
            task -> assertThat(((CronTask) task).getExpression()).isEqualTo(retention.purgeCron()));
  }
}
