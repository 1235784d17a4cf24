package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.learningloop.support.TestAudits;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The auditors' calibration from moderated audits imported by the moderator, as another system
 * would load them: the figures a hand computation gives, the rows hidden for small numbers, the CSV
 * with the same, who may see it, and the page in Chromium checked with axe-core.
 *
 * <p>January to June 2006 (months no other test uses), moderated by the demo moderator:
 *
 * <ul>
 *   <li>Aisha Auditor (the demo auditor), 20 audits in January (10), February (5) and March (5):
 *       the 4×4 table worked out by hand in {@link GradeAgreementTest}: 14 agreed (70.0%), 2 up, 4
 *       down, κ = 0.677;
 *   <li>Calibration Bea, 3 in February (Good→Good, Good→RI, RI→RI): fewer than 5;
 *   <li>Calibration Cal, 6 in April, all Good→Good: 100% agreed, κ not defined (p_e = 1);
 *   <li>Calibration Dee, 5 in May, all RI→RI: shown alone it would give Bea's away (34 − 20 − 6 − 5
 *       = 3), so it is hidden too ("not shown").
 * </ul>
 *
 * All auditors, by hand (rows the auditor's grade O, G, RI, I; columns the moderated grade):
 *
 * <pre>
 *          O   G  RI   I | r
 *   O      1   1   0   0 |  2
 *   G      0  11   3   0 | 14
 *   RI     0   1  12   1 | 14
 *   I      0   0   1   3 |  4
 *   c      1  13  16   4 | 34
 * </pre>
 *
 * Agreed 1 + 11 + 12 + 3 = 27 of 34 = 79.4%; up RI→G 1, I→RI 1 = 2; down O→G 1, G→RI 3, RI→I 1 = 5.
 * Observed weighted agreement: (27 + 2/3 × 7) / 34 = 31.667 / 34 = 0.93137. Expected, row by row
 * (weights 1, 2/3, 1/3, 0 by distance): O 2 × (1 + 26/3 + 16/3 + 0) = 2 × 15 = 30; G 14 × (2/3 + 13
 * + 32/3 + 4/3) = 14 × 77/3 = 359.33; RI 14 × (1/3 + 26/3 + 16 + 8/3) = 14 × 83/3 = 387.33; I 4 ×
 * (0 + 13/3 + 32/3 + 4) = 4 × 19 = 76; sum 852.67 / 34² (1156) = 0.73760. κ = (0.93137 − 0.73760) /
 * (1 − 0.73760) = 0.19377 / 0.26240 = 0.738.
 *
 * <p>By month: January (O→O, O→G, 4 G→G, 2 G→RI, RI→G, RI→RI) 10, 6 agreed, 1 up, 3 down, κ =
 * 0.375; February (5 RI→RI of Aisha, Bea's 3) 8, 7 agreed, 1 down, κ = 0.600; March 5 and May 5 are
 * hidden ("not shown"): Bea's January–March quarter (3) would otherwise be January + February +
 * March − Aisha's quarter, and Dee's April–June quarter Cal's and the months' difference.
 */
class CalibrationJourneyTest extends BrowserJourney {

  private static final String PERIOD = "from=2006-01&to=2006-06";
  private static final String DOMAIN = "@learningloop.example";
  private static final String AISHA = "auditor" + DOMAIN;
  private static final String BEA = "calibration.bea" + DOMAIN;
  private static final String CAL = "calibration.cal" + DOMAIN;
  private static final String DEE = "calibration.dee" + DOMAIN;

  private static boolean loaded;

  @Autowired private TestRestTemplate http;

  @BeforeEach
  void loadTheModeratedAudits() {
    synchronized (CalibrationJourneyTest.class) {
      if (loaded) {
        return;
      }
      StringBuilder file = new StringBuilder(TestAudits.CSV_HEADER);
      String[][] aisha = {
        {"OUTSTANDING", "OUTSTANDING"},
        {"OUTSTANDING", "GOOD"},
        {"GOOD", "GOOD"},
        {"GOOD", "GOOD"},
        {"GOOD", "GOOD"},
        {"GOOD", "GOOD"},
        {"GOOD", "REQUIRES_IMPROVEMENT"},
        {"GOOD", "REQUIRES_IMPROVEMENT"},
        {"REQUIRES_IMPROVEMENT", "GOOD"},
        {"REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"},
        // February
        {"REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"},
        {"REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"},
        {"REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"},
        {"REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"},
        {"REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"},
        // March
        {"REQUIRES_IMPROVEMENT", "INADEQUATE"},
        {"INADEQUATE", "REQUIRES_IMPROVEMENT"},
        {"INADEQUATE", "INADEQUATE"},
        {"INADEQUATE", "INADEQUATE"},
        {"INADEQUATE", "INADEQUATE"}
      };
      for (int i = 0; i < aisha.length; i++) {
        LocalDate date = LocalDate.of(2006, i < 10 ? 1 : i < 15 ? 2 : 3, 10 + i % 5);
        file.append(line(date, AISHA, aisha[i][0], aisha[i][1]));
      }
      file.append(line(LocalDate.of(2006, 2, 20), BEA, "GOOD", "GOOD"));
      file.append(line(LocalDate.of(2006, 2, 21), BEA, "GOOD", "REQUIRES_IMPROVEMENT"));
      file.append(
          line(LocalDate.of(2006, 2, 22), BEA, "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"));
      for (int i = 0; i < 6; i++) {
        file.append(line(LocalDate.of(2006, 4, 3 + i), CAL, "GOOD", "GOOD"));
      }
      for (int i = 0; i < 5; i++) {
        file.append(
            line(
                LocalDate.of(2006, 5, 8 + i), DEE, "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"));
      }
      ResponseEntity<String> imported = TestAudits.importFile(http, file.toString(), "moderator");
      assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.OK);
      assertThat(imported.getBody()).contains("\"created\":34");
      loaded = true;
    }
  }

  private static String line(LocalDate date, String auditor, String grade, String moderated) {
    return TestAudits.moderatedCsvLine(
        TestAudits.uniqueRef("CAL"), date, auditor, grade, moderated);
  }

  private static String name(String email) {
    return StaffRegistry.nameFromEmail(email);
  }

  @Test
  void theCsvHoldsTheHandComputedFiguresAndHidesTheSmallRows() {
    ResponseEntity<String> csv =
        http.withBasicAuth("pi-lead", "demo")
            .getForEntity("/calibration.csv?" + PERIOD, String.class);

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"calibration-2006-01-to-2006-06.csv\"");
    String period = "January 2006 – June 2006";
    String q1 = "January 2006 – March 2006";
    String q2 = "April 2006 – June 2006";
    assertThat(csv.getBody().split("\r\n"))
        .containsExactly(
            "Table,Auditor,Period,Auditor grade,Moderated grade,Moderated,Agreed,Agreement (%),"
                + "Moved up,Moved down,Weighted kappa (linear)",
            "All auditors,All auditors," + period + ",,,34,27,79.4,2,5,0.738",
            "By auditor,Aisha Auditor," + period + ",,,20,14,70.0,2,4,0.677",
            "By auditor," + name(BEA) + "," + period + ",,,fewer than 5,,,,,",
            "By auditor," + name(CAL) + "," + period + ",,,6,6,100.0,0,0,not defined",
            "By auditor," + name(DEE) + "," + period + ",,,not shown,,,,,",
            "By month,All auditors,January 2006,,,10,6,60.0,1,3,0.375",
            "By month,All auditors,February 2006,,,8,7,87.5,0,1,0.600",
            "By month,All auditors,March 2006,,,not shown,,,,,",
            "By month,All auditors,April 2006,,,6,6,100.0,0,0,not defined",
            "By month,All auditors,May 2006,,,not shown,,,,,",
            "By month,All auditors,June 2006,,,0,,,,,",
            "By auditor and quarter,Aisha Auditor," + q1 + ",,,20,14,70.0,2,4,0.677",
            "By auditor and quarter," + name(BEA) + "," + q1 + ",,,fewer than 5,,,,,",
            "By auditor and quarter," + name(CAL) + "," + q2 + ",,,6,6,100.0,0,0,not defined",
            "By auditor and quarter," + name(DEE) + "," + q2 + ",,,not shown,,,,,",
            "Grade pairs,All auditors," + period + ",Outstanding,Outstanding,1,1,100.0,0,0,",
            "Grade pairs,All auditors," + period + ",Outstanding,Good,1,0,0.0,0,1,",
            "Grade pairs,All auditors," + period + ",Good,Good,11,11,100.0,0,0,",
            "Grade pairs,All auditors,"
                + period
                + ",Good,Requires improvement to be good,3,0,0.0,0,3,",
            "Grade pairs,All auditors,"
                + period
                + ",Requires improvement to be good,Good,1,0,0.0,1,0,",
            "Grade pairs,All auditors,"
                + period
                + ",Requires improvement to be good,Requires improvement to be good,12,12,100.0,0,0,",
            "Grade pairs,All auditors,"
                + period
                + ",Requires improvement to be good,Inadequate,1,0,0.0,0,1,",
            "Grade pairs,All auditors,"
                + period
                + ",Inadequate,Requires improvement to be good,1,0,0.0,1,0,",
            "Grade pairs,All auditors," + period + ",Inadequate,Inadequate,3,3,100.0,0,0,");
  }

  @Test
  void onlyPiLeadsSeeIt() {
    for (String user : List.of("moderator", "auditor", "admin", "pi-officer", "service-manager")) {
      for (String path : List.of("/calibration?" + PERIOD, "/calibration.csv?" + PERIOD)) {
        assertThat(
                http.withBasicAuth(user, "demo").getForEntity(path, String.class).getStatusCode())
            .as(user + " " + path)
            .isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
    assertThat(
            http.withBasicAuth("pi-lead", "demo")
                .getForEntity("/calibration?" + PERIOD, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // Not in the reports' JSON, which auditors, moderators and the committee's readers see.
    String summary =
        http.withBasicAuth("pi-lead", "demo")
            .getForObject("/api/reports/audit-summary?" + PERIOD, String.class);
    assertThat(summary).contains("\"moderated\":34").doesNotContainIgnoringCase("kappa");
    // A bad period in the CSV is a problem, not a file.
    ResponseEntity<String> bad =
        http.withBasicAuth("pi-lead", "demo")
            .getForEntity("/calibration.csv?from=2006-06&to=2006-01", String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("is before from");
  }

  @Test
  void thePiLeadReadsThePageAndPutsAWrongPeriodRight() {
    Browser b = browser().signIn("pi-lead", "demo").go("/calibration?" + PERIOD);
    assertThat(b.driver().findElement(By.id("navigation")).getText()).contains("Calibration");
    assertThat(rows(b, "table-calibration-overall"))
        .containsExactly("All auditors 34 27 79.4 2 5 0.738");
    assertThat(rows(b, "table-calibration-auditors"))
        .containsExactly(
            byAuditor(
                "20 14 70.0 2 4 0.677", "fewer than 5", "6 6 100.0 0 0 not defined", "not shown"));
    assertThat(rows(b, "table-calibration-months"))
        .startsWith("January 2006 10 6 60.0 1 3 0.375", "February 2006 8 7 87.5 0 1 0.600")
        .contains("March 2006 not shown", "June 2006 0");
    assertThat(rows(b, "table-calibration-auditor-quarters"))
        .containsExactly(
            byAuditor(
                "January 2006 – March 2006 20 14 70.0 2 4 0.677",
                "January 2006 – March 2006 fewer than 5",
                "April 2006 – June 2006 6 6 100.0 0 0 not defined",
                "April 2006 – June 2006 not shown"));
    assertThat(rows(b, "table-calibration-changes"))
        .containsExactly(
            "Good Requires improvement to be good Moved down 3",
            "Outstanding Good Moved down 1",
            "Requires improvement to be good Good Moved up 1",
            "Requires improvement to be good Inadequate Moved down 1",
            "Inadequate Requires improvement to be good Moved up 1");
    assertThat(b.text()).contains("linear weights", "fewer than 5");
    b.assertAccessible("calibration");

    b.driver().findElement(By.id("from")).clear();
    b.driver().findElement(By.id("from")).sendKeys("2006-13");
    b.clickAndWait(By.xpath("//button[normalize-space()='Show this period']"));
    assertThat(b.text())
        .contains("There is a problem", "From month '2006-13' is not a month as YYYY-MM");
    b.assertAccessible("calibration-wrong-period");
    assertThat(b.driver().findElement(By.id("from")).getDomAttribute("aria-describedby"))
        .isEqualTo("from-hint from-error");
    b.driver().findElement(By.id("from")).clear();
    b.driver().findElement(By.id("from")).sendKeys("2006-01");
    b.clickAndWait(By.xpath("//button[normalize-space()='Show this period']"));
    assertThat(b.text()).contains("Auditors’ calibration, January 2006 – June 2006");
    b.forgetSession();

    b.signIn("moderator", "demo").go("/");
    assertThat(b.driver().findElement(By.id("navigation")).getText()).doesNotContain("Calibration");
  }

  /** The rows of a table by auditor, in order: the demo auditor's, Bea's, Cal's and Dee's. */
  private static String[] byAuditor(String aisha, String bea, String cal, String dee) {
    return new String[] {
      "Aisha Auditor " + aisha, name(BEA) + " " + bea, name(CAL) + " " + cal, name(DEE) + " " + dee
    };
  }

  private static List<String> rows(Browser b, String table) {
    List<String> rows = new ArrayList<>();
    for (WebElement row : b.driver().findElements(By.cssSelector("#" + table + " tbody tr"))) {
      rows.add(row.getText().replaceAll("\\s+", " ").strip());
    }
    return rows;
  }
}
