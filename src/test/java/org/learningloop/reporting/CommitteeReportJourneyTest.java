package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The committee report's journey in a real browser, each page checked with axe-core: the PI lead
 * prepares the draft; the Assistant Director writes the narrative in the GOV.UK form (a wrong date
 * is put right from the error summary), publishes, and reads the published version.
 */
class CommitteeReportJourneyTest extends BrowserJourney {

  private static final String PERIOD = "from=2019-01&to=2019-02";

  @Test
  void thePiLeadPreparesAndTheAssistantDirectorWritesAndPublishes() {
    Browser b = browser().signIn("pi-lead", "demo").go("/reports/committee?" + PERIOD);
    WebDriver d = b.driver();
    b.clickAndWait(By.xpath("//button[normalize-space()='Prepare the draft']"));
    assertThat(b.text()).contains("The draft committee report for January 2019 and February 2019");
    b.assertAccessible("committee-draft-prepared");
    b.forgetSession();

    b.signIn("assistant-director", "demo").go("/reports/committee?" + PERIOD);
    b.clickAndWait(By.linkText("Write the narrative"));
    assertThat(b.text()).contains("Write the narrative", "Summary", "Legal Implications");
    b.assertAccessible("committee-narrative");

    d.findElement(By.id("meetingDate")).sendKeys("next Tuesday");
    d.findElement(By.id("section-summary")).sendKeys("A summary of the winter's audits.");
    b.clickAndWait(By.xpath("//button[normalize-space()='Save the narrative']"));
    assertThat(b.text()).contains("There is a problem", "Enter the meeting date as YYYY-MM-DD");
    b.assertAccessible("committee-narrative-errors");

    d.findElement(By.id("meetingDate")).clear();
    d.findElement(By.id("meetingDate")).sendKeys("2019-03-12");
    d.findElement(By.id("portfolio")).sendKeys("Children's Social Care");
    d.findElement(By.id("section-internal-consultations"))
        .sendKeys("The Chief Legal and Democratic Officer was consulted.");
    b.clickAndWait(By.xpath("//button[normalize-space()='Save the narrative']"));
    assertThat(b.text())
        .contains(
            "The narrative is saved.",
            "Tuesday 12 March 2019",
            "A summary of the winter's audits.");

    b.clickAndWait(By.xpath("//button[normalize-space()='Publish this report']"));
    assertThat(b.text())
        .contains(
            "Version 1 of the committee report for January 2019 and February 2019 is published");
    b.assertAccessible("committee-published");
    b.clickAndWait(By.linkText("Version 1"));
    assertThat(b.text())
        .contains("Version 1, published by assistant-director")
        .contains("Children's Social Care Performance Scorecard")
        .doesNotContain("superseded");
    b.assertAccessible("committee-version-1");
  }
}
