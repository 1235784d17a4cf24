package org.learningloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningloop.audit.AuditFiles.csv;
import static org.learningloop.audit.AuditFiles.row;
import static org.learningloop.audit.AuditFiles.with;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.learningloop.support.OnMariaDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit register on MariaDB through MySQL Connector/J: every behaviour of {@link
 * AuditRegisterBehaviour}, the council report's figures from imported data, and a 5,000-row import.
 */
@OnMariaDb
class AuditRegisterIT extends AuditRegisterBehaviour {

  private static final Logger log = LoggerFactory.getLogger(AuditRegisterIT.class);

  /**
   * The report to the Overview and Scrutiny Committee of 12 March 2024: Dec 2023 - Jan 2024, 35
   * audits, 14 moderated (40%), 2 downgraded from Good to Requires Improvement; Jul - Dec 2023, 100
   * audits, 20 Inadequate (20%), 11 of them moderated (55%), 5 of those Requires Improvement before
   * moderation; factors 9, 7 and 4 of 20, drift and delay in most; January 2024 13% Inadequate.
   */
  @Test
  void theCouncilReportsFiguresComeOutOfImportedAudits() throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    int inadequate = 0;
    int moderatedElsewhere = 0;
    int goodToRi = 0;
    // 80 audits Jul-Nov 2023, 20 in Dec 2023, 15 in Jan 2024; Inadequate: 17, 3 and 2.
    int[][] months = {
      {2023, 7, 16, 3},
      {2023, 8, 16, 4},
      {2023, 9, 16, 4},
      {2023, 10, 16, 3},
      {2023, 11, 16, 3},
      {2023, 12, 20, 3},
      {2024, 1, 15, 2}
    };
    int n = 0;
    for (int[] month : months) {
      boolean recent = month[1] == 12 || month[0] == 2024;
      for (int i = 0; i < month[2]; i++) {
        Map<String, String> row =
            with(row(ref(++n)), "audit_date", LocalDate.of(month[0], month[1], 1 + i).toString());
        if (i < month[3]) {
          boolean julyToDecember = month[0] == 2023;
          int k = julyToDecember ? inadequate++ : -1;
          row =
              with(row, "grade", "INADEQUATE", "factors", julyToDecember ? factors(k) : "PLANNING");
          if (julyToDecember && k < 11) {
            // Eleven moderated, five of them Requires Improvement before moderation.
            row =
                with(
                    row,
                    "grade",
                    k < 5 ? "REQUIRES_IMPROVEMENT" : "INADEQUATE",
                    "moderator_email",
                    "moderator@learningloop.example",
                    "moderation_date",
                    LocalDate.of(month[0], month[1], 1 + i).plusDays(3).toString(),
                    "moderated_grade",
                    "INADEQUATE",
                    "moderation_rationale",
                    "Risk and drift not addressed.");
          }
        } else {
          row = with(row, "grade", i % 3 == 0 ? "GOOD" : "REQUIRES_IMPROVEMENT");
          if (recent && moderatedElsewhere < 14) {
            moderatedElsewhere++;
            boolean downgrade = row.get("grade").equals("GOOD") && goodToRi < 2;
            goodToRi += downgrade ? 1 : 0;
            row =
                with(
                    row,
                    "moderator_email",
                    "moderator@learningloop.example",
                    "moderation_date",
                    row.get("audit_date"),
                    "moderated_grade",
                    downgrade ? "REQUIRES_IMPROVEMENT" : row.get("grade"),
                    "moderation_rationale",
                    downgrade ? "Plans lack timescales." : "");
          }
        }
        rows.add(row);
      }
    }
    importFile(csv(rows))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"created\":115,\"updated\":0,\"unchanged\":0}"));
    assertThat(events(AuditBecameInadequate.class)).isEqualTo(22);

    String mine = "ref like '" + prefix + "-%'";
    String decJan = mine + " and audit_date between '2023-12-01' and '2024-01-31'";
    String julDec = mine + " and audit_date between '2023-07-01' and '2023-12-31'";
    assertThat(number(decJan)).isEqualTo(35);
    assertThat(number(decJan + " and moderated_grade is not null")).isEqualTo(14);
    assertThat(
            number(
                decJan
                    + " and auditor_grade = 'GOOD' and moderated_grade = 'REQUIRES_IMPROVEMENT'"))
        .isEqualTo(2);
    assertThat(number(julDec)).isEqualTo(100);
    assertThat(number(julDec + " and effective_grade = 'INADEQUATE'")).isEqualTo(20);
    assertThat(
            number(julDec + " and effective_grade = 'INADEQUATE' and moderated_grade is not null"))
        .isEqualTo(11);
    assertThat(
            number(
                julDec
                    + " and auditor_grade = 'REQUIRES_IMPROVEMENT' and moderated_grade = 'INADEQUATE'"))
        .isEqualTo(5);
    assertThat(
            100.0
                * number(
                    mine
                        + " and audit_date between '2024-01-01' and '2024-01-31' and effective_grade = 'INADEQUATE'")
                / number(mine + " and audit_date between '2024-01-01' and '2024-01-31'"))
        .isBetween(13.0, 13.5);
    Map<String, Long> factors =
        jdbc
            .queryForList(
                "select f.factor_code, count(*) as n from audit_factor f join audit a on a.id = f.audit_id where a."
                    + julDec.replace(" and audit_date", " and a.audit_date")
                    + " and a.effective_grade = 'INADEQUATE' group by f.factor_code")
            .stream()
            .collect(
                Collectors.toMap(
                    r -> (String) r.get("factor_code"), r -> ((Number) r.get("n")).longValue()));
    assertThat(factors)
        .containsEntry("ASSESSMENT_QUALITY", 9L)
        .containsEntry("SIGNIFICANT_HARM_RISK", 7L)
        .containsEntry("OVERSIGHT_ESCALATION", 4L);
    assertThat(factors.get("PERMANENCE_DRIFT_DELAY")).isGreaterThan(10L);

    events.clear();
    importFile(csv(rows))
        .andExpect(content().json("{\"created\":0,\"updated\":0,\"unchanged\":115}"));
    assertThat(events(AuditBecameInadequate.class) + events(AuditNoLongerInadequate.class))
        .isZero();
  }

  /**
   * Drift and delay on twelve of the twenty; assessment quality on nine, risk of harm on seven,
   * oversight on four.
   */
  private static String factors(int k) {
    List<String> codes = new ArrayList<>();
    if (k < 12) {
      codes.add("PERMANENCE_DRIFT_DELAY");
    }
    if (k >= 8 && k < 17) {
      codes.add("ASSESSMENT_QUALITY");
    }
    if (k >= 13) {
      codes.add("SIGNIFICANT_HARM_RISK");
    }
    if (k < 4) {
      codes.add("OVERSIGHT_ESCALATION");
    }
    return String.join(";", codes);
  }

  private long number(String where) {
    return jdbc.queryForObject("select count(*) from audit where " + where, Long.class);
  }

  @Test
  void aFiveThousandRowFileImportsAndReimportsAsUnchanged() throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= 5000; i++) {
      int team = i % 5;
      rows.add(
          with(
              row(ref(i)),
              "audit_date",
              LocalDate.of(2023, 1, 1).plusDays(i % 360).toString(),
              "team",
              prefix + " Team " + team,
              "practitioner_email",
              prefix.toLowerCase() + ".p" + (i % 60) + "@council.example",
              "team_manager_email",
              prefix.toLowerCase() + ".m" + team + "@council.example",
              "grade",
              i % 7 == 0 ? "INADEQUATE" : "REQUIRES_IMPROVEMENT",
              "factors",
              i % 7 == 0 ? "PLANNING;RECORDING" : ""));
    }
    String file = csv(rows);
    long start = System.nanoTime();
    importFile(file)
        .andExpect(status().isOk())
        .andExpect(content().json("{\"created\":5000,\"updated\":0,\"unchanged\":0}"));
    long created = System.nanoTime();
    importFile(file)
        .andExpect(status().isOk())
        .andExpect(content().json("{\"created\":0,\"updated\":0,\"unchanged\":5000}"));
    long reimported = System.nanoTime();
    log.info(
        "5,000 rows on MariaDB: first import {} ms, re-import {} ms",
        (created - start) / 1_000_000,
        (reimported - created) / 1_000_000);
    assertThat(number("ref like '" + prefix + "-%'")).isEqualTo(5000);
    assertThat(events(AuditBecameInadequate.class)).isEqualTo(5000 / 7);
  }
}
