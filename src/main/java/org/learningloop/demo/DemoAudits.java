package org.learningloop.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.learningloop.audit.AuditDraft;
import org.learningloop.audit.AuditRegister;
import org.learningloop.audit.ModerationDraft;
import org.learningloop.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The demo story's audits: a year of them for the demo team and two more teams, in the shape of the
 * council's report (Inadequate falling from about a third of audits to about one in seven, more
 * than a third moderated, moderation moving grades down from Good and from Requires Improvement to
 * Inadequate, and now and then up out of Inadequate), each recorded through the register on its day
 * so that the grade-change events open (and end) follow-ups as in real use. Inadequate audits get a
 * follow-up life from {@link DemoFollowUps}.
 */
@Component
class DemoAudits {

  static final String DOMAIN = "@learningloop.example";
  static final String AUDITOR = "auditor" + DOMAIN;
  static final String MODERATOR = "moderator" + DOMAIN;

  /** Audits a month, before the months the current cases add to. */
  private static final int AUDITS_A_MONTH = 12;

  /** The recording time of an audit on its day. */
  static final LocalTime RECORDED = LocalTime.of(10, 0);

  static final LocalTime MODERATED = LocalTime.of(11, 0);

  record DemoTeam(
      String serviceArea,
      String team,
      String manager,
      String managerName,
      List<String> practitioners) {}

  static final DemoTeam TEAM_1 =
      new DemoTeam(
          DemoUsers.SERVICE_AREA,
          DemoUsers.TEAM,
          "team-manager" + DOMAIN,
          null,
          List.of("practitioner" + DOMAIN, "jo.bennett" + DOMAIN, "sam.okafor" + DOMAIN));
  static final DemoTeam TEAM_2 =
      new DemoTeam(
          DemoUsers.SERVICE_AREA,
          "Help and Protect Team 2",
          "rachel.hughes" + DOMAIN,
          "Rachel Hughes",
          List.of("lee.carter" + DOMAIN, "amara.singh" + DOMAIN));
  static final DemoTeam CORPORATE_PARENTING =
      new DemoTeam(
          "Corporate Parenting",
          "Corporate Parenting Team 1",
          "david.price" + DOMAIN,
          "David Price",
          List.of("nina.walsh" + DOMAIN, "tom.ellis" + DOMAIN));

  static final List<DemoTeam> TEAMS = List.of(TEAM_1, TEAM_2, CORPORATE_PARENTING);

  /**
   * An audit of the story: {@code grade} is the auditor's; {@code factors} are the auditor's for an
   * Inadequate one.
   */
  record DemoAudit(
      String ref,
      LocalDate date,
      DemoTeam team,
      String practitioner,
      String grade,
      List<String> factors,
      boolean thematic) {

    boolean significantHarmRisk() {
      return factors.contains("SIGNIFICANT_HARM_RISK");
    }
  }

  private final AuditRegister register;
  private final WorkingDayCalendar calendar;
  private final Map<YearMonth, Integer> numbers = new HashMap<>();

  DemoAudits(AuditRegister register, WorkingDayCalendar calendar) {
    this.register = register;
    this.calendar = calendar;
  }

  /** A ref for an audit of {@code date}'s month: DEMO-yyyyMM-n, numbered in the order made. */
  String nextRef(LocalDate date) {
    YearMonth month = YearMonth.from(date);
    int n = numbers.merge(month, 1, Integer::sum);
    return "DEMO-" + month.toString().replace("-", "") + "-" + n;
  }

  /** Plans the recording of an audit on its day. */
  void plan(DemoTimeline timeline, DemoAudit audit, LocalTime time) {
    timeline.plan(audit.date(), time, "audit " + audit.ref(), () -> register.record(draft(audit)));
  }

  /** Plans a moderation by the demo moderator (never the audit's auditor). */
  void planModeration(
      DemoTimeline timeline,
      String ref,
      LocalDate day,
      String grade,
      String rationale,
      List<String> factors) {
    timeline.plan(
        day,
        MODERATED,
        "moderation of " + ref,
        () ->
            register.moderate(
                ref, new ModerationDraft(MODERATOR, day.toString(), grade, rationale, factors)));
  }

  /**
   * The year's audits other than the current cases': {@code casesByMonth} Inadequate audits a month
   * come from the cases, so fewer are drawn here and more audits are added where needed for each
   * month's share of Inadequate to follow the trend. Every audit Inadequate at recording or after
   * moderation gets a follow-up life.
   */
  void planYear(
      DemoTimeline timeline,
      Random random,
      Map<YearMonth, Integer> casesByMonth,
      DemoFollowUps followUps) {
    LocalDate today = timeline.today();
    YearMonth thisMonth = YearMonth.from(today);
    for (int ago = 11; ago >= 0; ago--) {
      YearMonth month = thisMonth.minusMonths(ago);
      List<LocalDate> days = workingDays(month, today, timeline);
      if (days.isEmpty()) {
        continue;
      }
      // The share graded Inadequate falls from about 35% a year ago to about 13% now.
      double share = 0.36 - 0.23 * (11 - ago) / 11.0;
      int cases = casesByMonth.getOrDefault(month, 0);
      int size =
          ago == 0
              ? Math.max(3, AUDITS_A_MONTH * days.size() / workingDays(month).size())
              : AUDITS_A_MONTH;
      size = Math.max(size, (int) Math.ceil(cases / share));
      int inadequate = Math.max(0, (int) Math.round(size * share) - cases);
      // About a quarter of them were Requires Improvement until moderation (the report: 5 of 20).
      int downgraded = inadequate >= 2 ? inadequate / 4 + (random.nextInt(4) == 0 ? 1 : 0) : 0;
      int good = (int) Math.round((size - cases) * (0.08 + 0.22 * (11 - ago) / 11.0));
      for (int n = 0; n < size - cases; n++) {
        LocalDate date = days.get(random.nextInt(days.size()));
        DemoTeam team = TEAMS.get(random.nextInt(TEAMS.size()));
        String practitioner = team.practitioners().get(random.nextInt(team.practitioners().size()));
        String grade;
        if (n < inadequate - downgraded) {
          grade = "INADEQUATE";
        } else if (n < inadequate) {
          grade = "DOWNGRADED";
        } else if (n < inadequate + good) {
          grade = "GOOD";
        } else {
          grade = random.nextInt(40) == 0 ? "OUTSTANDING" : "REQUIRES_IMPROVEMENT";
        }
        // The report's Inadequate audits are deep dives; some of the others are dip samples.
        boolean thematic = n >= inadequate && random.nextInt(6) == 0;
        List<String> factors = grade.equals("INADEQUATE") ? factors(random) : List.of();
        DemoAudit audit =
            new DemoAudit(
                nextRef(date),
                date,
                team,
                practitioner,
                grade.equals("DOWNGRADED") ? "REQUIRES_IMPROVEMENT" : grade,
                factors,
                thematic);
        plan(timeline, audit, RECORDED.plusMinutes(random.nextInt(300)));
        LocalDate moderated = calendar.addWorkingDays(date, 1 + random.nextInt(8));
        if (grade.equals("DOWNGRADED")) {
          List<String> found = factors(random);
          if (!found.contains("ASSESSMENT_QUALITY")) {
            found = new ArrayList<>(found);
            found.add("ASSESSMENT_QUALITY");
          }
          planModeration(
              timeline,
              audit.ref(),
              moderated,
              "INADEQUATE",
              "The risk to the child was not assessed promptly and the plan has drifted.",
              found);
          followUps.planLife(
              timeline, random, audit, timeline.at(moderated, MODERATED), found.contains(RISK));
        } else if (grade.equals("INADEQUATE")) {
          boolean liftedByModeration = random.nextInt(9) == 0;
          if (liftedByModeration && timeline.planned(timeline.at(moderated, MODERATED))) {
            planModeration(
                timeline,
                audit.ref(),
                moderated,
                "REQUIRES_IMPROVEMENT",
                "The plan was reviewed before the audit closed; the child's needs are being met.",
                null);
            followUps.planLifeUntilRevised(
                timeline, random, audit, timeline.at(date, RECORDED.plusHours(6)), moderated);
          } else {
            if (random.nextInt(100) < 55) {
              planModeration(
                  timeline, audit.ref(), moderated, "INADEQUATE", "Agreed: Inadequate.", null);
            }
            followUps.planLife(
                timeline,
                random,
                audit,
                timeline.at(date, RECORDED.plusHours(6)),
                audit.significantHarmRisk());
          }
        } else if (random.nextInt(100) < 45) {
          if (grade.equals("GOOD") && random.nextInt(3) == 0) {
            planModeration(
                timeline,
                audit.ref(),
                moderated,
                "REQUIRES_IMPROVEMENT",
                "Good direct work, but the plan lacks clear timescales.",
                null);
          } else {
            planModeration(
                timeline,
                audit.ref(),
                moderated,
                audit.grade(),
                "Agreed with the auditor's judgement.",
                null);
          }
        }
      }
    }
  }

  static final String RISK = "SIGNIFICANT_HARM_RISK";

  /**
   * The contributory factors of an Inadequate audit, in the report's proportions: drift and delay
   * in most, assessment in about 9 of 20, a risk of significant harm in about 7 of 20, oversight
   * and escalation in about 4 of 20.
   */
  static List<String> factors(Random random) {
    List<String> chosen = new ArrayList<>();
    if (random.nextInt(100) < 60) {
      chosen.add("PERMANENCE_DRIFT_DELAY");
    }
    if (random.nextInt(100) < 45) {
      chosen.add("ASSESSMENT_QUALITY");
    }
    if (random.nextInt(100) < 35) {
      chosen.add(RISK);
    }
    if (random.nextInt(100) < 20) {
      chosen.add("OVERSIGHT_ESCALATION");
    }
    if (random.nextInt(100) < 15) {
      chosen.add(random.nextBoolean() ? "CHILD_VOICE" : "PLANNING");
    }
    if (chosen.isEmpty()) {
      chosen.add("PERMANENCE_DRIFT_DELAY");
    }
    return chosen;
  }

  /** The month's working days up to the story's end (today only if the story ends after work). */
  private List<LocalDate> workingDays(YearMonth month, LocalDate today, DemoTimeline timeline) {
    return workingDays(month).stream()
        .filter(
            d ->
                d.isBefore(today)
                    || (d.equals(today) && timeline.planned(timeline.at(d, LocalTime.of(15, 0)))))
        .toList();
  }

  private List<LocalDate> workingDays(YearMonth month) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        days.add(d);
      }
    }
    return days;
  }

  static AuditDraft draft(DemoAudit audit) {
    DemoTeam team = audit.team();
    return new AuditDraft(
        audit.ref(),
        audit.date().toString(),
        audit.thematic() ? "THEMATIC_DIP_SAMPLE" : "DEEP_DIVE",
        audit.thematic() ? "Quality of assessments in the " + team.serviceArea() + " teams" : null,
        team.serviceArea(),
        team.team(),
        audit.practitioner(),
        null,
        team.manager(),
        team.managerName(),
        "C-" + (100000 + Math.floorMod(audit.ref().hashCode(), 900000)),
        AUDITOR,
        audit.grade(),
        null,
        null,
        null,
        null,
        audit.factors(),
        "Demo audit.");
  }
}
