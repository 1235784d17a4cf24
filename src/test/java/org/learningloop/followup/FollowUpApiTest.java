package org.learningloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditSummary;
import org.learningloop.audit.Grade;
import org.learningloop.common.DomainException;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Template;
import org.learningloop.support.FollowUpScenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The follow-up through its REST API on H2: every path, and a clear problem for every step out of
 * order.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FollowUpApiTest extends FollowUpScenario {

  @Autowired JdbcTemplate jdbc;
  @Autowired FollowUpCommands commands;

  @Test
  void anInadequateAuditOpensOneFollowUpInTheTeamQueueAndTellsThePiLeads() throws Exception {
    String ref = newRef();
    long id = inadequateAudit(ref);
    transaction.executeWithoutResult(
        s -> events.publishEvent(new org.learningloop.audit.AuditBecameInadequate(ref)));

    getAs("pi-officer", "/api/follow-ups/" + id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.auditRef").value(ref))
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.stage").value("ALLOCATION"))
        .andExpect(jsonPath("$.assignee").doesNotExist())
        .andExpect(jsonPath("$.timeline[0].action").value("CREATED"));
    verify(notifications)
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.FOLLOW_UP_CREATED
                        && n.auditRef().equals(ref)
                        && n.recipientEmail().equals("pi-lead@learningloop.example")
                        && n.linkPath().equals("/follow-ups/" + id)));
    List<Integer> ids =
        read(
            getAs("pi-lead", "/api/follow-ups?status=OPEN&size=200"),
            "$.content[?(@.auditRef == '" + ref + "')].id");
    assertThat(ids).containsExactly((int) id);
    // Every view of a follow-up is in the access log.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from access_log where principal = 'pi-officer' and action = 'VIEW'"
                    + " and resource_type = 'FOLLOW_UP' and resource_id = ?",
                Long.class,
                String.valueOf(id)))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from access_log where principal = 'pi-lead' and action = 'LIST' and resource_type = 'FOLLOW_UP'",
                Long.class))
        .isPositive();
  }

  @Test
  void theWholeLoopByApi() throws Exception {
    long id = inadequateAudit(newRef());
    String base = "/api/follow-ups/" + id;

    postAs("pi-officer", base + "/claim", "{\"jointConversation\":false}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stage").value("CONVERSATIONS"))
        .andExpect(jsonPath("$.assignee").value("pi-officer"))
        .andExpect(jsonPath("$.conversations.length()").value(2));
    var details = getAs("pi-officer", base);
    int tmConversation =
        ((List<Integer>) read(details, "$.conversations[?(@.attendees == 'TEAM_MANAGER')].id"))
            .get(0);
    int practitionerConversation =
        ((List<Integer>) read(details, "$.conversations[?(@.attendees == 'PRACTITIONER')].id"))
            .get(0);

    for (int conversation : List.of(tmConversation, practitionerConversation)) {
      holdConversation(base, conversation);
    }
    verify(notifications, atLeastOnce())
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.CONVERSATION_INVITATION
                        && n.invite() != null
                        && n.invite()
                            .uid()
                            .equals("conversation-" + tmConversation + "@learningloop")
                        && n.recipientEmail().equals("team-manager@learningloop.example")));

    postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"INDIVIDUAL_COACHING\",\"description\":\"Four coaching sessions\",\"owner\":\"PRACTITIONER\",\"dueDate\":\""
                + java.time.LocalDate.now(clock).plusDays(30)
                + "\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.supportItems[0].state").value("OFFERED"));
    int item = ((List<Integer>) read(getAs("pi-officer", base), "$.supportItems[*].id")).get(0);
    postAs("practitioner", base + "/support-items/" + item + "/accept", null)
        .andExpect(jsonPath("$.supportItems[0].state").value("ACCEPTED"));
    postAs("practitioner", base + "/support-items/" + item + "/complete", null)
        .andExpect(jsonPath("$.supportItems[0].state").value("COMPLETED"));
    postAs("pi-officer", base + "/support-items/" + item + "/verify", null)
        .andExpect(jsonPath("$.supportItems[0].verifiedBy").value("pi-officer"));

    postAs("pi-officer", base + "/closure/propose", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stage").value("SIGN_OFF"));
    postAs(
            "pi-lead",
            base + "/closure/send-back",
            "{\"reason\":\"Add the learning points to supervision\"}")
        .andExpect(jsonPath("$.stage").value("CLOSURE"));
    verify(notifications)
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.CLOSURE_SENT_BACK
                        && n.recipientEmail().equals("pi-officer@learningloop.example")
                        && n.details().isEmpty()));
    postAs("pi-lead", base + "/closure/propose", null)
        .andExpect(jsonPath("$.stage").value("SIGN_OFF"));
    postAs("pi-lead", base + "/closure/sign-off", null)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("Four eyes")));
    // another PI lead signs off
    createSecondPiLead();
    postAs("pi-lead-2", base + "/closure/sign-off", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.stage").value("AWAITING_RE_AUDIT"))
        .andExpect(
            jsonPath("$.reAudit.dueDate")
                .value(deadlines.reAuditDate(java.time.LocalDate.now(clock)).toString()));
    postAs("auditor", base + "/re-audit", "{\"auditRef\":\"X\"}").andExpect(status().isConflict());
  }

  @Test
  void aJointConversationNotHeldIsScheduledAgainAndCountsForBoth() throws Exception {
    long id = inadequateAudit(newRef());
    String base = "/api/follow-ups/" + id;
    postAs("pi-lead", base + "/allocate", "{\"officer\":\"pi-officer\",\"jointConversation\":true}")
        .andExpect(jsonPath("$.assignee").value("pi-officer"))
        .andExpect(jsonPath("$.conversations.length()").value(1));
    int conversation =
        ((List<Integer>) read(getAs("pi-officer", base), "$.conversations[*].id")).get(0);
    String path = base + "/conversations/" + conversation;
    postAs("pi-officer", path + "/schedule", schedule(anHourAgo())).andExpect(status().isOk());
    postAs("pi-officer", path + "/reschedule", schedule(anHourAgo())).andExpect(status().isOk());
    postAs("pi-officer", path + "/outcome", "{\"held\":false,\"reason\":\"Team Manager off sick\"}")
        .andExpect(jsonPath("$.conversations[0].status").value("NOT_HELD"));
    postAs("pi-officer", path + "/outcome", "{\"held\":false,\"reason\":\"again\"}")
        .andExpect(status().isConflict());
    postAs("pi-officer", path + "/schedule", schedule(anHourAgo())).andExpect(status().isOk());
    postAs(
            "pi-officer",
            path + "/outcome",
            "{\"held\":true,\"notes\":\"n\",\"learningPoints\":\"l\"}")
        .andExpect(jsonPath("$.stage").value("CLOSURE"));
    verify(notifications)
        .enqueue(
            argThat(
                (Notification n) ->
                    n.template() == Template.CONVERSATION_INVITATION
                        && n.invite().sequence() == 2
                        && n.invite().uid().equals("conversation-" + conversation + "@learningloop")
                        && n.recipientEmail().equals("practitioner@learningloop.example")));
  }

  @Test
  void aDeclinedItemNeedsAReasonAndStillLetsTheLoopClose() throws Exception {
    long id = inadequateAudit(newRef());
    String base = "/api/follow-ups/" + id;
    postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"TEAM_SESSION\",\"owner\":\"WHOLE_TEAM\",\"dueDate\":\""
                + java.time.LocalDate.now(clock).plusDays(10)
                + "\"}")
        .andExpect(status().isCreated());
    int item = ((List<Integer>) read(getAs("pi-officer", base), "$.supportItems[*].id")).get(0);
    postAs("team-manager", base + "/support-items/" + item + "/decline", "{\"reason\":\"\"}")
        .andExpect(status().isBadRequest());
    postAs(
            "team-manager",
            base + "/support-items/" + item + "/decline",
            "{\"reason\":\"Covered in the service's own session\"}")
        .andExpect(jsonPath("$.supportItems[0].state").value("DECLINED"))
        .andExpect(
            jsonPath("$.supportItems[0].reason").value("Covered in the service's own session"));
    postAs("team-manager", base + "/support-items/" + item + "/complete", null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("DECLINED")));
  }

  @Test
  void significantHarmRiskIsConfirmedByTheTeamManagerOnly() throws Exception {
    long id = inadequateAudit(newRef(), AuditSummary.SIGNIFICANT_HARM_RISK);
    String base = "/api/follow-ups/" + id;
    verify(notifications)
        .enqueue(
            argThat(
                n ->
                    n.template() == Template.SAFEGUARDING_CHECK_REQUESTED
                        && n.recipientEmail().equals("team-manager@learningloop.example")
                        && n.linkPath().equals("/follow-ups/" + id)));
    postAs("pi-officer", base + "/safeguarding/confirm", null).andExpect(status().isForbidden());
    postAs("team-manager", base + "/safeguarding/confirm", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.safeguarding.confirmedBy").value("team-manager"));
    postAs("team-manager", base + "/safeguarding/confirm", null).andExpect(status().isConflict());
  }

  @Test
  void moderationLiftingTheGradeEndsTheFollowUpWithTheReason() throws Exception {
    String ref = newRef();
    long id = inadequateAudit(ref);
    postAs("pi-officer", "/api/follow-ups/" + id + "/claim", null).andExpect(status().isOk());
    moderatedTo(ref, Grade.REQUIRES_IMPROVEMENT, "Risk was managed");
    getAs("pi-officer", "/api/follow-ups/" + id)
        .andExpect(jsonPath("$.status").value("GRADE_REVISED"))
        .andExpect(jsonPath("$.stage").value("ENDED"))
        .andExpect(jsonPath("$.endReason").value(Matchers.containsString("Risk was managed")))
        .andExpect(jsonPath("$.conversations[0].status").value("CANCELLED"))
        .andExpect(
            jsonPath("$.timeline[-1:].actor")
                .value(Matchers.contains("moderator@learningloop.example")));
    postAs("pi-officer", "/api/follow-ups/" + id + "/closure/propose", null)
        .andExpect(status().isConflict());
  }

  @Test
  void aPiLeadWithdrawsWithAReason() throws Exception {
    long id = inadequateAudit(newRef());
    postAs("pi-lead", "/api/follow-ups/" + id + "/withdraw", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    postAs("pi-officer", "/api/follow-ups/" + id + "/withdraw", "{\"reason\":\"Duplicate\"}")
        .andExpect(status().isForbidden());
    postAs("pi-lead", "/api/follow-ups/" + id + "/withdraw", "{\"reason\":\"Audit entered twice\"}")
        .andExpect(jsonPath("$.status").value("WITHDRAWN"));
    verify(notifications, atLeastOnce())
        .enqueue(argThat(n -> n.template() == Template.FOLLOW_UP_ENDED));
  }

  @Test
  void stepsOutOfOrderAreConflictsNotErrors() throws Exception {
    long id = inadequateAudit(newRef());
    String base = "/api/follow-ups/" + id;
    postAs("pi-officer", base + "/closure/propose", null)
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.type")
                .value("https://learningloop.org/problems/follow-up-step-not-allowed"));
    postAs("pi-lead", base + "/closure/sign-off", null).andExpect(status().isConflict());
    postAs("pi-lead", base + "/reassign", "{\"officer\":\"pi-officer\"}")
        .andExpect(status().isConflict());
    postAs("pi-officer", base + "/conversations/999999/schedule", schedule(anHourAgo()))
        .andExpect(status().isConflict());
    postAs("pi-officer", base + "/claim", null).andExpect(status().isOk());
    postAs("pi-officer", base + "/claim", null).andExpect(status().isConflict());
    postAs("pi-officer", base + "/conversations/999999/schedule", schedule(anHourAgo()))
        .andExpect(status().isNotFound());
    postAs("pi-officer", base + "/safeguarding/confirm", null).andExpect(status().isForbidden());
  }

  @Test
  void badInputIsABadRequestAndUnknownThingsAreNotFound() throws Exception {
    long id = inadequateAudit(newRef());
    String base = "/api/follow-ups/" + id;
    getAs("pi-officer", "/api/follow-ups/999999")
        .andExpect(status().isNotFound())
        .andExpect(
            jsonPath("$.type").value("https://learningloop.org/problems/follow-up-not-found"));
    postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"NO_SUCH\",\"owner\":\"PRACTITIONER\",\"dueDate\":\"2099-01-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"));
    postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"TEAM_SESSION\",\"owner\":\"NOBODY\",\"dueDate\":\"2099-01-01\"}")
        .andExpect(status().isBadRequest());
    postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"TEAM_SESSION\",\"owner\":\"PRACTITIONER\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("dueDate"));
    postAs("pi-officer", base + "/support-items/424242/accept", null)
        .andExpect(status().isNotFound());
    postAs("pi-lead", base + "/allocate", "{\"officer\":\"practitioner\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("officer"));
    getAs("pi-officer", "/api/follow-ups?status=NONSENSE").andExpect(status().isBadRequest());
    getAs("pi-officer", "/api/follow-ups?size=0").andExpect(status().isBadRequest());
    getAs("pi-officer", "/api/tasks?view=everything").andExpect(status().isBadRequest());
  }

  /**
   * The one rule for a conversation's length holds on the API, on the page and for any other caller
   * of the step, with the same words.
   */
  @Test
  void aConversationLastsFromOneMinuteToEightHoursWhereverItIsScheduled() throws Exception {
    long id = inadequateAudit(newRef());
    String base = "/api/follow-ups/" + id;
    postAs("pi-officer", base + "/claim", "{\"jointConversation\":true}")
        .andExpect(status().isOk());
    int conversation =
        ((List<Integer>) read(getAs("pi-officer", base), "$.conversations[*].id")).get(0);
    String tooLong = "Enter how long it lasts in minutes, from 1 to 480";

    postAs(
            "pi-officer",
            base + "/conversations/" + conversation + "/schedule",
            "{\"startsAt\":\""
                + anHourAgo()
                + "\",\"durationMinutes\":481,\"location\":\"Room 2\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://learningloop.org/problems/invalid-request"))
        .andExpect(jsonPath("$.errors[0].field").value("durationMinutes"))
        .andExpect(jsonPath("$.errors[0].message").value(tooLong));

    String page = "/follow-ups/" + id + "/conversations/" + conversation + "/schedule";
    mvc.perform(
            post(page)
                .with(user("pi-officer").roles("PI_OFFICER"))
                .with(csrf())
                .param("startsAt", anHourAgo())
                .param("durationMinutes", "0")
                .param("location", "Room 2"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("There is a problem")))
        .andExpect(content().string(Matchers.containsString(tooLong)))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "href=\"#conversation-" + conversation + "-durationMinutes\"")));
    mvc.perform(
            post(page)
                .with(user("pi-officer").roles("PI_OFFICER"))
                .with(csrf())
                .param("startsAt", "next Tuesday")
                .param("durationMinutes", "an hour")
                .param("location", "Room 2"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Enter a real date and time")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "Enter how long it lasts as a whole number of minutes")))
        .andExpect(content().string(Matchers.containsString("value=\"next Tuesday\"")));

    assertThatThrownBy(
            () ->
                commands.scheduleConversation(
                    id,
                    conversation,
                    "pi-officer",
                    new FollowUpCommand.Schedule(java.time.LocalDateTime.now(clock), 0, "Room 2")))
        .isInstanceOfSatisfying(
            FollowUpException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(new DomainException.FieldError("durationMinutes", tooLong)));
    getAs("pi-officer", base)
        .andExpect(jsonPath("$.conversations[0].status").value("TO_BE_SCHEDULED"));
  }

  @Test
  void peopleSeeOnlyTheFollowUpsTheirRoleAllows() throws Exception {
    long id = inadequateAudit(newRef());
    getAs("practitioner", "/api/follow-ups/" + id).andExpect(status().isOk());
    getAs("team-manager", "/api/follow-ups/" + id).andExpect(status().isOk());
    getAs("service-manager", "/api/follow-ups/" + id).andExpect(status().isOk());
    getAs("moderator", "/api/follow-ups/" + id).andExpect(status().isNotFound());
    List<Integer> seen = read(getAs("moderator", "/api/follow-ups"), "$.content[*].id");
    assertThat(seen).isEmpty();
  }

  private void createSecondPiLead() {
    staff.addAbleToSignIn(
        List.of(
            new org.learningloop.directory.StaffDetails(
                "pi-lead-2",
                "pi-lead-2@learningloop.example",
                "Second Lead",
                java.util.Set.of(org.learningloop.directory.Role.PI_LEAD),
                null,
                null,
                true)),
        "demo");
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.learningloop.calendar.Deadlines deadlines;

  @org.springframework.beans.factory.annotation.Autowired
  org.learningloop.directory.StaffRegistry staff;
}
