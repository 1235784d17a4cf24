package org.learningloop.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.learningloop.audit.AuditDraft;
import org.learningloop.audit.AuditRegister;
import org.learningloop.audit.ModerationDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Twelve months of audits for the demo team and two more teams, through the audit register so that
 * the grade-change events fire as in real use: some moderated, a falling share graded Inadequate,
 * and two inadequate audits of the demo practitioner (one with a risk of significant harm) for the
 * demo team manager. Generated from a fixed seed; created once (restarts add nothing).
 */
@Component
class DemoAudits {

  /** Present once the demo audits were created. */
  static final String MARKER_REF = "DEMO-PRACTITIONER-1";

  private static final Logger log = LoggerFactory.getLogger(DemoAudits.class);
  private static final String DOMAIN = "@learningloop.example";
  private static final String AUDITOR = "auditor" + DOMAIN;
  private static final String MODERATOR = "moderator" + DOMAIN;
  private static final String[] FACTORS = {
    "PERMANENCE_DRIFT_DELAY", "PERMANENCE_DRIFT_DELAY", "ASSESSMENT_QUALITY", "ASSESSMENT_QUALITY",
    "SIGNIFICANT_HARM_RISK", "OVERSIGHT_ESCALATION", "CHILD_VOICE", "PLANNING"
  };

  private record DemoTeam(
      String serviceArea,
      String team,
      String manager,
      String managerName,
      List<String> practitioners) {}

  private static final List<DemoTeam> TEAMS =
      List.of(
          new DemoTeam(
              DemoUsers.SERVICE_AREA,
              DemoUsers.TEAM,
              "team-manager" + DOMAIN,
              null,
              List.of("practitioner" + DOMAIN, "jo.bennett" + DOMAIN, "sam.okafor" + DOMAIN)),
          new DemoTeam(
              DemoUsers.SERVICE_AREA,
              "Help and Protect Team 2",
              "rachel.hughes" + DOMAIN,
              "Rachel Hughes",
              List.of("lee.carter" + DOMAIN, "amara.singh" + DOMAIN)),
          new DemoTeam(
              "Corporate Parenting",
              "Corporate Parenting Team 1",
              "david.price" + DOMAIN,
              "David Price",
              List.of("nina.walsh" + DOMAIN, "tom.ellis" + DOMAIN)));

  private final AuditRegister register;
  private final Clock clock;

  DemoAudits(AuditRegister register, Clock clock) {
    this.register = register;
    this.clock = clock;
  }

  void ensurePresent() {
    if (register.exists(MARKER_REF)) {
      return;
    }
    Random random = new Random(20240312L);
    LocalDate today = LocalDate.now(clock);
    YearMonth thisMonth = YearMonth.from(today);
    int count = 0;
    for (int ago = 11; ago >= 0; ago--) {
      YearMonth month = thisMonth.minusMonths(ago);
      // Inadequate falls from about a third of audits a year ago to about one in eight now, as in
      // the council's report.
      double inadequate = 0.35 - 0.02 * (11 - ago);
      for (int n = 1; n <= 5; n++) {
        LocalDate date = month.atDay(Math.min(month.lengthOfMonth(), 2 + random.nextInt(26)));
        if (date.isAfter(today)) {
          date = today;
        }
        DemoTeam team = TEAMS.get(random.nextInt(TEAMS.size()));
        String practitioner = team.practitioners().get(random.nextInt(team.practitioners().size()));
        double roll = random.nextDouble();
        String grade =
            roll < inadequate
                ? "INADEQUATE"
                : roll < 0.75 ? "REQUIRES_IMPROVEMENT" : roll < 0.97 ? "GOOD" : "OUTSTANDING";
        boolean thematic = random.nextInt(6) == 0;
        String ref = "DEMO-" + month.toString().replace("-", "") + "-" + n;
        AuditDraft draft =
            draft(
                ref,
                date,
                thematic,
                team,
                practitioner,
                grade,
                grade.equals("INADEQUATE") ? factors(random) : List.of());
        boolean moderated = random.nextInt(10) < 4;
        // A start-up that failed half-way left some audits behind; the others are still added.
        if (register.exists(ref)) {
          continue;
        }
        register.record(draft);
        count++;
        if (moderated) {
          moderate(ref, date, today, grade, random);
        }
      }
    }
    DemoTeam demoTeam = TEAMS.get(0);
    if (!register.exists("DEMO-PRACTITIONER-2")) {
      register.record(
          draft(
              "DEMO-PRACTITIONER-2",
              today.minusDays(40),
              false,
              demoTeam,
              "practitioner" + DOMAIN,
              "REQUIRES_IMPROVEMENT",
              List.of("PERMANENCE_DRIFT_DELAY")));
      register.moderate(
          "DEMO-PRACTITIONER-2",
          new ModerationDraft(
              MODERATOR,
              today.minusDays(35).toString(),
              "INADEQUATE",
              "Drift in permanence planning for over six months; the plan has no timescales.",
              List.of("PERMANENCE_DRIFT_DELAY", "PLANNING")));
    }
    // Last, so that the marker exists only once everything else does.
    register.record(
        draft(
            MARKER_REF,
            today.minusDays(3),
            false,
            demoTeam,
            "practitioner" + DOMAIN,
            "INADEQUATE",
            List.of("SIGNIFICANT_HARM_RISK", "ASSESSMENT_QUALITY")));
    log.info("Created {} demo audits", count + 2);
  }

  private void moderate(
      String ref, LocalDate auditDate, LocalDate today, String grade, Random random) {
    LocalDate date = auditDate.plusDays(1 + random.nextInt(10));
    if (date.isAfter(today)) {
      date = today;
    }
    String moderated = grade;
    String rationale = "Agreed with the auditor's judgement.";
    List<String> factors = null;
    if (grade.equals("GOOD") && random.nextBoolean()) {
      moderated = "REQUIRES_IMPROVEMENT";
      rationale = "Good direct work, but the plan lacks clear timescales.";
    } else if (grade.equals("REQUIRES_IMPROVEMENT") && random.nextInt(3) == 0) {
      moderated = "INADEQUATE";
      rationale = "Risk to the child was not assessed promptly.";
      factors = List.of("ASSESSMENT_QUALITY", "SIGNIFICANT_HARM_RISK");
    }
    register.moderate(
        ref, new ModerationDraft(MODERATOR, date.toString(), moderated, rationale, factors));
  }

  private static List<String> factors(Random random) {
    List<String> chosen = new ArrayList<>();
    int how = 1 + random.nextInt(2);
    while (chosen.size() < how) {
      String factor = FACTORS[random.nextInt(FACTORS.length)];
      if (!chosen.contains(factor)) {
        chosen.add(factor);
      }
    }
    return chosen;
  }

  private static AuditDraft draft(
      String ref,
      LocalDate date,
      boolean thematic,
      DemoTeam team,
      String practitioner,
      String grade,
      List<String> factors) {
    return new AuditDraft(
        ref,
        date.toString(),
        thematic ? "THEMATIC_DIP_SAMPLE" : "DEEP_DIVE",
        thematic ? "Quality of assessments in the " + team.serviceArea() + " teams" : null,
        team.serviceArea(),
        team.team(),
        practitioner,
        null,
        team.manager(),
        team.managerName(),
        "C-" + (100000 + Math.floorMod(ref.hashCode(), 900000)),
        AUDITOR,
        grade,
        null,
        null,
        null,
        null,
        factors,
        "Demo audit.");
  }
}
