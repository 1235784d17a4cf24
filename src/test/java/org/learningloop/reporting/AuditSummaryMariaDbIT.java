package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.support.OnMariaDb;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The audit summary's SQL on MariaDB through Connector/J (YEAR/MONTH grouping, the join to the
 * factors), and the follow-up KPIs' (date-times read back as UTC, working days, the support
 * tallies): the same figures as on H2. The database is shared with the other *IT classes (same
 * context), so the seed goes twenty years back, Feb 2003 to Jan 2004, where no other test writes.
 */
@OnMariaDb
class AuditSummaryMariaDbIT {

  @Autowired MockMvc mvc;
  @Autowired AuditRegister register;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingDayCalendar calendar;
  @Autowired org.learningloop.dipsample.DipSamples dipSamples;

  @BeforeEach
  void seed() {
    SeedAudits.ensureLoaded(register, 20);
    SeedDipSamples.ensureRecorded(dipSamples, 20);
    SeedFollowUps.ensureWritten(jdbc, calendar, 20);
  }

  @Test
  void decemberAndJanuaryShowTheCouncilsFigures() throws Exception {
    mvc.perform(
            get("/api/reports/audit-summary?from=2003-12&to=2004-01")
                .with(httpBasic("pi-lead", "demo")))
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
    SeedAudits.expectInadequateAnalysis(
        mvc.perform(
                get("/api/reports/audit-summary?from=2003-07&to=2003-12")
                    .with(httpBasic("pi-lead", "demo")))
            .andExpect(status().isOk()));
  }

  @Test
  void twelveMonthsAndDipSamplesComeOutOfMariaDbToo() throws Exception {
    mvc.perform(
            get("/api/reports/audit-summary?from=2003-02&to=2004-01")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.months[0].inadequatePercent").value(35.0))
        .andExpect(jsonPath("$.months[11].inadequatePercent").value(13.3));
    mvc.perform(
            get("/api/reports/dip-samples?from=2003-12&to=2004-01")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dipSamples[0].ref").value("DS-2003-12-HP"))
        .andExpect(jsonPath("$.dipSamples[0].audits").value(16))
        .andExpect(jsonPath("$.dipSamples[2].audits").value(7));
  }

  /**
   * The figures of {@code ReportsTest}'s follow-up KPIs: {@link SeedFollowUps} counts in working
   * days, whatever the year.
   */
  @Test
  void followUpKpisOfJulyToDecemberAreTheSameAsOnH2() throws Exception {
    ResultActions kpis =
        mvc.perform(
            get("/api/reports/follow-ups?from=2003-07&to=2003-12")
                .with(httpBasic("service-manager", "demo")));
    kpis.andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("2003-07"))
        .andExpect(jsonPath("$.to").value("2003-12"))
        .andExpect(jsonPath("$.asAt").value(LocalDate.now(calendar.zone()).toString()));
    SeedFollowUps.expectFigures(kpis);

    String timeliness =
        mvc.perform(
                get("/reports/follow-up-timeliness.csv?from=2003-07&to=2003-12")
                    .with(httpBasic("pi-officer", "demo")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(timeliness)
        .contains("PI officer allocated (from the follow-up opening),20,1.5,2,18,90.0\r\n")
        .contains("Both conversations held (from allocation),16,12.5,20,10,62.5\r\n")
        .contains("Loop closed (from allocation),12,45.0,60,10,83.3\r\n");
  }

  /**
   * The calibration's grouping (auditor, YEAR/MONTH, both grades) on MariaDB: the seed's December
   * and January moderations are all the demo auditor's: 2 Good→RI, 10 RI→RI, 2 Inadequate→
   * Inadequate. Agreed 12 of 14 (85.7%), 2 down. Linear-weighted kappa by hand, with A = Σ (3 − |i
   * − j|)·n = 3·12 + 2·2 = 40 and B = Σ (3 − |i − j|)·r·c = 2·(2·12 + 1·2) + 10·(3·12 + 2·2) +
   * 2·(2·12 + 3·2) = 52 + 400 + 60 = 512: κ = (14·40 − 512) / (3·14² − 512) = 48 / 76 = 0.632.
   * January holds one moderated audit (fewer than 5), so December, which would give it away, is
   * hidden too.
   */
  @Test
  void theCalibrationComesOutOfMariaDbToo() throws Exception {
    String csv =
        mvc.perform(
                get("/calibration.csv?from=2003-12&to=2004-01").with(httpBasic("pi-lead", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String period = "December 2003 – January 2004";
    assertThat(csv.split("\r\n"))
        .contains(
            "All auditors,All auditors," + period + ",,,14,12,85.7,0,2,0.632",
            "By auditor,Aisha Auditor," + period + ",,,14,12,85.7,0,2,0.632",
            "By month,All auditors,December 2003,,,not shown,,,,,",
            "By month,All auditors,January 2004,,,fewer than 5,,,,,",
            "Grade pairs,All auditors,"
                + period
                + ",Good,Requires improvement to be good,2,0,0.0,0,2,");
  }
}
