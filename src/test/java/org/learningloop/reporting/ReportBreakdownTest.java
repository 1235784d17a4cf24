package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.notification.Notifications;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The breakdown by service area and team: each reader sees only their part, and anything that
 * leaves the application shows counts of 1 to 4 as "fewer than 5". Audits of January–June 2012 in
 * two service areas, imported through the API.
 */
@SpringBootTest(properties = "learning-loop.demo.data=false")
@AutoConfigureMockMvc
class ReportBreakdownTest {

  @Autowired MockMvc mvc;
  @MockitoBean Notifications notifications;

  @BeforeEach
  void importAudits() throws Exception {
    StringBuilder csv = new StringBuilder(TestAudits.CSV_HEADER);
    // Help and Protect Team 1: 8 audits, 2 inadequate. Corporate Parenting Team A: 6 audits, 1
    // inadequate.
    for (int i = 1; i <= 8; i++) {
      csv.append(row("BD-HP-" + i, "Help and Protect", "Help and Protect Team 1", i <= 2));
    }
    for (int i = 1; i <= 6; i++) {
      csv.append(row("BD-CP-" + i, "Corporate Parenting", "Corporate Parenting Team A", i == 1));
    }
    mvc.perform(
            post("/api/audits/import")
                .with(httpBasic("auditor", "demo"))
                .contentType("text/csv")
                .content(csv.toString()))
        .andExpect(status().isOk());
  }

  @Test
  void eachReaderSeesTheirOwnPartOfTheBreakdown() throws Exception {
    String period = "/api/reports/breakdown?from=2012-01&to=2012-06";
    mvc.perform(get(period).with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.scope").value("all service areas"))
        .andExpect(jsonPath("$.rows.length()").value(4))
        .andExpect(jsonPath("$.rows[0].serviceArea").value("Corporate Parenting"))
        .andExpect(jsonPath("$.rows[0].team").doesNotExist())
        .andExpect(jsonPath("$.rows[0].audits").value("6"))
        .andExpect(jsonPath("$.rows[0].inadequate").value("1"))
        .andExpect(jsonPath("$.rows[0].inadequatePercent").value("16.7%"))
        .andExpect(jsonPath("$.rows[0].followUps").value("1"))
        .andExpect(jsonPath("$.rows[2].serviceArea").value("Help and Protect"))
        .andExpect(jsonPath("$.rows[3].team").value("Help and Protect Team 1"))
        .andExpect(jsonPath("$.rows[3].audits").value("8"))
        .andExpect(jsonPath("$.rows[3].inadequatePercent").value("25.0%"))
        .andExpect(
            jsonPath("$.rows[3].factors")
                .value(
                    "Lack of timely, thorough assessment with family, partners and the child (2)"))
        .andExpect(jsonPath("$.rows[3].followUps").value("2"));

    // The Service Manager of Help and Protect sees Help and Protect only.
    mvc.perform(get(period).with(httpBasic("service-manager", "demo")))
        .andExpect(jsonPath("$.scope").value("your service area"))
        .andExpect(jsonPath("$.rows.length()").value(2))
        .andExpect(
            jsonPath("$.rows[*].serviceArea")
                .value(
                    org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("Help and Protect"))));
    // Auditors see the audit figures, not the follow-ups; administrators see no case data.
    mvc.perform(get(period).with(httpBasic("auditor", "demo")))
        .andExpect(jsonPath("$.rows.length()").value(4))
        .andExpect(jsonPath("$.rows[0].followUps").value("–"));
    mvc.perform(get(period).with(httpBasic("admin", "demo")))
        .andExpect(jsonPath("$.rows").isEmpty())
        .andExpect(
            jsonPath("$.note").value(org.hamcrest.Matchers.containsString("no view of case data")));
    mvc.perform(get(period).with(httpBasic("practitioner", "demo")))
        .andExpect(status().isForbidden());
  }

  @Test
  void thePdfShowsSmallNumbersAsFewerThanFiveAndThePageShowsThem() throws Exception {
    // The committee report of June–July 2012 analyses January–June 2012.
    byte[] pdf =
        mvc.perform(
                get("/reports/committee.pdf?from=2012-06&to=2012-07")
                    .with(httpBasic("pi-lead", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = PdfText.of(pdf);
    assertThat(text)
        .contains("Breakdown by Service Area and Team, January 2012 – June 2012")
        .contains("counts of 1 to 4 are shown as “fewer than 5”")
        .contains("Corporate Parenting: Corporate Parenting Team A 6 fewer than 5 not shown")
        .contains("Help and Protect: Help and Protect Team 1 8 fewer than 5 not shown");
    String page =
        HtmlUtils.htmlUnescape(
            mvc.perform(
                    get("/reports/committee?from=2012-06&to=2012-07")
                        .with(httpBasic("pi-lead", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(page)
        .contains("<th scope=\"row\">Help and Protect: Help and Protect Team 1</th>")
        .contains("<td>8</td><td>2</td><td>25.0%</td>")
        .doesNotContain("fewer than 5");
  }

  private static String row(String ref, String area, String team, boolean inadequate) {
    int n = Math.abs(ref.hashCode() % 28) + 1;
    return ref
        + ",2012-03-"
        + String.format("%02d", n)
        + ",DEEP_DIVE,,"
        + area
        + ","
        + team
        + ",practitioner@learningloop.example,,team-manager@learningloop.example,,C-"
        + ref
        + ",auditor@learningloop.example,"
        + (inadequate ? "INADEQUATE" : "GOOD")
        + ",,,,,"
        + (inadequate ? "ASSESSMENT_QUALITY" : "")
        + ",\n";
  }
}
