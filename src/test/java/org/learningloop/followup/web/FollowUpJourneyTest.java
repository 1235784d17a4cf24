package org.learningloop.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.followup.FollowUpCommand;
import org.learningloop.followup.FollowUpCommands;
import org.learningloop.followup.FollowUpQueries;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.learningloop.support.TestAudits;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A follow-up worked from start to end in a real browser, each person in their own role: a PI
 * officer claims it from the team queue, holds both conversations and offers support; the
 * practitioner accepts and completes it; the officer verifies it and proposes closure; a PI lead
 * signs off. Every page on the way passes axe-core.
 */
class FollowUpJourneyTest extends BrowserJourney {

  @Autowired AuditRegister register;
  @Autowired FollowUpQueries followUps;
  @Autowired FollowUpCommands commands;
  @Autowired Clock clock;

  @Test
  void aFollowUpIsClaimedWorkedSupportedAndSignedOffInTheBrowser() {
    LocalDate today = LocalDate.now(clock);
    String ref = TestAudits.inadequate(register, today, "JOURNEY", List.of("ASSESSMENT_QUALITY"));
    long id = followUps.idOf(ref).orElseThrow();

    // The PI officer claims it from the team queue.
    Browser b = browser().signIn("pi-officer", "demo").go("/tasks?view=team&sort=audit-ref");
    b.assertAccessible("tasks-team");
    WebDriver d = b.driver();
    b.clickAndWait(
        row(d, ref).findElement(By.xpath(".//button[starts-with(normalize-space(), 'Claim')]")));
    assertThat(b.text()).contains("You have claimed the follow-up").doesNotContain(ref);
    assertThat(b.path()).isEqualTo("/tasks?view=team&sort=audit-ref");
    b.go("/tasks?view=mine&sort=audit-ref");
    assertThat(row(d, ref).getText()).contains("Schedule conversation");
    b.assertAccessible("tasks-mine");

    b.go("/follow-ups/" + id);
    assertThat(b.text())
        .contains("Audit " + ref, "pi-officer", "Inadequate", "thorough assessment")
        .doesNotContain("C-" + ref);
    b.assertAccessible("follow-up");

    // Both conversations: a wrong form first, then scheduled (in the past, so the outcome can be
    // recorded) and held.
    for (int n = 0; n < 2; n++) {
      WebElement schedule =
          d.findElement(By.xpath("//button[normalize-space()='Schedule and send the invitation']"));
      if (n == 0) {
        b.clickAndWait(schedule);
        assertThat(b.text())
            .contains(
                "There is a problem", "Enter the date of the conversation", "Enter the place");
        b.assertAccessible("follow-up-errors");
        schedule =
            d.findElement(
                By.xpath("//button[normalize-space()='Schedule and send the invitation']"));
      }
      WebElement form = schedule.findElement(By.xpath("./ancestor::form"));
      type(form, "startsAt", today.minusDays(1) + "T10:00");
      type(form, "durationMinutes", "60");
      type(form, "location", "Room 2, Civic Centre");
      b.clickAndWait(form.findElement(By.tagName("button")));
      assertThat(b.text()).contains("The conversation is scheduled");
      WebElement held =
          d.findElement(By.xpath("//button[normalize-space()='Record as held']"))
              .findElement(By.xpath("./ancestor::form"));
      held.findElement(By.name("notes")).sendKeys("Talked through the assessment.");
      held.findElement(By.name("learningPoints"))
          .sendKeys("Record the child's views in every assessment.");
      b.clickAndWait(held.findElement(By.tagName("button")));
      assertThat(b.text()).contains("The conversation is recorded as held");
    }
    assertThat(b.text()).contains("Support and closure");

    // Support offered to the practitioner.
    new Select(d.findElement(By.id("offer-type"))).selectByValue("INDIVIDUAL_COACHING");
    new Select(d.findElement(By.id("offer-owner"))).selectByValue("PRACTITIONER");
    type(
        d.findElement(By.id("offer-dueDate")).findElement(By.xpath("./ancestor::form")),
        "dueDate",
        today.plusDays(14).toString());
    b.clickAndWait(d.findElement(By.xpath("//button[normalize-space()='Offer support']")));
    assertThat(b.text()).contains("The support is offered", "Offered");

    // The practitioner accepts and completes it from their own work page.
    b.forgetSession().signIn("practitioner", "demo").go("/my-work");
    b.assertAccessible("my-work");
    WebElement card = card(d, ref);
    b.clickAndWait(
        card.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Accept')]")));
    assertThat(b.text()).contains("You have accepted the support");
    b.clickAndWait(
        card(d, ref)
            .findElement(
                By.xpath(".//button[starts-with(normalize-space(), 'Mark as completed')]")));
    assertThat(b.text()).contains("The support is marked as completed");
    b.go("/follow-ups/" + id);
    assertThat(b.text())
        .contains("Completed, to verify")
        .doesNotContain("Propose closure", "Withdraw the follow-up");
    b.assertAccessible("follow-up-practitioner");

    // The officer verifies it and proposes closure; a PI lead signs off.
    b.forgetSession().signIn("pi-officer", "demo").go("/follow-ups/" + id);
    b.clickAndWait(
        d.findElement(By.xpath("//button[starts-with(normalize-space(), 'Verify completion')]")));
    b.clickAndWait(d.findElement(By.xpath("//button[normalize-space()='Propose closure']")));
    assertThat(b.text()).contains("Closure is proposed", "Waiting for sign-off");

    // The PI lead takes the sign-off from the queue, gives it back, takes it again and signs off.
    b.forgetSession().signIn("pi-lead", "demo").go("/tasks?view=team&sort=audit-ref");
    b.clickAndWait(
        row(d, ref).findElement(By.xpath(".//button[starts-with(normalize-space(), 'Claim')]")));
    assertThat(b.text()).contains("You have claimed the task");
    b.go("/tasks?view=mine&sort=audit-ref");
    assertThat(row(d, ref).getText()).contains("Sign off closure");
    b.clickAndWait(
        row(d, ref)
            .findElement(By.xpath(".//button[starts-with(normalize-space(), 'Give back')]")));
    assertThat(b.text()).contains("You have given the task back to the team queue");
    b.go("/tasks?view=team&sort=audit-ref");
    assertThat(row(d, ref).getText()).contains("Sign off closure", "Team queue");
    b.go("/follow-ups/" + id);
    b.assertAccessible("follow-up-sign-off");
    b.clickAndWait(d.findElement(By.xpath("//button[normalize-space()='Sign off closure']")));
    assertThat(b.text()).contains("The follow-up is closed", "Closed: re-audit to come");
    // A reload shows the page again and signs off nothing twice.
    d.navigate().refresh();
    assertThat(b.text()).doesNotContain("Sign off closure");
  }

  @Test
  void claimingWhatSomeoneElseClaimedSaysSoAndChangesNothing() {
    String ref = TestAudits.inadequate(register, LocalDate.now(clock), "RACE", List.of("PLANNING"));
    long id = followUps.idOf(ref).orElseThrow();
    Browser b = browser().signIn("pi-officer", "demo").go("/tasks?view=team&sort=audit-ref");
    WebElement claim =
        row(b.driver(), ref)
            .findElement(By.xpath(".//button[starts-with(normalize-space(), 'Claim')]"));
    commands.claim(id, "pi-lead", new FollowUpCommand.Claim(false)); // someone else is quicker
    b.clickAndWait(claim);
    assertThat(b.text()).contains("Important", "can be allocated only at ALLOCATION");
    b.assertAccessible("tasks-claim-conflict");
  }

  static WebElement row(WebDriver d, String ref) {
    return d.findElement(By.xpath("//tr[.//a[normalize-space()='" + ref + "']]"));
  }

  static WebElement card(WebDriver d, String ref) {
    return d.findElement(
        By.xpath(
            "//div[contains(@class,'govuk-summary-card')][.//a[normalize-space()='" + ref + "']]"));
  }

  /**
   * Sets a field by name; date and time inputs take their value through script, as their typing is
   * locale-bound.
   */
  static void type(WebElement form, String name, String value) {
    WebElement input = form.findElement(By.name(name));
    String type = input.getAttribute("type");
    if ("date".equals(type) || "datetime-local".equals(type)) {
      ((org.openqa.selenium.JavascriptExecutor)
              ((org.openqa.selenium.WrapsDriver) input).getWrappedDriver())
          .executeScript("arguments[0].value = arguments[1]", input, value);
    } else {
      input.clear();
      input.sendKeys(value);
    }
  }
}
