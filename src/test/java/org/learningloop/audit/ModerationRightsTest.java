package org.learningloop.audit;

import static org.learningloop.audit.AuditFiles.csv;
import static org.learningloop.audit.AuditFiles.row;
import static org.learningloop.audit.AuditFiles.with;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Only a moderator records a moderation, as themselves, whichever way it comes in: the moderation
 * API, a new audit, a CSV import or the pages. Signed in as the demo users, so their real roles
 * count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ModerationRightsTest {

  @Autowired MockMvc mvc;

  private ResultActions importAs(String user, String file) throws Exception {
    return mvc.perform(
        post("/api/audits/import")
            .contentType("text/csv")
            .content(file)
            .with(httpBasic(user, "demo")));
  }

  private static Map<String, String> moderatedBy(Map<String, String> row, String moderator) {
    return with(
        row,
        "moderator_email",
        moderator,
        "moderation_date",
        "2024-01-20",
        "moderated_grade",
        "GOOD",
        "moderation_rationale",
        "Evidence of planning found on a second look");
  }

  @Test
  void anAuditorReimportingAnAuditWithAModerationFilledInIsRefusedAndTheRowNamed()
      throws Exception {
    String ref = TestAudits.uniqueRef("MODRIGHTS");
    Map<String, String> inadequate = with(row(ref), "grade", "INADEQUATE", "factors", "PLANNING");
    importAs("auditor", csv(List.of(inadequate))).andExpect(status().isOk());

    importAs("auditor", csv(List.of(moderatedBy(inadequate, "moderator@learningloop.example"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("line 2, moderator_email"))
        .andExpect(
            jsonPath("$.errors[0].message").value(Matchers.containsString("only a moderator")));

    mvc.perform(get("/api/audits/" + ref).with(httpBasic("auditor", "demo")))
        .andExpect(jsonPath("$.moderated").value(false))
        .andExpect(jsonPath("$.effectiveGrade").value("INADEQUATE"));
    mvc.perform(get("/api/follow-ups").param("auditRef", ref).with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content[0].auditRef").value(ref));

    // The same file loaded by a moderator is a historical moderation, which they may load.
    importAs("moderator", csv(List.of(moderatedBy(inadequate, "moderator@learningloop.example"))))
        .andExpect(status().isOk());
    // Re-importing it unchanged needs no right: nothing new is moderated.
    importAs("auditor", csv(List.of(moderatedBy(inadequate, "moderator@learningloop.example"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unchanged").value(1));

    // Moderated again since: the old file still repeats a moderation in the history, so the
    // auditor may load it again, and the later moderation stays the audit's current one.
    mvc.perform(
            put("/api/audits/" + ref + "/moderation")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"date\":\"2024-02-05\",\"grade\":\"REQUIRES_IMPROVEMENT\","
                        + "\"rationale\":\"Planning evidence was thinner than it first looked\"}")
                .with(httpBasic("moderator", "demo")))
        .andExpect(status().isOk());
    importAs("auditor", csv(List.of(moderatedBy(inadequate, "moderator@learningloop.example"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unchanged").value(1));
    mvc.perform(get("/api/audits/" + ref).with(httpBasic("auditor", "demo")))
        .andExpect(jsonPath("$.moderation.date").value("2024-02-05"))
        .andExpect(jsonPath("$.effectiveGrade").value("REQUIRES_IMPROVEMENT"))
        .andExpect(jsonPath("$.moderations.length()").value(2));
    // A moderation the history does not hold is still refused to a non-moderator.
    importAs(
            "auditor",
            csv(
                List.of(
                    with(
                        moderatedBy(inadequate, "moderator@learningloop.example"),
                        "moderation_date",
                        "2024-03-01"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("line 2, moderator_email"));
  }

  private static String draft(String ref, String moderation) {
    return """
        {"ref":"%s","auditDate":"2024-01-08","type":"DEEP_DIVE","serviceArea":"%s","team":"%s",
         "practitionerEmail":"pat.worker@council.example","teamManagerEmail":"terry.lead@council.example",
         "childRef":"C-%s","grade":"REQUIRES_IMPROVEMENT","factors":[]%s}
        """
        .formatted(ref, AuditFiles.AREA, AuditFiles.TEAM, ref, moderation);
  }

  @Test
  void anAuditorCannotRecordANewAuditAlreadyModerated() throws Exception {
    String ref = TestAudits.uniqueRef("MODRIGHTS");
    mvc.perform(
            post("/api/audits")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    draft(
                        ref,
                        ",\"moderatorEmail\":\"moderator@learningloop.example\","
                            + "\"moderationDate\":\"2024-01-09\",\"moderatedGrade\":\"GOOD\","
                            + "\"moderationRationale\":\"Better than it looked\""))
                .with(httpBasic("auditor", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("moderatorEmail"));
    mvc.perform(get("/api/audits/" + ref).with(httpBasic("auditor", "demo")))
        .andExpect(status().isNotFound());
  }

  @Test
  void onlyAModeratorModeratesAndIsRecordedAsThemselves() throws Exception {
    String ref = TestAudits.uniqueRef("MODRIGHTS");
    importAs("auditor", csv(List.of(row(ref)))).andExpect(status().isOk());
    String body =
        "{\"date\":\"2024-01-20\",\"grade\":\"GOOD\",\"rationale\":\"Sound on a second look\","
            + "\"moderatorEmail\":\"someone-else@learningloop.example\"}";
    for (String notModerator : List.of("admin", "auditor")) {
      mvc.perform(
              put("/api/audits/" + ref + "/moderation")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body)
                  .with(httpBasic(notModerator, "demo")))
          .andExpect(status().isForbidden());
      mvc.perform(get("/audits/" + ref + "/moderation").with(httpBasic(notModerator, "demo")))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/audits/" + ref + "/moderation")
                  .param("date", "2024-01-20")
                  .param("grade", "GOOD")
                  .param("rationale", "Sound")
                  .with(csrf())
                  .with(httpBasic(notModerator, "demo")))
          .andExpect(status().isForbidden());
    }
    mvc.perform(
            put("/api/audits/" + ref + "/moderation")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(httpBasic("moderator", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.moderation.moderator.email").value("moderator@learningloop.example"));
  }
}
