package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.learningloop.support.TestAudits;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The committee report from draft to published versions: a PI lead prepares the draft, the
 * Assistant Director writes the narrative and publishes; a published version is an immutable
 * snapshot that later data never changes, and a correction is a new version that says why.
 */
@SpringBootTest(properties = "learning-loop.demo.data=false")
@AutoConfigureMockMvc
class ReportPublishingTest {

  /** The seed, ten years earlier (2013-12 and 2014-01): months no other report test uses. */
  private static final int YEARS_EARLIER = 10;

  private static final String SEED_PERIOD = "from=2013-12&to=2014-01";

  @Autowired MockMvc mvc;
  @Autowired AuditRegister register;
  @MockitoBean Notifications notifications;

  @Test
  void aPublishedVersionStaysByteForByteTheSameAfterItsDataChangesAndACorrectionSaysWhy()
      throws Exception {
    SeedAudits.ensureLoaded(register, YEARS_EARLIER);
    mvc.perform(
            post("/api/reports/committee-reports?" + SEED_PERIOD)
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.preparedBy").value("pi-lead"))
        .andExpect(jsonPath("$.sections[0].key").value("summary"))
        .andExpect(jsonPath("$.sections[0].text").doesNotExist())
        .andExpect(jsonPath("$.sections[1].text").value("That the report be noted."))
        .andExpect(jsonPath("$.versions").isEmpty());

    // Not publishable while a section without standard wording is unwritten.
    mvc.perform(post("/api/reports/publications?" + SEED_PERIOD).with(ad()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Narrative not complete"))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    org.hamcrest.Matchers.hasItems(
                        "sections.summary", "sections.internal-consultations")));

    writeNarrative();
    mvc.perform(
            post("/api/reports/publications?" + SEED_PERIOD)
                .with(ad())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.reason").doesNotExist())
        .andExpect(jsonPath("$.publishedBy").value("assistant-director"))
        .andExpect(jsonPath("$.supersededBy").doesNotExist())
        .andExpect(jsonPath("$.htmlSha256").isString());
    assertThat(reportNotices()).hasSize(2);

    Snapshot first = snapshot(1);
    assertThat(first.html()).contains("35 deep dive audits have been completed");
    assertThat(first.html())
        .contains("Version 1, published by assistant-director")
        .contains("Members will be offered a QA and performance briefing.")
        .contains("Portfolio:</th><td>Children's Services")
        .contains("Included in Forward Plan:</th><td>No")
        .contains("That the report be noted.")
        .contains("Appendix A: Children's Social Care Performance Scorecard")
        .doesNotContain("Publish this report");
    assertThat(first.figures()).contains("\"audits\" : 35");
    assertThat(PdfText.of(first.pdf))
        .contains("Version 1, published by assistant-director")
        .contains("35 deep dive audits have been completed")
        .contains("Members will be offered a QA and performance briefing.");

    // The data changes after publication: a late import of an inadequate December audit, and a
    // moderation of it through the API.
    mvc.perform(
            post("/api/audits/import")
                .with(httpBasic("auditor", "demo"))
                .contentType("text/csv")
                .content(
                    TestAudits.CSV_HEADER
                        + "LATE-2013-12,2013-12-20,DEEP_DIVE,,Help and Protect,Seed Team,"
                        + "practitioner@learningloop.example,,team-manager@learningloop.example,,C-99,"
                        + "auditor@learningloop.example,REQUIRES_IMPROVEMENT,,,,,,\n"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(1));
    mvc.perform(
            put("/api/audits/LATE-2013-12/moderation")
                .with(httpBasic("moderator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"date\":\"2014-01-05\",\"grade\":\"INADEQUATE\",\"rationale\":\"Drift in"
                        + " permanence planning\",\"factors\":[\"PERMANENCE_DRIFT_DELAY\"]}"))
        .andExpect(status().isOk());
    assertThat(live()).contains("36 deep dive audits have been completed");

    Snapshot again = snapshot(1);
    assertThat(again.htmlBytes).isEqualTo(first.htmlBytes);
    assertThat(again.pdf).isEqualTo(first.pdf);
    assertThat(again.figuresBytes).isEqualTo(first.figuresBytes);
    assertThat(again.hashes).isEqualTo(first.hashes);
    assertThat(again.hashes.get(0)).isEqualTo(Sha256.hex(first.htmlBytes));
    assertThat(again.hashes.get(1)).isEqualTo(Sha256.hex(first.pdf));
    assertThat(again.hashes.get(2)).isEqualTo(Sha256.hex(first.figuresBytes));

    // A correction is a new version, and it must say why.
    mvc.perform(
            post("/api/reports/publications?" + SEED_PERIOD)
                .with(ad())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Reason required"));
    mvc.perform(
            post("/api/reports/publications?" + SEED_PERIOD)
                .with(ad())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"reason\":\"A December audit imported late and moderated to Inadequate.\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(
            jsonPath("$.reason")
                .value("A December audit imported late and moderated to Inadequate."));
    Snapshot second = snapshot(2);
    assertThat(second.html())
        .contains("Version 2, published by assistant-director")
        .contains(
            "Why this version was made: A December audit imported late and moderated to Inadequate.")
        .contains("36 deep dive audits have been completed");
    assertThat(PdfText.of(second.pdf))
        .contains(
            "Why this version was made: A December audit imported late and moderated to Inadequate.");
    assertThat(second.figures()).contains("\"version\" : 2").contains("\"audits\" : 36");

    // The first version is still there, unchanged, and its page says it was superseded.
    assertThat(snapshot(1).htmlBytes).isEqualTo(first.htmlBytes);
    String firstPage =
        mvc.perform(
                get("/reports/committee/version?" + SEED_PERIOD + "&version=1")
                    .with(httpBasic("service-manager", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(HtmlUtils.htmlUnescape(firstPage))
        .contains("This is version 1, superseded by version 2.")
        .contains("35 deep dive audits have been completed");
    mvc.perform(
            get("/reports/committee/version?" + SEED_PERIOD + "&version=2")
                .with(httpBasic("service-manager", "demo")))
        .andExpect(content().string(not(containsString("superseded by"))));
    mvc.perform(
            get("/reports/committee?" + SEED_PERIOD).with(httpBasic("assistant-director", "demo")))
        .andExpect(content().string(containsString("Version 1 (superseded)")))
        .andExpect(content().string(containsString("Publish a new version")));
    mvc.perform(
            get("/reports/committee/version.pdf?" + SEED_PERIOD + "&version=3")
                .with(httpBasic("service-manager", "demo")))
        .andExpect(status().isNotFound());

    List<Notification> notices = reportNotices();
    assertThat(notices)
        .extracting(Notification::recipientEmail)
        .containsOnly(
            "assistant-director@learningloop.example", "service-manager@learningloop.example");
    assertThat(notices)
        .extracting(Notification::key)
        .containsExactlyInAnyOrder(
            "report:2013-12:2014-01:published:assistant-director",
            "report:2013-12:2014-01:published:service-manager",
            "report:2013-12:2014-01:published:assistant-director:v2",
            "report:2013-12:2014-01:published:service-manager:v2");
    assertThat(notices)
        .allSatisfy(
            n -> {
              assertThat(n.template()).isEqualTo(Template.REPORT_PUBLISHED);
              assertThat(n.linkPath()).startsWith("/reports/committee/version?" + SEED_PERIOD);
              assertThat(n.auditRef()).isNull();
              assertThat(n.details())
                  .containsOnlyKeys(Template.Detail.FROM_MONTH, Template.Detail.TO_MONTH);
            });
  }

  @Test
  void piLeadsPrepareAssistantDirectorsWriteAndPublishNobodyElse() throws Exception {
    for (String user : new String[] {"pi-officer", "assistant-director", "auditor", "admin"}) {
      mvc.perform(
              post("/api/reports/committee-reports?from=2023-06&to=2023-07")
                  .with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
    }
    mvc.perform(
            post("/api/reports/committee-reports?from=2023-06&to=2023-07")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isCreated());
    mvc.perform(
            post("/api/reports/committee-reports?from=2023-06&to=2023-07")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Report already prepared"));
    for (String user : new String[] {"pi-lead", "service-manager", "admin"}) {
      mvc.perform(
              post("/api/reports/publications?from=2023-06&to=2023-07")
                  .with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
      mvc.perform(
              put("/api/reports/committee-reports/narrative?from=2023-06&to=2023-07")
                  .with(httpBasic(user, "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"sections\":{\"summary\":\"x\"}}"))
          .andExpect(status().isForbidden());
    }
    assertThat(reportNotices()).isEmpty();
    mvc.perform(post("/api/reports/publications?from=2023-04&to=2023-05").with(ad()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Report not prepared"));
    mvc.perform(
            put("/api/reports/committee-reports/narrative?from=2023-06&to=2023-07")
                .with(ad())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sections\":{\"sumary\":\"typo\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sections.sumary"));
    mvc.perform(post("/api/reports/publications?from=2023-07&to=2023-06").with(ad()))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theCommitteePagePreparesWritesAndPublishesAndSaysSo() throws Exception {
    mvc.perform(
            get("/reports/committee?from=2023-02&to=2023-03").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Prepare the draft")))
        .andExpect(content().string(not(containsString("Publish this report"))));
    mvc.perform(
            post("/reports/committee/prepare?from=2023-02&to=2023-03")
                .with(httpBasic("pi-lead", "demo"))
                .with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/reports/committee?from=2023-02&to=2023-03"));

    mvc.perform(
            get("/reports/committee/narrative?from=2023-02&to=2023-03")
                .with(httpBasic("assistant-director", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Write the narrative")))
        .andExpect(content().string(containsString("Left blank, the report says")));
    mvc.perform(
            post("/reports/committee/narrative?from=2023-02&to=2023-03")
                .with(httpBasic("assistant-director", "demo"))
                .with(csrf())
                .param("meetingDate", "12/03/2023")
                .param("section-summary", "A summary."))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("There is a problem")))
        .andExpect(content().string(containsString("Enter the meeting date as YYYY-MM-DD")));
    mvc.perform(
            post("/reports/committee/publish?from=2023-02&to=2023-03")
                .with(httpBasic("assistant-director", "demo"))
                .with(csrf()))
        .andExpect(status().isFound())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("publishError", containsString("Summary is not written")));
    mvc.perform(
            post("/reports/committee/narrative?from=2023-02&to=2023-03")
                .with(httpBasic("assistant-director", "demo"))
                .with(csrf())
                .param("meetingDate", "2023-04-11")
                .param("portfolio", "Children's Social Care")
                .param("includedInForwardPlan", "yes")
                .param("section-summary", "A summary of the spring's audits.")
                .param("section-internal-consultations", "The Chief Legal Officer was consulted."))
        .andExpect(status().isFound());
    mvc.perform(
            post("/reports/committee/publish?from=2023-02&to=2023-03")
                .with(httpBasic("assistant-director", "demo"))
                .with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/reports/committee?from=2023-02&to=2023-03"));

    String page =
        HtmlUtils.htmlUnescape(
            mvc.perform(
                    get("/reports/committee?from=2023-02&to=2023-03")
                        .with(httpBasic("assistant-director", "demo")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(page)
        .contains("Version 1")
        .contains("First publication")
        .contains("Date of Meeting:</th><td>Tuesday 11 April 2023")
        .contains("Included in Forward Plan:</th><td>Yes")
        .contains("A summary of the spring's audits.")
        .contains("Publish a new version");
  }

  /** The notices of publication sent so far (the seed's audits send notices of their own). */
  private List<Notification> reportNotices() {
    ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
    verify(notifications, Mockito.atLeast(0)).enqueue(sent.capture());
    return sent.getAllValues().stream()
        .filter(n -> n.template() == Template.REPORT_PUBLISHED)
        .toList();
  }

  private void writeNarrative() throws Exception {
    mvc.perform(
            put("/api/reports/committee-reports/narrative?" + SEED_PERIOD)
                .with(ad())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"meetingDate":"2014-03-11","portfolio":"Children's Services",
                     "includedInForwardPlan":false,
                     "sections":{"summary":"This report provides a summary of quality assurance activity over the last two months.\\n\\nMembers will be offered a QA and performance briefing.",
                       "internal-consultations":"The Executive Director of Corporate Resources and the Chief Legal and Democratic Officer have been consulted.",
                       "legal":""}}
                    """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.narrativeBy").value("assistant-director"))
        .andExpect(jsonPath("$.sections[?(@.key == 'summary')].written").value(true))
        .andExpect(jsonPath("$.sections[?(@.key == 'legal')].text").value("None directly."));
  }

  private String live() throws Exception {
    return HtmlUtils.htmlUnescape(
        mvc.perform(get("/reports/committee?" + SEED_PERIOD).with(httpBasic("pi-lead", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }

  /** A version's three stored parts and the SHA-256 each response declares. */
  private record Snapshot(byte[] htmlBytes, byte[] pdf, byte[] figuresBytes, List<String> hashes) {
    String html() {
      return HtmlUtils.htmlUnescape(new String(htmlBytes, StandardCharsets.UTF_8));
    }

    String figures() {
      return new String(figuresBytes, StandardCharsets.UTF_8);
    }
  }

  private Snapshot snapshot(int version) throws Exception {
    String query = SEED_PERIOD + "&version=" + version;
    var html = download("/reports/committee/version.html?" + query, "text/html");
    var pdf = download("/reports/committee/version.pdf?" + query, "application/pdf");
    var json = download("/reports/committee/version.json?" + query, "application/json");
    return new Snapshot(
        html.getContentAsByteArray(),
        pdf.getContentAsByteArray(),
        json.getContentAsByteArray(),
        List.of(
            html.getHeader("X-Content-SHA256"),
            pdf.getHeader("X-Content-SHA256"),
            json.getHeader("X-Content-SHA256")));
  }

  private org.springframework.mock.web.MockHttpServletResponse download(String path, String type)
      throws Exception {
    return mvc.perform(get(path).with(httpBasic("service-manager", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(type))
        .andExpect(header().exists("Repr-Digest"))
        .andReturn()
        .getResponse();
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor ad() {
    return httpBasic("assistant-director", "demo");
  }
}
