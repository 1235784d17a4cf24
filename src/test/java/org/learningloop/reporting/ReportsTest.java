package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The council's own report, produced from data recorded through the audit register: the API, the reports page, the
 * committee report and its PDF all show its figures. A context without demo audits, so the counts are the seed's.
 */
@SpringBootTest(properties = "learning-loop.demo.data=false")
@AutoConfigureMockMvc
class ReportsTest {

  @Autowired MockMvc mvc;
  @Autowired AuditRegister register;
  @MockitoBean Notifications notifications;

  @BeforeEach
  void seed() {
    SeedAudits.ensureLoaded(register);
  }

  @Test
  void auditSummaryOfDecemberAndJanuaryShowsTheCouncilsFigures() throws Exception {
    mvc.perform(get("/api/reports/audit-summary?from=2023-12&to=2024-01").with(httpBasic("pi-officer", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.from").value("2023-12"))
        .andExpect(jsonPath("$.to").value("2024-01"))
        .andExpect(jsonPath("$.audits").value(35))
        .andExpect(jsonPath("$.moderated").value(14))
        .andExpect(jsonPath("$.moderatedPercent").value(40.0))
        .andExpect(jsonPath("$.gradeChanges.length()").value(1))
        .andExpect(jsonPath("$.gradeChanges[0].from").value("GOOD"))
        .andExpect(jsonPath("$.gradeChanges[0].to").value("REQUIRES_IMPROVEMENT"))
        .andExpect(jsonPath("$.gradeChanges[0].count").value(2))
        .andExpect(jsonPath("$.months.length()").value(2))
        .andExpect(jsonPath("$.months[0].month").value("2023-12"))
        .andExpect(jsonPath("$.months[0].audits").value(20))
        .andExpect(jsonPath("$.months[0].outstanding").value(1))
        .andExpect(jsonPath("$.months[0].good").value(2))
        .andExpect(jsonPath("$.months[0].requiresImprovement").value(15))
        .andExpect(jsonPath("$.months[0].inadequate").value(2))
        .andExpect(jsonPath("$.months[0].inadequatePercent").value(10.0))
        .andExpect(jsonPath("$.months[1].month").value("2024-01"))
        .andExpect(jsonPath("$.months[1].audits").value(15))
        .andExpect(jsonPath("$.months[1].inadequatePercent").value(13.3))
        .andExpect(jsonPath("$.inadequate.count").value(4))
        .andExpect(jsonPath("$.inadequate.percentOfAudits").value(11.4));
  }

  @Test
  void inadequateAnalysisOfJulyToDecemberShowsTheCouncilsFigures() throws Exception {
    mvc.perform(get("/api/reports/audit-summary?from=2023-07&to=2023-12").with(httpBasic("service-manager", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.audits").value(100))
        .andExpect(jsonPath("$.inadequate.count").value(20))
        .andExpect(jsonPath("$.inadequate.percentOfAudits").value(20.0))
        .andExpect(jsonPath("$.inadequate.moderated").value(11))
        .andExpect(jsonPath("$.inadequate.moderatedPercent").value(55.0))
        .andExpect(jsonPath("$.inadequate.downgradedToInadequate.REQUIRES_IMPROVEMENT").value(5))
        .andExpect(jsonPath("$.inadequate.downgradedToInadequate.length()").value(1))
        .andExpect(jsonPath("$.inadequate.factors.PERMANENCE_DRIFT_DELAY").value(14))
        .andExpect(jsonPath("$.inadequate.factors.ASSESSMENT_QUALITY").value(9))
        .andExpect(jsonPath("$.inadequate.factors.SIGNIFICANT_HARM_RISK").value(7))
        .andExpect(jsonPath("$.inadequate.factors.OVERSIGHT_ESCALATION").value(4))
        .andExpect(jsonPath("$.inadequate.factors.length()").value(4));
  }

  @Test
  void twelveMonthsFallFromThirtyFiveToThirteenPercentInadequate() throws Exception {
    mvc.perform(get("/api/reports/audit-summary?from=2023-02&to=2024-01").with(httpBasic("assistant-director", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.months.length()").value(12))
        .andExpect(jsonPath("$.months[0].month").value("2023-02"))
        .andExpect(jsonPath("$.months[0].inadequatePercent").value(35.0))
        .andExpect(jsonPath("$.months[11].month").value("2024-01"))
        .andExpect(jsonPath("$.months[11].inadequatePercent").value(13.3));
  }

  @Test
  void monthsWithoutAuditsAreListedWithZeroes() throws Exception {
    mvc.perform(get("/api/reports/audit-summary?from=2021-01&to=2021-02").with(httpBasic("auditor", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.audits").value(0))
        .andExpect(jsonPath("$.moderatedPercent").value(0.0))
        .andExpect(jsonPath("$.months.length()").value(2))
        .andExpect(jsonPath("$.months[1].audits").value(0))
        .andExpect(jsonPath("$.gradeChanges.length()").value(0))
        .andExpect(jsonPath("$.inadequate.count").value(0));
  }

  @Test
  void badOrReversedOrTooLongPeriodsAreRefusedWithProblemDetails() throws Exception {
    String[][] cases = {
      {"from=2023-13&to=2024-01", "from"},
      {"from=2023-12", "to"},
      {"from=2024-01&to=2023-12", "to"},
      {"from=2022-01&to=2024-01", "to"},
      {"from=December&to=2024-01", "from"},
    };
    for (String[] c : cases) {
      mvc.perform(get("/api/reports/audit-summary?" + c[0]).with(httpBasic("pi-lead", "demo")))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.title").value("Invalid report period"))
          .andExpect(jsonPath("$.errors[0].field").value(c[1]));
    }
    // Exactly 24 months is allowed.
    mvc.perform(get("/api/reports/audit-summary?from=2022-02&to=2024-01").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.months.length()").value(24));
  }

  @Test
  void practitionersAndTeamManagersMayNotReadReports() throws Exception {
    for (String user : new String[] {"practitioner", "team-manager"}) {
      mvc.perform(get("/api/reports/audit-summary?from=2023-12&to=2024-01").with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
      mvc.perform(get("/reports?from=2023-12&to=2024-01").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
      mvc.perform(get("/reports/judgements.csv?from=2023-12&to=2024-01").with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
    }
  }

  @Test
  void dipSamplesAreListedByMonthAndThemeAndLeftOutOfTheJudgements() throws Exception {
    mvc.perform(get("/api/reports/dip-samples?from=2023-12&to=2024-01").with(httpBasic("moderator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(33))
        .andExpect(jsonPath("$.months[0].month").value("2023-12"))
        .andExpect(jsonPath("$.months[0].themes[0].theme").value("Quality of assessments in the Help and Protect teams"))
        .andExpect(jsonPath("$.months[0].themes[0].count").value(16))
        .andExpect(jsonPath("$.months[1].month").value("2024-01"))
        .andExpect(jsonPath("$.months[1].themes[0].theme").value("Impact of the Safer Families Practice Hub"))
        .andExpect(jsonPath("$.months[1].themes[0].count").value(10))
        .andExpect(jsonPath("$.months[1].themes[1].count").value(7));
  }

  @Test
  void reportsPageWritesTheAnalysisAsTheCouncilDoesWithAccessibleCharts() throws Exception {
    String html = page("/reports?from=2023-07&to=2023-12");
    keep("reports-2023-07-to-2023-12.html", html.getBytes(StandardCharsets.UTF_8));
    assertThat(html)
        .contains("20 audits were graded inadequate during July 2023 – December 2023 (20% of all audits undertaken during this period).")
        .contains("Of the 20 graded 'inadequate', 11 were moderated (55%) and 5 of these were graded 'Requires improvement to be good'"
            + " prior to being downgraded to 'Inadequate' following moderation.")
        .contains("For most children, drift and delay in achieving permanence contributed to the inadequate grade.")
        .contains("In 9 out of 20, lack of timely, thorough assessment")
        .contains("In 7 out of 20, risk of significant harm")
        .contains("In 4 out of 20, ineffective IRO/CP oversight")
        .contains("The amount of work graded Inadequate has reduced over the last year (February 2023 35% versus December 2023 10%).");
    // Each chart: an SVG with a title, texts on its bars, and the same figures in a table; never a style attribute.
    assertThat(html).contains("<title id=\"chart-trend-title\">Audit judgements post moderation, January 2023 – December 2023</title>");
    assertThat(html).contains("<title id=\"chart-factors-title\">");
    assertThat(html).contains(">9 of 20</text>").contains(">14 of 20</text>");
    assertThat(html).contains("id=\"table-factors\"").contains("id=\"table-trend\"");
    assertThat(html).doesNotContain("style=").doesNotContain("<script>");
    assertThat(html).contains("/reports/factors.csv?from=2023-07&to=2023-12");
  }

  @Test
  void reportsPageShowsThePeriodsJudgementsAndModeration() throws Exception {
    String html = page("/reports?from=2023-12&to=2024-01");
    assertThat(html)
        .contains("Since the last report, 35 deep dive audits have been completed across Children's Social Care"
            + " (December 2023 and January 2024). 14 of these audits were moderated (40%) which resulted in 2 audits being"
            + " downgraded from 'Good' to 'Requires improvement to be good' following moderation.")
        .contains("Audit judgements December 2023 post moderation")
        .contains("Audit judgements January 2024 post moderation")
        .contains("14 of 35 audits were moderated (40.0%).");
  }

  @Test
  void aWrongPeriodOnThePageIsExplainedNotAnError() throws Exception {
    mvc.perform(get("/reports?from=2024-02&to=2024-01").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Invalid report period")))
        .andExpect(content().string(containsString("is before from")));
  }

  @Test
  void everyTableDownloadsAsRfc4180Csv() throws Exception {
    String csv = mvc.perform(get("/reports/factors.csv?from=2023-07&to=2023-12").with(httpBasic("pi-officer", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(header().string("Content-Disposition", containsString("factors-2023-07-to-2023-12.csv")))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("Contributory factor,Inadequate audits,Out of,Share (%)\r\n");
    assertThat(csv).contains("Drift and delay in achieving permanence,14,20,70.0\r\n");
    assertThat(csv).contains("\"Lack of timely, thorough assessment with family, partners and the child\",9,20,45.0\r\n");

    String judgements = mvc.perform(get("/reports/judgements.csv?from=2023-12&to=2024-01").with(httpBasic("pi-officer", "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(judgements).contains("December 2023,20,1,2,15,2,10.0\r\n").contains("Total,35,");

    for (String table : Reports.TABLE_NAMES) {
      mvc.perform(get("/reports/" + table + ".csv?from=2023-12&to=2024-01").with(httpBasic("pi-officer", "demo")))
          .andExpect(status().isOk());
    }
    mvc.perform(get("/reports/nothing.csv?from=2023-12&to=2024-01").with(httpBasic("pi-officer", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/reports/factors.csv?from=2023-12").with(httpBasic("pi-officer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void committeeReportFollowsTheCouncilsStructure() throws Exception {
    String html = page("/reports/committee?from=2023-12&to=2024-01");
    assertThat(html)
        .contains("Summary of recent audit activity")
        .contains("1. Introduction/Background")
        .contains("(February 2023 35% versus January 2024 13%)")
        .contains("Recent Audit Activity – December 2023 and January 2024")
        .contains("Since the last report, 35 deep dive audits have been completed")
        .contains("14 of these audits were moderated (40%) which resulted in 2 audits being downgraded from 'Good'")
        .contains("Analysis of Inadequate Audits – July 2023 – December 2023")
        .contains("20 audits were graded inadequate during July 2023 – December 2023 (20% of all audits undertaken during this period).")
        .contains("Of the 20 graded 'inadequate', 11 were moderated (55%) and 5 of these were graded 'Requires improvement to be good'")
        .contains("In 9 out of 20,").contains("In 7 out of 20,").contains("In 4 out of 20,")
        .contains("December 2023:")
        .contains("Quality of assessments in the Help and Protect teams – 16 cases sampled.")
        .contains("Impact of the Safer Families Practice Hub – 10 cases sampled.")
        .contains("Quality of assessments in the CWCN and Corporate Parenting teams – 7 cases sampled.");
    assertThat(html).contains("<title id=\"chart-trend-title\">Audit judgements post moderation, February 2023 – January 2024</title>");
    assertThat(html).doesNotContain("style=");
  }

  @Test
  void committeeReportAsPdfCarriesTheFiguresAndCharts() throws Exception {
    byte[] pdf = mvc.perform(get("/reports/committee.pdf?from=2023-12&to=2024-01").with(httpBasic("assistant-director", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andReturn().getResponse().getContentAsByteArray();
    keep("committee-2023-12-to-2024-01.pdf", pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("(February 2023 35% versus January 2024 13%)")
          .contains("35 deep dive audits have been completed")
          .contains("14 of these audits were moderated (40%)")
          .contains("2 audits being downgraded from 'Good' to 'Requires improvement to be good'")
          .contains("20 audits were graded inadequate during July 2023 – December 2023 (20% of all audits undertaken during this period).")
          .contains("11 were moderated (55%) and 5 of these were graded 'Requires improvement to be good'")
          .contains("In 9 out of 20,").contains("In 7 out of 20;".replace(';', ',')).contains("In 4 out of 20,")
          .contains("16 cases sampled");
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      // The charts are drawn (as vectors) into the pages, not dropped: the page content carries their drawing.
      assertThat(pdf.length).isGreaterThan(20_000);
    }
  }

  /** Kept under target/reports for a person to look at; the assertions do not read it. */
  private static void keep(String name, byte[] content) throws java.io.IOException {
    java.nio.file.Path folder = java.nio.file.Path.of("target", "reports");
    java.nio.file.Files.createDirectories(folder);
    java.nio.file.Files.write(folder.resolve(name), content);
  }

  private String page(String path) throws Exception {
    String html = mvc.perform(get(path).with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return HtmlUtils.htmlUnescape(html);
  }
}
