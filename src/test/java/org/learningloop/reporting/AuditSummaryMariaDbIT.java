package org.learningloop.reporting;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.support.MariaDb;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit summary's SQL on MariaDB through Connector/J (YEAR/MONTH grouping, the join to the factors). The
 * database is shared with the other *IT classes (same context), so the seed goes twenty years back, Feb 2003 to Jan
 * 2004, where no other test writes.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"learning-loop.demo.users=true", "learning-loop.mail.drop-folder=target/it-mail"})
@AutoConfigureMockMvc
@ActiveProfiles("mysql")
class AuditSummaryMariaDbIT {

  @Autowired MockMvc mvc;
  @Autowired AuditRegister register;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    MariaDb.register(registry);
  }

  @BeforeEach
  void seed() {
    SeedAudits.ensureLoaded(register, 20);
  }

  @Test
  void decemberAndJanuaryShowTheCouncilsFigures() throws Exception {
    mvc.perform(get("/api/reports/audit-summary?from=2003-12&to=2004-01").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.audits").value(35))
        .andExpect(jsonPath("$.moderated").value(14))
        .andExpect(jsonPath("$.moderatedPercent").value(40.0))
        .andExpect(jsonPath("$.gradeChanges[0].from").value("GOOD"))
        .andExpect(jsonPath("$.gradeChanges[0].to").value("REQUIRES_IMPROVEMENT"))
        .andExpect(jsonPath("$.gradeChanges[0].count").value(2))
        .andExpect(jsonPath("$.months[1].month").value("2004-01"))
        .andExpect(jsonPath("$.months[1].inadequatePercent").value(13.3));
  }

  @Test
  void julyToDecemberShowsTheInadequateAnalysis() throws Exception {
    mvc.perform(get("/api/reports/audit-summary?from=2003-07&to=2003-12").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.audits").value(100))
        .andExpect(jsonPath("$.inadequate.count").value(20))
        .andExpect(jsonPath("$.inadequate.percentOfAudits").value(20.0))
        .andExpect(jsonPath("$.inadequate.moderated").value(11))
        .andExpect(jsonPath("$.inadequate.moderatedPercent").value(55.0))
        .andExpect(jsonPath("$.inadequate.downgradedToInadequate.REQUIRES_IMPROVEMENT").value(5))
        .andExpect(jsonPath("$.inadequate.factors.PERMANENCE_DRIFT_DELAY").value(14))
        .andExpect(jsonPath("$.inadequate.factors.ASSESSMENT_QUALITY").value(9))
        .andExpect(jsonPath("$.inadequate.factors.SIGNIFICANT_HARM_RISK").value(7))
        .andExpect(jsonPath("$.inadequate.factors.OVERSIGHT_ESCALATION").value(4));
  }

  @Test
  void twelveMonthsAndDipSamplesComeOutOfMariaDbToo() throws Exception {
    mvc.perform(get("/api/reports/audit-summary?from=2003-02&to=2004-01").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.months[0].inadequatePercent").value(35.0))
        .andExpect(jsonPath("$.months[11].inadequatePercent").value(13.3));
    mvc.perform(get("/api/reports/dip-samples?from=2003-12&to=2004-01").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(33))
        .andExpect(jsonPath("$.months[0].themes[0].count").value(16));
  }
}
