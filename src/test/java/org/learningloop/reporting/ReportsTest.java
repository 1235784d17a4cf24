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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

/**
 * The council's own report, produced from data recorded through the audit register: the API, the
 * reports page, the committee report and its PDF all show its figures. A context without demo
 * audits, so the counts are the seed's.
 */
class ReportsTest extends SeedScenario {

  @Test
  void followUpKpisOfJulyToDecemberShowThePracticeImprovementTeamsWork() throws Exception {
    ResultActions kpis =
        mvc.perform(
            get("/api/reports/follow-ups?from=2023-07&to=2023-12")
                .with(httpBasic("service-manager", "demo")));
    kpis.andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("2023-07"))
        .andExpect(jsonPath("$.to").value("2023-12"))
        .andExpect(jsonPath("$.asAt").value(LocalDate.now(calendar.zone()).toString()));
    SeedFollowUps.expectFigures(kpis);

    mvc.perform(
            get("/api/reports/follow-ups?from=2023-13&to=2023-12")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            get("/api/reports/follow-ups?from=2023-07&to=2023-12")
                .with(httpBasic("practitioner", "demo")))
        .andExpect(status().isForbidden());
  }

  @Test
  void theOpenApiDescriptionDocumentsTheReportEndpoints() throws Exception {
    mvc.perform(get("/v3/api-docs").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/reports/audit-summary'].get").exists())
        .andExpect(
            jsonPath("$.paths['/api/reports/follow-ups'].get.parameters[?(@.name == 'from')]")
                .exists())
        .andExpect(jsonPath("$.paths['/api/reports/follow-ups'].get.responses['400']").exists())
        .andExpect(
            jsonPath("$.components.schemas.FollowUpKpis.properties.closedWithinTargetPercent")
                .exists())
        .andExpect(
            jsonPath("$.components.schemas.FollowUpKpisTimeliness.properties.medianWorkingDays")
                .exists())
        .andExpect(
            jsonPath(
                    "$.paths['/api/reports/audit-summary'].get.responses['200'].content['application/json'].schema['$ref']")
                .value("#/components/schemas/AuditSummaryReport"))
        .andExpect(jsonPath("$.paths['/api/audits/{ref}'].get.responses['200'].content").exists())
        .andExpect(
            jsonPath("$.paths['/api/audits/{ref}/moderation'].put.responses['200'].content")
                .exists());
  }

  @Test
  void reportsPageWritesTheFollowUpAsSentencesChartsAndTables() throws Exception {
    String html = page("/reports?from=2023-07&to=2023-12");
    assertThat(html)
        .contains("Follow-up of inadequate audits: July 2023 – December 2023")
        .contains(
            "21 follow-ups were opened by the Practice Improvement team for audits graded inadequate during July 2023"
                + " – December 2023. As at "
                + asAt()
                + ", 12 are closed (57%) and 8 are open (7 of them overdue); 1 was withdrawn.")
        .contains(
            "A PI officer was allocated in a median of 1.5 working days (target 2, met in 18 of 20); where there was a"
                + " risk of significant harm, the child's safety review was confirmed in a median of 0 working days (target 1,"
                + " met in 3 of 5); both reflective learning conversations were held a median of 12.5 working days after"
                + " allocation (target 20, met in 10 of 16); the loop was closed a median of 45 working days after allocation"
                + " (target 60, met in 10 of 12).")
        .contains(
            "21 support items were offered: refresh of assessment training (8), review of the care planning video (5),"
                + " individual coaching (6) and team session (2). Of these, 15 have been completed (71%), 4 are in progress,"
                + " 1 was declined and 1 was withdrawn.")
        .contains(
            "6 effectiveness re-audits of the same practitioners' work have been graded since the loop was closed:"
                + " 3 Good, 2 Requires improvement to be good and 1 Inadequate.")
        .contains(
            "1 re-audit was graded Inadequate again (a repeat Inadequate): it has a follow-up of its"
                + " own.");
    assertThat(html)
        .contains(
            "<title id=\"chart-follow-ups-title\">Follow-up of inadequate audits, July 2023 – December 2023</title>");
    assertThat(html).contains(">12 of 21</text>").contains(">7 of 21</text>");
    assertThat(html).contains(">12.5 working days (target 20)</text>");
    assertThat(html)
        .contains("id=\"table-follow-up-stages\"")
        .contains("id=\"table-support\"")
        .contains("id=\"table-re-audits\"");

    String support = csv("support", "2023-07", "2023-12");
    assertThat(support)
        .startsWith(
            "Support,Offered,In progress,Completed,Declined,Withdrawn,Completed (% of offered)\r\n")
        .contains("Refresh of assessment training,8,1,6,1,0,75.0\r\n")
        .contains("Total,21,4,15,1,1,71.4\r\n");
    assertThat(csv("follow-up-timeliness", "2023-07", "2023-12"))
        .contains("Both conversations held (from allocation),16,12.5,20,10,62.5\r\n")
        .contains("Loop closed (from allocation),12,45.0,60,10,83.3\r\n");
    assertThat(csv("follow-up-stages", "2023-07", "2023-12"))
        .contains("Support and closure,3,3\r\n");
    assertThat(csv("follow-ups", "2023-07", "2023-12")).contains("Open and overdue,7,33.3\r\n");
    assertThat(csv("re-audits", "2023-07", "2023-12")).contains("Good,3,50.0\r\n");
  }

  @Test
  void auditSummaryOfDecemberAndJanuaryShowsTheCouncilsFigures() throws Exception {
    mvc.perform(
            get("/api/reports/audit-summary?from=2023-12&to=2024-01")
                .with(httpBasic("pi-officer", "demo")))
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
    SeedAudits.expectInadequateAnalysis(
        mvc.perform(
                get("/api/reports/audit-summary?from=2023-07&to=2023-12")
                    .with(httpBasic("service-manager", "demo")))
            .andExpect(status().isOk()));
  }

  @Test
  void twelveMonthsFallFromThirtyFiveToThirteenPercentInadequate() throws Exception {
    mvc.perform(
            get("/api/reports/audit-summary?from=2023-02&to=2024-01")
                .with(httpBasic("assistant-director", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.months.length()").value(12))
        .andExpect(jsonPath("$.months[0].month").value("2023-02"))
        .andExpect(jsonPath("$.months[0].inadequatePercent").value(35.0))
        .andExpect(jsonPath("$.months[11].month").value("2024-01"))
        .andExpect(jsonPath("$.months[11].inadequatePercent").value(13.3));
  }

  @Test
  void monthsWithoutAuditsAreListedWithZeroes() throws Exception {
    mvc.perform(
            get("/api/reports/audit-summary?from=2021-01&to=2021-02")
                .with(httpBasic("auditor", "demo")))
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
    mvc.perform(
            get("/api/reports/audit-summary?from=2022-02&to=2024-01")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.months.length()").value(24));
  }

  @Test
  void practitionersAndTeamManagersMayNotReadReports() throws Exception {
    for (String user : new String[] {"practitioner", "team-manager"}) {
      mvc.perform(
              get("/api/reports/audit-summary?from=2023-12&to=2024-01")
                  .with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
      mvc.perform(get("/reports?from=2023-12&to=2024-01").with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
      mvc.perform(
              get("/reports/judgements.csv?from=2023-12&to=2024-01").with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
    }
  }

  @Test
  void dipSamplesAreListedByMonthAndThemeWithUnitSampleSizeAndActionsAndLeftOutOfTheJudgements()
      throws Exception {
    mvc.perform(
            get("/api/reports/dip-samples?from=2023-12&to=2024-01")
                .with(httpBasic("moderator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dipSamples.length()").value(3))
        .andExpect(jsonPath("$.dipSamples[0].ref").value("DS-2023-12-HP"))
        .andExpect(jsonPath("$.dipSamples[0].month").value("2023-12"))
        .andExpect(
            jsonPath("$.dipSamples[0].theme")
                .value("Quality of assessments in the Help and Protect teams"))
        .andExpect(jsonPath("$.dipSamples[0].unit").value("ASSESSMENTS"))
        .andExpect(jsonPath("$.dipSamples[0].sampleSize").value(16))
        .andExpect(jsonPath("$.dipSamples[0].audits").value(16))
        .andExpect(jsonPath("$.dipSamples[0].actions.set").value(0))
        .andExpect(jsonPath("$.dipSamples[1].month").value("2024-01"))
        .andExpect(
            jsonPath("$.dipSamples[1].theme").value("Impact of the Safer Families Practice Hub"))
        .andExpect(jsonPath("$.dipSamples[1].unit").value("FAMILIES"))
        .andExpect(jsonPath("$.dipSamples[1].sampleSize").value(10))
        .andExpect(jsonPath("$.dipSamples[2].sampleSize").value(7))
        .andExpect(jsonPath("$.actions.set").value(0));
    // The deep dives' judgements leave the dip-sample audits out.
    mvc.perform(
            get("/api/reports/audit-summary?from=2023-12&to=2024-01")
                .with(httpBasic("moderator", "demo")))
        .andExpect(jsonPath("$.audits").value(35));
  }

  @Test
  void reportsPageWritesTheAnalysisAsTheCouncilDoesWithAccessibleCharts() throws Exception {
    String html = page("/reports?from=2023-07&to=2023-12");
    keep("reports-2023-07-to-2023-12.html", html.getBytes(StandardCharsets.UTF_8));
    assertThat(html)
        .contains(
            "20 audits were graded inadequate during July 2023 – December 2023 (20% of all audits undertaken during this period).")
        .contains(
            "Of the 20 graded 'inadequate', 11 were moderated (55%) and 5 of these were graded 'Requires improvement to be good'"
                + " prior to being downgraded to 'Inadequate' following moderation.")
        .contains(
            "For most children, drift and delay in achieving permanence contributed to the inadequate grade.")
        .contains("In 9 out of 20, lack of timely, thorough assessment")
        .contains("In 7 out of 20, risk of significant harm")
        .contains("In 4 out of 20, ineffective IRO/CP oversight")
        .contains(
            "The amount of work graded Inadequate has reduced over the last year (February 2023 35% versus December 2023 10%).");
    // Each chart: an SVG with a title, texts on its bars, and the same figures in a table; never a
    // style attribute.
    assertThat(html)
        .contains(
            "<title id=\"chart-trend-title\">Audit judgements post moderation, January 2023 – December 2023</title>");
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
        .contains(
            "Since the last report, 35 deep dive audits have been completed across Children's Social Care"
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
    String csv =
        mvc.perform(
                get("/reports/factors.csv?from=2023-07&to=2023-12")
                    .with(httpBasic("pi-officer", "demo")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition", containsString("factors-2023-07-to-2023-12.csv")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("Contributory factor,Inadequate audits,Out of,Share (%)\r\n");
    assertThat(csv).contains("Drift and delay in achieving permanence,14,20,70.0\r\n");
    assertThat(csv)
        .contains(
            "\"Lack of timely, thorough assessment with family, partners and the child\",9,20,45.0\r\n");

    String judgements =
        mvc.perform(
                get("/reports/judgements.csv?from=2023-12&to=2024-01")
                    .with(httpBasic("pi-officer", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(judgements).contains("December 2023,20,1,2,15,2,10.0\r\n").contains("Total,35,");

    for (String table : ReportTables.NAMES) {
      mvc.perform(
              get("/reports/" + table + ".csv?from=2023-12&to=2024-01")
                  .with(httpBasic("pi-officer", "demo")))
          .andExpect(status().isOk());
    }
    mvc.perform(
            get("/reports/nothing.csv?from=2023-12&to=2024-01")
                .with(httpBasic("pi-officer", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/reports/factors.csv?from=2023-12").with(httpBasic("pi-officer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void committeeReportFollowsTheCouncilsStructure() throws Exception {
    String html = page("/reports/committee?from=2023-12&to=2024-01&meeting=2024-03-12");
    assertThat(html)
        .contains("Overview and Scrutiny Committee (Children's Services and Safeguarding)")
        .contains("Date of Meeting:</th><td>Tuesday 12 March 2024")
        .contains(
            "Report of:</th><td>Assistant Director, Safeguarding, Review and Quality Assurance")
        .contains("Wards Affected:</th><td>(All Wards)")
        .contains("Contact Officer:</th><td>Jo Banks, Quality Assurance Lead")
        .contains("Email Address:</th><td>qa@learningloop.example")
        .contains("/reports/committee.pdf?from=2023-12&to=2024-01&meeting=2024-03-12")
        .contains("Summary of recent audit activity")
        .contains("1. Introduction/Background")
        .contains("(February 2023 35% versus January 2024 13%)")
        .contains("Recent Audit Activity – December 2023 and January 2024")
        .contains("Since the last report, 35 deep dive audits have been completed")
        .contains(
            "14 of these audits were moderated (40%) which resulted in 2 audits being downgraded from 'Good'")
        .contains("Analysis of Inadequate Audits – July 2023 – December 2023")
        .contains(
            "20 audits were graded inadequate during July 2023 – December 2023 (20% of all audits undertaken during this period).")
        .contains(
            "Of the 20 graded 'inadequate', 11 were moderated (55%) and 5 of these were graded 'Requires improvement to be good'")
        .contains("In 9 out of 20,")
        .contains("In 7 out of 20,")
        .contains("In 4 out of 20,")
        .contains(
            "December 2023: Quality of assessments in the Help and Protect teams – 16 assessments sampled;"
                + " no actions were set.")
        .contains(
            "January 2024: Impact of the Safer Families Practice Hub – 10 families sampled; no actions were"
                + " set.")
        .contains(
            "January 2024: Quality of assessments in the CWCN and Corporate Parenting teams – 7 assessments"
                + " sampled; no actions were set.")
        .contains("No actions were set on these dip samples.")
        .contains("Closing the Loop – Follow-up of Inadequate Audits, July 2023 – December 2023")
        .contains(
            "21 follow-ups were opened by the Practice Improvement team for audits graded inadequate during July 2023")
        .contains("/reports/support.csv?from=2023-07&to=2023-12");
    // The narrative sections of the council's template, standard wording until written, and the
    // scorecard appendix with a RAG status in words.
    assertThat(html)
        .contains("Portfolio:</th>")
        .contains("Included in Forward Plan:</th><td>No")
        .contains("Is this a Key Decision:</th><td>No")
        .contains("Exempt / Confidential Report:</th><td>No")
        .contains("Recommendation(s)")
        .contains("That the report be noted.")
        .contains("Alternative Options Considered and Rejected")
        .contains("Implications of the Proposals")
        .contains("Climate Emergency Implications")
        .contains("(A) Internal Consultations")
        .contains("Not written yet: the Assistant Director writes this section")
        .contains("Appendix A: Children's Social Care Performance Scorecard")
        .contains("10.0% (2 of 20 deep-dive audits)")
        .contains("13.3% (2 of 15 deep-dive audits)")
        .contains("Amber: 3.3 percentage points above target")
        .contains("83.3% (10 of 12 follow-ups closed)")
        .contains("83.3% (5 of 6 re-audits recorded)")
        .contains("Dip-sample actions done on time")
        .contains("No actions done");
    // One population per count, said in words, and the breakdown by service area and team.
    assertThat(html)
        .contains(
            "Follow-ups count every audit dated July 2023 – December 2023 that was graded inadequate,"
                + " deep dive or dip sample")
        .contains(
            "Of the 21 follow-ups, 20 are of the 20 deep-dive audits graded inadequate counted above and 1 of"
                + " a thematic dip-sample audit graded inadequate, which the inadequate analysis does not count:"
                + " every audit graded inadequate is followed up, while the analysis of inadequate audits counts"
                + " deep dives only.")
        .contains("Breakdown by Service Area and Team, July 2023 – December 2023")
        .contains("<th scope=\"row\">Help and Protect (all teams)</th>")
        .contains("<td>100</td><td>20</td><td>20.0%</td>");
    assertThat(html)
        .contains(
            "<title id=\"chart-trend-title\">Audit judgements post moderation, February 2023 – January 2024</title>");
    assertThat(html).doesNotContain("style=");
    // No actions are recorded on these dip samples, so the report claims none.
    assertThat(html)
        .doesNotContain("individual actions set by the auditors")
        .doesNotContain("have actions set");
    assertThat(page("/reports/committee?from=2023-12&to=2024-01"))
        .doesNotContain("Date of Meeting:");

    mvc.perform(
            get("/reports/committee?from=2023-12&to=2024-01&meeting=12/03/2024")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Invalid meeting date")))
        .andExpect(content().string(containsString("is not a date as YYYY-MM-DD")));
  }

  @Test
  void committeeReportAsPdfCarriesTheFiguresAndCharts() throws Exception {
    byte[] pdf =
        mvc.perform(
                get("/reports/committee.pdf?from=2023-12&to=2024-01&meeting=2024-03-12")
                    .with(httpBasic("assistant-director", "demo")))
            .andExpect(status().isOk())
            .andExpect(content().contentType(MediaType.APPLICATION_PDF))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    keep("committee-2023-12-to-2024-01.pdf", pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = PdfText.of(document);
      assertThat(text)
          .contains("Date of Meeting: Tuesday 12 March 2024")
          .contains("Report of: Assistant Director, Safeguarding, Review and Quality Assurance")
          .contains("(February 2023 35% versus January 2024 13%)")
          .contains("35 deep dive audits have been completed")
          .contains("14 of these audits were moderated (40%)")
          .contains("2 audits being downgraded from 'Good' to 'Requires improvement to be good'")
          .contains(
              "20 audits were graded inadequate during July 2023 – December 2023 (20% of all audits undertaken during this period).")
          .contains(
              "11 were moderated (55%) and 5 of these were graded 'Requires improvement to be good'")
          .contains("In 9 out of 20,")
          .contains("In 7 out of 20;".replace(';', ','))
          .contains("In 4 out of 20,")
          .contains("16 assessments sampled; no actions were set.")
          .contains("Closing the Loop – Follow-up of Inadequate Audits, July 2023 – December 2023")
          .contains(
              "As at "
                  + asAt()
                  + ", 12 are closed (57%) and 8 are open (7 of them overdue); 1 was withdrawn.")
          .contains(
              "the loop was closed a median of 45 working days after allocation (target 60, met in 10 of 12)")
          .contains("Of these, 15 have been completed (71%)")
          .contains("3 Good, 2 Requires improvement to be good and 1 Inadequate.")
          .contains("Individual coaching 6 2 3 0 1 50.0")
          .contains("That the report be noted.")
          .contains("Climate Emergency Implications")
          .contains("Children's Social Care Performance Scorecard")
          .contains("13.3% (2 of 15 deep-dive audits)")
          .contains("Amber: 3.3 percentage points above target");
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      // The charts are drawn (as vectors) into the pages, not dropped: the page content carries
      // their drawing.
      assertThat(pdf.length).isGreaterThan(20_000);
    }
  }

  /** Kept under target/reports for a person to look at; the assertions do not read it. */
  private static void keep(String name, byte[] content) throws java.io.IOException {
    java.nio.file.Path folder = java.nio.file.Path.of("target", "reports");
    java.nio.file.Files.createDirectories(folder);
    java.nio.file.Files.write(folder.resolve(name), content);
  }

  private String csv(String table, String from, String to) throws Exception {
    return mvc.perform(
            get("/reports/" + table + ".csv?from=" + from + "&to=" + to)
                .with(httpBasic("pi-officer", "demo")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String asAt() {
    return LocalDate.now(calendar.zone())
        .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
  }

  private String page(String path) throws Exception {
    String html =
        mvc.perform(get(path).with(httpBasic("pi-lead", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return HtmlUtils.htmlUnescape(html);
  }
}
