package org.learningloop.reporting;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.learningloop.audit.AuditDraft;
import org.learningloop.audit.AuditRegister;
import org.learningloop.audit.ModerationDraft;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The council's report as data, recorded and moderated through the audit register as real users
 * would:
 *
 * <ul>
 *   <li>deep dives Feb 2023 to Jan 2024: Feb 2023 35% inadequate (7 of 20), Jan 2024 13% (2 of 15);
 *   <li>Jul–Dec 2023: 100 audits, 20 inadequate; 11 of them moderated, 5 of those downgraded from
 *       Requires improvement; factors: assessment quality 9, significant harm 7, oversight 4,
 *       permanence drift 14 (most);
 *   <li>Dec 2023 and Jan 2024: 35 audits, 14 moderated, 2 downgraded from Good to Requires
 *       improvement;
 *   <li>thematic dip samples: Dec 2023 one theme of 16 cases, Jan 2024 two themes of 10 and 7 (one
 *       dip sample graded inadequate, which must not count among the deep dives' judgements).
 * </ul>
 */
public final class SeedAudits {

  /**
   * Where the seed goes: the register itself, or (ApiClientTest) an import file and the moderation
   * endpoint.
   */
  public interface Recorder {
    /** Records the audit; answers its ref. */
    String record(AuditDraft draft);

    void moderate(String ref, ModerationDraft moderation);
  }

  static final String MARKER = "SEED-MARKER";

  private static final String AREA = "Help and Protect";
  private static final String TEAM = "Seed Team";
  private static final String AUDITOR = "auditor@learningloop.example";
  private static final String MODERATOR = "moderator@learningloop.example";

  /** Deep dives per month, Feb 2023 first, and how many of them are inadequate. */
  private static final int[][] MONTHS = {
    {20, 7}, {16, 5}, {16, 4}, {16, 4}, {16, 3}, // Feb–Jun 2023
    {16, 4}, {16, 4}, {16, 4}, {16, 3}, {16, 3}, // Jul–Nov 2023
    {20, 2}, {15, 2} // Dec 2023, Jan 2024
  };

  private final Recorder register;
  private final int yearsEarlier;
  private int sequence;

  private SeedAudits(Recorder register, int yearsEarlier) {
    this.register = register;
    this.yearsEarlier = yearsEarlier;
  }

  /** Loads the seed once per database, in its own months. */
  static void ensureLoaded(AuditRegister register) {
    ensureLoaded(register, 0);
  }

  /**
   * Loads the seed once per database, moved that many years earlier: a database shared with other
   * tests gets it in months nobody else uses (the figures stay the same).
   */
  static synchronized void ensureLoaded(AuditRegister register, int yearsEarlier) {
    if (register.exists(MARKER + "-" + yearsEarlier)) {
      return;
    }
    replay(
        yearsEarlier,
        new Recorder() {
          @Override
          public String record(AuditDraft draft) {
            return register.record(draft);
          }

          @Override
          public void moderate(String ref, ModerationDraft moderation) {
            register.moderate(ref, moderation);
          }
        });
  }

  /**
   * The whole seed, in order, moved that many years earlier, to the recorder (refs {@code
   * SEED-<years>-n}).
   */
  public static void replay(int yearsEarlier, Recorder recorder) {
    new SeedAudits(recorder, yearsEarlier).load();
  }

  private void load() {
    int inadequateJulToDec =
        0; // index among Jul–Dec inadequate audits: decides moderation and factors
    int decJanConfirmations = 0;
    for (int i = 0; i < MONTHS.length; i++) {
      YearMonth month = YearMonth.of(2023 - yearsEarlier, 2).plusMonths(i);
      boolean julToDec = i >= 5 && i <= 10;
      boolean decJan = i >= 10;
      int audits = MONTHS[i][0];
      int inadequate = MONTHS[i][1];
      for (int n = 0; n < audits; n++) {
        LocalDate date = month.atDay(1 + n % 27);
        if (n < inadequate) {
          if (julToDec) {
            recordJulToDecInadequate(date, inadequateJulToDec++);
          } else {
            record(date, "INADEQUATE", List.of("PERMANENCE_DRIFT_DELAY"));
          }
          continue;
        }
        // The rest: three Good, one Outstanding in every other month, Requires improvement
        // otherwise.
        int k = n - inadequate;
        String grade =
            k < 3 ? "GOOD" : k == 3 && i % 2 == 0 ? "OUTSTANDING" : "REQUIRES_IMPROVEMENT";
        String ref = record(date, grade, List.of());
        if (decJan && k == 0) {
          moderate(
              ref,
              date,
              "REQUIRES_IMPROVEMENT",
              null); // Good → RI, once in December and once in January
        } else if (decJan && k >= 4 && decJanConfirmations < 10) {
          moderate(ref, date, grade, null); // the grade confirmed
          decJanConfirmations++;
        }
      }
    }
    dipSamples(
        LocalDate.of(2023 - yearsEarlier, 12, 5),
        "Quality of assessments in the Help and Protect teams",
        16);
    dipSamples(
        LocalDate.of(2024 - yearsEarlier, 1, 9), "Impact of the Safer Families Practice Hub", 10);
    dipSamples(
        LocalDate.of(2024 - yearsEarlier, 1, 16),
        "Quality of assessments in the CWCN and Corporate Parenting teams",
        7);
    register.record(
        draft(
            MARKER + "-" + yearsEarlier,
            LocalDate.of(2001, 1, 1),
            "DEEP_DIVE",
            null,
            "GOOD",
            List.of()));
  }

  /**
   * The 20 inadequate audits of Jul–Dec 2023, in date order (i = 0 … 19): RI → Inadequate at 0, 3,
   * 6, 9, 12; Inadequate confirmed at 1, 4, 7, 15, 18, 19 (the last two in December). Factors
   * overlap as in the report.
   */
  private void recordJulToDecInadequate(LocalDate date, int i) {
    List<String> factors = new ArrayList<>();
    if (i <= 13) {
      factors.add("PERMANENCE_DRIFT_DELAY"); // 14
    }
    if (i >= 6 && i <= 14) {
      factors.add("ASSESSMENT_QUALITY"); // 9
    }
    if (i >= 13) {
      factors.add("SIGNIFICANT_HARM_RISK"); // 7
    }
    if (i >= 16) {
      factors.add("OVERSIGHT_ESCALATION"); // 4
    }
    boolean downgraded = i % 3 == 0 && i <= 12;
    if (downgraded) {
      String ref = record(date, "REQUIRES_IMPROVEMENT", List.of());
      register.moderate(
          ref,
          new ModerationDraft(
              MODERATOR,
              date.plusDays(1).toString(),
              "INADEQUATE",
              "The plan does not address the drift; the child waits.",
              factors));
      return;
    }
    String ref = record(date, "INADEQUATE", factors);
    if (List.of(1, 4, 7, 15, 18, 19).contains(i)) {
      moderate(ref, date, "INADEQUATE", null);
    }
  }

  private void dipSamples(LocalDate date, String theme, int cases) {
    for (int n = 0; n < cases; n++) {
      boolean inadequate = n == 0;
      register.record(
          draft(
              next(),
              date,
              "THEMATIC_DIP_SAMPLE",
              theme,
              inadequate ? "INADEQUATE" : "REQUIRES_IMPROVEMENT",
              inadequate ? List.of("PERMANENCE_DRIFT_DELAY") : List.of()));
    }
  }

  private String record(LocalDate date, String grade, List<String> factors) {
    return register.record(draft(next(), date, "DEEP_DIVE", null, grade, factors));
  }

  private void moderate(String ref, LocalDate date, String grade, List<String> factors) {
    register.moderate(
        ref,
        new ModerationDraft(
            MODERATOR,
            date.plusDays(1).toString(),
            grade,
            "Checked against the case file and the audit tool.",
            factors));
  }

  private String next() {
    return "SEED-" + yearsEarlier + "-" + (++sequence);
  }

  private static AuditDraft draft(
      String ref, LocalDate date, String type, String theme, String grade, List<String> factors) {
    int n = Math.abs(ref.hashCode() % 4);
    return new AuditDraft(
        ref,
        date.toString(),
        type,
        theme,
        AREA,
        TEAM,
        "seed.practitioner" + n + "@learningloop.example",
        null,
        "seed.manager@learningloop.example",
        "Seed Manager",
        "C-" + (200000 + Math.abs(ref.hashCode() % 700000)),
        AUDITOR,
        grade,
        null,
        null,
        null,
        null,
        factors,
        "Seed audit.");
  }

  /**
   * The council's inadequate analysis of July–December, as the audit summary of those months
   * answers it.
   */
  static ResultActions expectInadequateAnalysis(ResultActions summary) throws Exception {
    return summary
        .andExpect(jsonPath("$.audits").value(100))
        .andExpect(jsonPath("$.inadequate.count").value(20))
        .andExpect(jsonPath("$.inadequate.percentOfAudits").value(20.0))
        .andExpect(jsonPath("$.inadequate.moderated").value(11))
        .andExpect(jsonPath("$.inadequate.moderatedPercent").value(55.0))
        .andExpect(jsonPath("$.inadequate.downgradedToInadequate.REQUIRES_IMPROVEMENT").value(5))
        .andExpect(jsonPath("$.inadequate.downgradedToInadequate.length()").value(1))
        .andExpect(jsonPath("$.inadequate.factors.PERMANENCE_DRIFT_DELAY").value(14))
        .andExpect(jsonPath("$.inadequate.factors.ASSESSMENT_QUALITY").value(9))
        .andExpect(jsonPath("$.inadequate.factors.SIGNIFICANT_HARM_RISK").value(7))
        .andExpect(jsonPath("$.inadequate.factors.OVERSIGHT_ESCALATION").value(4))
        .andExpect(jsonPath("$.inadequate.factors.length()").value(4));
  }
}
