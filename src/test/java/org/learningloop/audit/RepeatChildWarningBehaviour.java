package org.learningloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningloop.audit.AuditFiles.csv;
import static org.learningloop.audit.AuditFiles.row;
import static org.learningloop.audit.AuditFiles.with;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The repeat-child warning (issue 19): an audit whose child was audited in the twelve months before
 * it names those audits, by ref and date, on its API view, its page and the import page; it is a
 * warning, never a refusal, and the import's answer stays {@code
 * {"created","updated","unchanged"}}. On whichever database the concrete class runs: H2 ({@link
 * RepeatChildWarningTest}) or MariaDB, where child references compare byte for byte only through
 * their column's collation ({@link RepeatChildWarningIT}).
 */
abstract class RepeatChildWarningBehaviour {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired MockMvc mvc;

  private final String prefix =
      "RC" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + "-";

  /** A child reference no other test uses. */
  private final String child = "C-" + prefix + SEQUENCE.incrementAndGet();

  @Test
  void anImportedAuditNamesTheAuditsOfItsChildInTheTwelveMonthsBeforeIt() throws Exception {
    // 10 January 2024 less twelve months is 10 January 2023: that day counts, the day before not
    importFile(
            csv(
                List.of(
                    audit("OUT", "2023-01-09", child),
                    audit("EDGE", "2023-01-10", child),
                    audit("OTHER-CASE", "2023-06-01", child.toLowerCase()),
                    audit("OTHER-CHILD", "2023-07-01", child + "9"))))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"created\":4,\"updated\":0,\"unchanged\":0}", true));
    importFile(
            csv(
                List.of(
                    audit("NOW", "2024-01-10", child),
                    audit("SAME-DAY", "2024-01-10", child + "9"))))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"created\":2,\"updated\":0,\"unchanged\":0}", true));

    view("NOW")
        .andExpect(jsonPath("$.earlierAuditsOfChild.length()").value(1))
        .andExpect(jsonPath("$.earlierAuditsOfChild[0].ref").value(prefix + "EDGE"))
        .andExpect(jsonPath("$.earlierAuditsOfChild[0].auditDate").value("2023-01-10"));
    view("EDGE")
        .andExpect(jsonPath("$.childRef").value(child))
        .andExpect(jsonPath("$.earlierAuditsOfChild.length()").value(1))
        .andExpect(jsonPath("$.earlierAuditsOfChild[0].ref").value(prefix + "OUT"));
    // the audits dated after it are no earlier audits
    view("OUT").andExpect(jsonPath("$.earlierAuditsOfChild").isEmpty());
    view("SAME-DAY")
        .andExpect(jsonPath("$.earlierAuditsOfChild[0].ref").value(prefix + "OTHER-CHILD"));
    view("OTHER-CASE").andExpect(jsonPath("$.earlierAuditsOfChild").isEmpty());
  }

  @Test
  void anAuditRecordedThroughTheApiIsWarnedInItsAnswerAndOnItsPage() throws Exception {
    importFile(csv(List.of(audit("FIRST", "2023-11-20", child)))).andExpect(status().isOk());
    String body =
        """
        {"ref":"%s","auditDate":"2024-02-01","type":"DEEP_DIVE","serviceArea":"%s","team":"%s",
         "practitionerEmail":"pat.worker@council.example","teamManagerEmail":"terry.lead@council.example",
         "childRef":"%s","grade":"GOOD","factors":[]}
        """
            .formatted(prefix + "SECOND", AuditFiles.AREA, AuditFiles.TEAM, child);

    mvc.perform(
            post("/api/audits")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(AuditRegisterBehaviour.AUDITOR))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.ref").value(prefix + "SECOND"))
        .andExpect(jsonPath("$.earlierAuditsOfChild[0].ref").value(prefix + "FIRST"))
        .andExpect(jsonPath("$.earlierAuditsOfChild[0].auditDate").value("2023-11-20"));

    String page =
        mvc.perform(get("/audits/" + prefix + "SECOND").with(AuditRegisterBehaviour.AUDITOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("This child was audited in the 12 months before this audit:")
        .contains("href=\"/audits/" + prefix + "FIRST\"")
        .contains("dated 2023-11-20")
        .as("the audit page never shows the case number")
        .doesNotContain(child);
  }

  @Test
  void theImportPageListsTheImportedAuditsOfAChildAuditedBefore() throws Exception {
    importFile(csv(List.of(audit("EARLIER", "2023-03-01", child)))).andExpect(status().isOk());
    String file =
        csv(
            List.of(
                audit("LATER", "2023-09-01", child), audit("ALONE", "2023-09-01", child + "7")));

    MvcResult imported =
        mvc.perform(
                multipart("/audits/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "audits.csv",
                            "text/csv",
                            file.getBytes(StandardCharsets.UTF_8)))
                    .with(AuditRegisterBehaviour.IMPORTER)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    @SuppressWarnings("unchecked")
    List<EarlierAudits.Warning> warnings =
        (List<EarlierAudits.Warning>) imported.getFlashMap().get("childWarnings");
    assertThat(warnings)
        .containsExactly(
            new EarlierAudits.Warning(
                prefix + "LATER",
                java.time.LocalDate.of(2023, 9, 1),
                List.of(
                    new EarlierAudits.Earlier(
                        prefix + "EARLIER", java.time.LocalDate.of(2023, 3, 1)))));

    String page =
        mvc.perform(
                get("/audits")
                    .flashAttrs(imported.getFlashMap())
                    .with(AuditRegisterBehaviour.IMPORTER))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("File imported: 2 audits added")
        .contains("The children of 1 imported audits were audited in the 12 months before them")
        .contains("href=\"/audits/" + prefix + "EARLIER\"")
        .doesNotContain(child);
  }

  @Test
  void eachReaderIsWarnedOnlyOfTheEarlierAuditsTheyMayRead() throws Exception {
    importFile(
            csv(
                List.of(
                    audit("SOMEONE-ELSES", "2023-12-01", child),
                    with(
                        audit("DEMO-PRACTITIONERS", "2024-01-10", child),
                        "service_area",
                        "Help and Protect",
                        "team",
                        "Help and Protect Team 1",
                        "practitioner_email",
                        "practitioner@learningloop.example",
                        "team_manager_email",
                        "team-manager@learningloop.example"))))
        .andExpect(status().isOk());

    view("DEMO-PRACTITIONERS")
        .andExpect(jsonPath("$.earlierAuditsOfChild[0].ref").value(prefix + "SOMEONE-ELSES"));
    mvc.perform(
            get("/api/audits/" + prefix + "DEMO-PRACTITIONERS")
                .with(AuditRegisterBehaviour.PRACTITIONER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.earlierAuditsOfChild").isEmpty());
  }

  private Map<String, String> audit(String ref, String date, String childRef) {
    return with(row(prefix + ref), "audit_date", date, "child_ref", childRef);
  }

  private ResultActions importFile(String file) throws Exception {
    return mvc.perform(
        post("/api/audits/import")
            .contentType("text/csv")
            .content(file.getBytes(StandardCharsets.UTF_8))
            .with(AuditRegisterBehaviour.IMPORTER));
  }

  private ResultActions view(String ref) throws Exception {
    return mvc.perform(get("/api/audits/" + prefix + ref).with(AuditRegisterBehaviour.AUDITOR))
        .andExpect(status().isOk());
  }
}
