package org.learningloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.support.FollowUpApi;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Need to know, field by field (PRODUCT.md): a practitioner sees their own follow-up but not the
 * Team Manager's conversation notes nor managers' escalation notes; administrators see no case
 * data; and asking for the follow-up of an audit tells nobody whether a colleague's audit was
 * graded Inadequate. Driven through the API as the demo users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class NeedToKnowTest {

  private static final String TM_NOTES = "Caseload pressure discussed with the Team Manager";
  private static final String ESCALATION_NOTE = "Manager's note: the team is short-staffed";

  @Autowired MockMvc mvc;
  @Autowired AuditRegister register;
  @Autowired Clock clock;

  private ResultActions as(String user, String method, String path, String json) throws Exception {
    return FollowUpApi.as(mvc, user, method, path, json);
  }

  private long followUpOf(String ref) throws Exception {
    MvcResult found =
        as("pi-lead", "GET", "/api/follow-ups?auditRef=" + ref, null)
            .andExpect(status().isOk())
            .andReturn();
    return ((Number) JsonPath.read(found.getResponse().getContentAsString(), "$.content[0].id"))
        .longValue();
  }

  @Test
  void aPractitionerDoesNotSeeTheTeamManagersConversationNotesNorEscalationNotes()
      throws Exception {
    String ref = TestAudits.inadequate(register, LocalDate.now(clock), "NEED", List.of("PLANNING"));
    long id = followUpOf(ref);
    String base = "/api/follow-ups/" + id;
    as("pi-lead", "POST", base + "/allocate", "{\"officer\":\"pi-officer\"}")
        .andExpect(status().isOk());
    MvcResult details = as("pi-officer", "GET", base, null).andReturn();
    List<Integer> tm =
        JsonPath.read(
            details.getResponse().getContentAsString(),
            "$.conversations[?(@.attendees == 'TEAM_MANAGER')].id");
    String conversation = base + "/conversations/" + tm.get(0);
    String anHourAgo = LocalDateTime.now(clock).minusHours(1).withNano(0).toString();
    as(
            "pi-officer",
            "POST",
            conversation + "/schedule",
            "{\"startsAt\":\"" + anHourAgo + "\",\"durationMinutes\":60,\"location\":\"Room 2\"}")
        .andExpect(status().isOk());
    as(
            "pi-officer",
            "POST",
            conversation + "/outcome",
            "{\"held\":true,\"notes\":\"" + TM_NOTES + "\",\"learningPoints\":\"Supervision\"}")
        .andExpect(status().isOk());
    as("pi-lead", "POST", base + "/escalations", "{\"note\":\"" + ESCALATION_NOTE + "\"}")
        .andExpect(status().isCreated());

    // The PI team and the Team Manager see both notes.
    for (String user : List.of("pi-officer", "team-manager")) {
      String body = as(user, "GET", base, null).andReturn().getResponse().getContentAsString();
      assertThat(body).as(user).contains(TM_NOTES, ESCALATION_NOTE);
    }
    // The practitioner sees the follow-up, that the conversation was held and that it was
    // escalated, but neither note; on the page neither.
    as("practitioner", "GET", base, null)
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.conversations[?(@.attendees == 'TEAM_MANAGER')].status").value("HELD"))
        .andExpect(jsonPath("$.timeline[?(@.action == 'ESCALATED')]").isNotEmpty());
    String asPractitioner =
        as("practitioner", "GET", base, null).andReturn().getResponse().getContentAsString();
    assertThat(asPractitioner).doesNotContain(TM_NOTES, ESCALATION_NOTE, "Supervision");
    String page =
        mvc.perform(get("/follow-ups/" + id).with(httpBasic("practitioner", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).doesNotContain(TM_NOTES, ESCALATION_NOTE);
  }

  @Test
  void administratorsSeeNoCaseData() throws Exception {
    String ref = TestAudits.inadequate(register, LocalDate.now(clock), "NEED", List.of("PLANNING"));
    long id = followUpOf(ref);
    as("admin", "GET", "/api/follow-ups/" + id, null).andExpect(status().isNotFound());
    mvc.perform(get("/follow-ups/" + id).with(httpBasic("admin", "demo")))
        .andExpect(status().isNotFound());
    as("admin", "GET", "/api/follow-ups", null).andExpect(jsonPath("$.totalElements").value(0));
    as("admin", "GET", "/api/audits/" + ref, null).andExpect(status().isNotFound());
    as("admin", "GET", "/api/audits", null).andExpect(jsonPath("$.totalItems").value(0));
    as("admin", "GET", "/api/follow-ups?auditRef=" + ref, null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalElements").value(0));
  }

  @Test
  void askingForTheFollowUpOfAColleaguesAuditRevealsNothing() throws Exception {
    String colleagues =
        TestAudits.inadequate(
            register,
            LocalDate.now(clock),
            "NEED",
            List.of("PLANNING"),
            "Help and Protect",
            "Help and Protect Team 1",
            "colleague-practitioner@learningloop.example",
            "team-manager@learningloop.example");
    String noSuchAudit = TestAudits.uniqueRef("NEED-NONE");

    MvcResult inadequate =
        as("practitioner", "GET", "/api/follow-ups?auditRef=" + colleagues, null).andReturn();
    MvcResult none =
        as("practitioner", "GET", "/api/follow-ups?auditRef=" + noSuchAudit, null).andReturn();

    // The same empty page whether the audit is a colleague's inadequate one or does not exist.
    assertThat(inadequate.getResponse().getStatus()).isEqualTo(200);
    assertThat(none.getResponse().getStatus()).isEqualTo(200);
    assertThat(inadequate.getResponse().getContentAsString())
        .isEqualTo(none.getResponse().getContentAsString());
    assertThat(
            (Object)
                JsonPath.read(inadequate.getResponse().getContentAsString(), "$.totalElements"))
        .isEqualTo(0);
  }
}
