package org.learningloop.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.calendar.Deadlines;
import org.learningloop.followup.FollowUpQueries;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.learningloop.support.TestAudits;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Managers in a real browser: the Team Manager confirms the child's safety review from their task
 * list, and the Service Manager sees an overdue follow-up of their area on the dashboard. Every
 * page passes axe-core.
 */
class ManagerPagesJourneyTest extends BrowserJourney {

  @Autowired AuditRegister register;
  @Autowired FollowUpQueries followUps;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired Deadlines deadlines;

  @Test
  void theTeamManagerConfirmsTheSafetyReviewFromTheirTaskList() {
    String ref =
        TestAudits.inadequate(
            register, LocalDate.now(clock), "SAFE", List.of("SIGNIFICANT_HARM_RISK"));
    Browser b = browser().signIn("team-manager", "demo").go("/tasks?view=mine&sort=audit-ref");
    assertThat(FollowUpJourneyTest.row(b.driver(), ref).getText())
        .contains("Confirm the child's current safety has been reviewed");
    b.clickAndWait(FollowUpJourneyTest.row(b.driver(), ref).findElement(By.linkText(ref)));
    assertThat(b.text())
        .contains("Risk of significant harm")
        .doesNotContain("Claim this follow-up", "Offer support");
    b.assertAccessible("follow-up-team-manager");
    b.clickAndWait(
        b.driver()
            .findElement(By.xpath("//button[normalize-space()='Confirm the safety review']")));
    assertThat(b.text())
        .contains(
            "You have confirmed the child's current safety has been reviewed",
            "review was confirmed by team-manager");

    b.go("/my-work");
    assertThat(b.text()).contains(ref);
    b.assertAccessible("my-work-team-manager");
  }

  @Test
  void aServiceManagerSeesAnOverdueFollowUpOfTheirAreaOnTheDashboard() {
    LocalDate today = LocalDate.now(clock);
    String ref = TestAudits.inadequate(register, today, "LATE", List.of("PLANNING"));
    long id = followUps.idOf(ref).orElseThrow();
    // Time passes: nobody allocated it, and its allocation was due a week ago.
    jdbc.update(
        "update follow_up set allocation_due = ?, due_date = ? where id = ?",
        today.minusDays(7),
        today.minusDays(7),
        id);

    Browser b = browser().signIn("service-manager", "demo").go("/dashboard");
    assertThat(b.text())
        .contains(
            "Overdue follow-ups",
            "Help and Protect",
            "Help and Protect Team 1",
            "Waiting for a PI officer");
    assertThat(FollowUpJourneyTest.row(b.driver(), ref).getText())
        .contains(
            "Overdue",
            // Working days past the due date, as every overdue figure counts them.
            String.valueOf(
                deadlines.workingDaysOverdue(
                    deadlines.endOfDueDate(today.minusDays(7)), clock.instant())),
            "Team queue");
    b.assertAccessible("dashboard");

    b.clickAndWait(FollowUpJourneyTest.row(b.driver(), ref).findElement(By.linkText(ref)));
    assertThat(b.text())
        .contains("Audit " + ref, "Overdue")
        .doesNotContain("Claim this follow-up", "Withdraw the follow-up");
    b.assertAccessible("follow-up-service-manager");
  }

  @Test
  void onlyManagersHaveADashboard() {
    Browser b = browser().signIn("practitioner", "demo").go("/dashboard");
    assertThat(b.text()).contains("You cannot see this page");
  }
}
