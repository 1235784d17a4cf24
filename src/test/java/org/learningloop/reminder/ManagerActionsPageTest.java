package org.learningloop.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.followup.FollowUpQueries;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** A Service Manager escalates and extends from the dashboard, in pages, without the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ManagerActionsPageTest {

  @Autowired MockMvc mvc;
  @Autowired AuditRegister audits;
  @Autowired FollowUpQueries followUps;
  @Autowired WorkingDayCalendar calendar;
  @Autowired Clock clock;

  private long openFollowUp() {
    String ref = TestAudits.inadequate(audits, LocalDate.now(clock), "ACT", List.of("PLANNING"));
    return followUps.idOf(ref).orElseThrow();
  }

  @Test
  void aServiceManagerEscalatesWithANoteAndExtendsADueDateWithAReason() throws Exception {
    long id = openFollowUp();
    String page = "/dashboard/follow-ups/" + id;

    mvc.perform(get(page).with(httpBasic("service-manager", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Escalate or extend")));

    escalate(page, "service-manager", " ")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("There is a problem")));
    escalate(page, "service-manager", "No progress this week")
        .andExpect(redirectedUrl("/dashboard"));

    extend(page, "service-manager", null, "not a date", "Officer on leave")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Enter the new due date as YYYY-MM-DD")));
    LocalDate later = calendar.addWorkingDays(LocalDate.now(clock), 5);
    extend(page, "service-manager", null, later.toString(), "Officer on leave")
        .andExpect(redirectedUrl("/dashboard"));

    mvc.perform(get("/api/follow-ups/" + id).with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.timeline[*].action", hasItem("ESCALATED")))
        .andExpect(jsonPath("$.timeline[*].action", hasItem("DUE_DATE_EXTENDED")));
  }

  /**
   * Two managers open the page, see the same due date and both extend it: the first moves it, the
   * second is told that it moved meanwhile, and nothing of theirs is written.
   */
  @Test
  void twoManagersExtendingTheDueDateTheyBothSawOneWinsTheOtherIsTold() throws Exception {
    long id = openFollowUp();
    String page = "/dashboard/follow-ups/" + id;
    String seen = seenAllocationDue(page, "service-manager");
    assertThat(seenAllocationDue(page, "assistant-director")).isEqualTo(seen);
    LocalDate later = calendar.addWorkingDays(LocalDate.now(clock), 5);

    extend(page, "service-manager", seen, later.toString(), "Officer on leave")
        .andExpect(redirectedUrl("/dashboard"));
    extend(page, "assistant-director", seen, later.plusDays(1).toString(), "Sickness")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("There is a problem")))
        .andExpect(content().string(containsString("someone else has moved it to " + later)))
        .andExpect(content().string(containsString("value=\"" + later + "\"")));

    mvc.perform(get("/api/follow-ups/" + id).with(httpBasic("pi-lead", "demo")))
        .andExpect(jsonPath("$.dueDate").value(later.toString()));
  }

  /** The page's extension form for the allocation, sent by a manager who saw {@code seen}. */
  /** The escalation form of the follow-up's page, sent by {@code user} with the note. */
  private org.springframework.test.web.servlet.ResultActions escalate(
      String page, String user, String note) throws Exception {
    return mvc.perform(
        post(page + "/escalation").param("note", note).with(httpBasic(user, "demo")).with(csrf()));
  }

  private org.springframework.test.web.servlet.ResultActions extend(
      String page, String manager, String seen, String newDueDate, String reason) throws Exception {
    var form =
        post(page + "/extension")
            .param("stage", "ALLOCATION")
            .param("newDueDate", newDueDate)
            .param("reason", reason)
            .with(httpBasic(manager, "demo"))
            .with(csrf());
    if (seen != null) {
      form.param("seen-ALLOCATION", seen);
    }
    return mvc.perform(form);
  }

  private String seenAllocationDue(String page, String manager) throws Exception {
    String html =
        mvc.perform(get(page).with(httpBasic(manager, "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.regex.Matcher due =
        java.util.regex.Pattern.compile("name=\"seen-ALLOCATION\" value=\"([0-9-]+)\"")
            .matcher(html);
    assertThat(due.find()).as("the page carries the allocation's due date").isTrue();
    return due.group(1);
  }

  @Test
  void onlyManagersReachThePage() throws Exception {
    long id = openFollowUp();
    mvc.perform(get("/dashboard/follow-ups/" + id).with(httpBasic("practitioner", "demo")))
        .andExpect(status().isForbidden());
    escalate("/dashboard/follow-ups/" + id, "pi-officer", "x").andExpect(status().isForbidden());
  }
}
