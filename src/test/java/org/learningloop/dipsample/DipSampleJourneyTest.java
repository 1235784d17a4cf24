package org.learningloop.dipsample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Through the pages in Chromium: an auditor records a dip sample (wrong input first) and sets an
 * action on it; the practitioner finds it in their task list and on /my-work and records what was
 * done; the auditor sends it back once, and verifies it the second time. Every page passes
 * axe-core.
 */
class DipSampleJourneyTest extends BrowserJourney {

  @Autowired Clock clock;
  @Autowired WorkingDayCalendar calendar;

  @Test
  void anAuditorRecordsADipSampleSetsAnActionAndFollowsItToVerified() {
    String ref = "DS-JOURNEY-" + System.nanoTime() % 1_000_000;
    String due = calendar.addWorkingDays(LocalDate.now(clock).plusDays(1), 5).toString();

    Browser b = browser().signIn("auditor", "demo").go("/dip-samples");
    b.assertAccessible("dip-samples");
    b.clickAndWait(By.linkText("Record a dip sample"));
    b.clickAndWait(By.xpath("//button[normalize-space()='Record the dip sample']"));
    assertThat(b.text())
        .contains(
            "There is a problem",
            "Enter the reference",
            "Enter the theme",
            "Choose the service area",
            "Choose what was sampled: cases, families or assessments");
    b.assertAccessible("dip-sample-new-errors");

    WebElement form =
        b.driver().findElement(By.id("ref")).findElement(By.xpath("./ancestor::form"));
    type(form, "ref", ref);
    type(form, "theme", "Quality of assessments in the Help and Protect teams");
    type(form, "month", YearMonth.now(clock).toString());
    new Select(b.driver().findElement(By.id("serviceArea")))
        .selectByVisibleText("Help and Protect");
    b.driver().findElement(By.cssSelector("input[name=unit][value=ASSESSMENTS]")).click();
    type(form, "sampleSize", "16");
    type(form, "findings", "Most assessments were timely; the child's voice was often missing.");
    b.clickAndWait(By.xpath("//button[normalize-space()='Record the dip sample']"));
    assertThat(b.path()).isEqualTo("/dip-samples/" + ref);
    assertThat(b.text())
        .contains("Dip sample " + ref + " is recorded", "16 assessments", "None set")
        .contains("No actions were set on this dip sample.");
    b.assertAccessible("dip-sample");

    // An action on it, for the demo practitioner; a weekend due date first.
    WebElement set =
        b.driver().findElement(By.id("owner")).findElement(By.xpath("./ancestor::form"));
    set.findElement(By.cssSelector("input[name=ownerType][value=PRACTITIONER]")).click();
    type(set, "owner", "practitioner@learningloop.example");
    type(set, "description", "Add the child's own words to the assessment");
    type(set, "dueDate", nextSaturday().toString());
    b.clickAndWait(By.xpath("//button[normalize-space()='Set the action']"));
    assertThat(b.text()).contains("There is a problem", "Due date must be a working day");
    b.assertAccessible("dip-sample-action-errors");
    set = b.driver().findElement(By.id("owner")).findElement(By.xpath("./ancestor::form"));
    type(set, "dueDate", due);
    b.clickAndWait(By.xpath("//button[normalize-space()='Set the action']"));
    assertThat(b.text())
        .contains("The action is set; practitioner is told by email")
        .contains("Add the child's own words to the assessment")
        .contains("1 set, 0 done, 1 open, 0 overdue");
    String actionPath =
        b.driver()
            .findElement(By.linkText("Add the child's own words to the assessment"))
            .getAttribute("href")
            .replaceAll("^https?://[^/]+", "");
    b.signOut();

    // The practitioner: in their task list and on their work page; they record what was done.
    b = browser().signIn("practitioner", "demo").go("/tasks");
    assertThat(b.text()).contains(ref, "Do the action and record what was done");
    b.go("/my-work");
    assertThat(b.text())
        .contains("Add the child's own words to the assessment", "Do it and record what was done");
    b.assertAccessible("my-work-with-action");
    b.clickAndWait(By.linkText("Add the child's own words to the assessment"));
    assertThat(b.path()).isEqualTo(actionPath);
    b.assertAccessible("action-open");
    b.clickAndWait(By.xpath("//button[normalize-space()='Record what was done']"));
    assertThat(b.text()).contains("There is a problem", "Enter what was done");
    b.assertAccessible("action-complete-errors");
    type(
        b.driver()
            .findElement(By.id("complete-evidence"))
            .findElement(By.xpath("./ancestor::form")),
        "evidence",
        "Assessment updated");
    b.clickAndWait(By.xpath("//button[normalize-space()='Record what was done']"));
    assertThat(b.text())
        .contains(
            "What was done is recorded; the auditor is asked to verify it", "Awaiting verification")
        .doesNotContain("Verify: the action is done");
    b.signOut();

    // The auditor sends it back once ...
    b = browser().signIn("auditor", "demo").go(actionPath);
    b.assertAccessible("action-awaiting-verification");
    type(
        b.driver().findElement(By.id("sendback-reason")).findElement(By.xpath("./ancestor::form")),
        "reason",
        "Quote the child, not the parent");
    b.clickAndWait(By.xpath("//button[normalize-space()='Send it back']"));
    assertThat(b.text())
        .contains("The action is sent back to its owner", "Quote the child, not the parent");
    b.signOut();

    b = browser().signIn("practitioner", "demo").go(actionPath);
    type(
        b.driver()
            .findElement(By.id("complete-evidence"))
            .findElement(By.xpath("./ancestor::form")),
        "evidence",
        "The child's words are now quoted");
    b.clickAndWait(By.xpath("//button[normalize-space()='Record what was done']"));
    b.signOut();

    // ... and verifies it the second time: done, with its history.
    b = browser().signIn("auditor", "demo").go(actionPath);
    b.clickAndWait(By.xpath("//button[normalize-space()='Verify: the action is done']"));
    assertThat(b.text())
        .contains("The action is verified: it is done", "Done", "Verified it", "Sent it back")
        .doesNotContain("Cancel the action");
    b.assertAccessible("action-done");
    b.go("/dip-samples/" + ref);
    assertThat(b.text()).contains("1 set, 1 done, 0 open, 0 overdue");
  }

  private LocalDate nextSaturday() {
    LocalDate day = LocalDate.now(clock).plusDays(1);
    while (day.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** Sets a field by name; a date input takes its value through script (typing is locale-bound). */
  static void type(WebElement form, String name, String value) {
    WebElement input = form.findElement(By.name(name));
    if ("date".equals(input.getAttribute("type"))) {
      ((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) input).getWrappedDriver())
          .executeScript("arguments[0].value = arguments[1]", input, value);
    } else {
      input.clear();
      input.sendKeys(value);
    }
  }
}
