package org.learningloop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.learningloop.followup.FollowUpQueries;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.learningloop.support.TestAudits;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The quality-assurance team's pages in a real browser: an auditor records an audit (after a form
 * with mistakes), imports a file (after one whose bad lines are listed), and a moderator downgrades
 * an audit to Inadequate, which opens its follow-up. Every page passes axe-core.
 */
class AuditPagesJourneyTest extends BrowserJourney {

  @Autowired FollowUpQueries followUps;
  @Autowired Clock clock;

  @Test
  void anAuditorRecordsAndImportsAndAModeratorDowngradesToInadequate() throws IOException {
    String ref = TestAudits.uniqueRef("PAGE");
    Browser b = browser().signIn("auditor", "demo").go("/audits");
    b.assertAccessible("audits");
    WebDriver d = b.driver();

    b.clickAndWait(d.findElement(By.linkText("Record an audit")));
    b.clickAndWait(d.findElement(By.xpath("//button[normalize-space()='Record the audit']")));
    assertThat(b.text()).contains("There is a problem");
    b.assertAccessible("audit-new-errors");

    d.findElement(By.id("ref")).sendKeys(ref);
    d.findElement(By.id("type")).click();
    new Select(d.findElement(By.id("team"))).selectByValue("Help and Protect Team 1");
    d.findElement(By.id("practitionerEmail")).sendKeys("practitioner@learningloop.example");
    d.findElement(By.id("teamManagerEmail")).sendKeys("team-manager@learningloop.example");
    d.findElement(By.id("childRef")).sendKeys("C-" + ref);
    d.findElement(By.id("grade-REQUIRES_IMPROVEMENT")).click();
    b.clickAndWait(d.findElement(By.xpath("//button[normalize-space()='Record the audit']")));
    assertThat(b.text())
        .contains("Audit " + ref + " is recorded", "Requires improvement")
        .doesNotContain("C-" + ref);
    b.assertAccessible("audit");

    // A file with two bad lines: nothing is imported, and each line and field is listed.
    String good =
        ref
            + "-CSV,2024-01-10,DEEP_DIVE,,Help and Protect,Help and Protect Team 1,practitioner@learningloop.example,,"
            + "team-manager@learningloop.example,,C-1,auditor@learningloop.example,GOOD,,,,,,\n";
    String bad =
        ref
            + "-BAD,not-a-date,DEEP_DIVE,,Help and Protect,Help and Protect Team 1,practitioner@learningloop.example,,"
            + "team-manager@learningloop.example,,C-2,auditor@learningloop.example,SPLENDID,,,,,,\n";
    b.go("/audits/import");
    d.findElement(By.id("file")).sendKeys(file(TestAudits.CSV_HEADER + good + bad).toString());
    b.clickAndWait(d.findElement(By.xpath("//button[normalize-space()='Import']")));
    assertThat(b.text())
        .contains(
            "There is a problem", "line 3, audit_date", "line 3, grade", "Nothing was imported");
    b.assertAccessible("audit-import-errors");

    d.findElement(By.id("file")).sendKeys(file(TestAudits.CSV_HEADER + good).toString());
    b.clickAndWait(d.findElement(By.xpath("//button[normalize-space()='Import']")));
    assertThat(b.text()).contains("File imported: 1 audits added, 0 changed, 0 unchanged");

    // The moderator finds the recorded audit and downgrades it: its follow-up opens.
    b.forgetSession().signIn("moderator", "demo").go("/audits/" + ref);
    b.clickAndWait(d.findElement(By.linkText("Moderate this audit")));
    b.assertAccessible("audit-moderate");
    d.findElement(By.id("grade-INADEQUATE")).click();
    b.clickAndWait(d.findElement(By.xpath("//button[normalize-space()='Record the moderation']")));
    assertThat(b.text()).contains("There is a problem");
    d.findElement(By.id("rationale")).sendKeys("Risk to the child was not assessed promptly.");
    d.findElement(By.id("factors-ASSESSMENT_QUALITY")).click();
    b.clickAndWait(d.findElement(By.xpath("//button[normalize-space()='Record the moderation']")));
    assertThat(b.text()).contains("The moderation of audit " + ref + " is recorded", "Inadequate");
    assertThat(followUps.idOf(ref)).isPresent();

    b.go("/audits?grade=INADEQUATE&from=" + LocalDate.now(clock).toString().substring(0, 7));
    assertThat(b.text()).contains(ref);
  }

  private static Path file(String content) throws IOException {
    Path file = Files.createTempFile("audits", ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    file.toFile().deleteOnExit();
    return file;
  }
}
