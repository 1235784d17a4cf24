package org.learningloop.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.learningloop.audit.AuditRegister;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.demo.DemoAudits.DemoAudit;
import org.learningloop.demo.DemoAudits.DemoTeam;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.followup.ConversationAttendees;
import org.learningloop.followup.FollowUpCommand;
import org.learningloop.followup.FollowUpCommands;
import org.learningloop.followup.FollowUpDetails;
import org.learningloop.followup.FollowUpQueries;
import org.learningloop.followup.SupportOwner;
import org.learningloop.workflow.FollowUpProcess;
import org.learningloop.workflow.tasks.OpenTasks;
import org.learningloop.workflow.tasks.TaskClaims;
import org.learningloop.workflow.tasks.TaskListView;
import org.learningloop.workflow.tasks.TaskView;
import org.springframework.stereotype.Component;

/**
 * The demo story's follow-ups: the life of each Inadequate audit's follow-up, step by step as the
 * people who take each step would take it ({@link FollowUpCommands}, with the same commands and the
 * same acting user as the API and the pages), each on its own day of the story. Older follow-ups
 * run their whole course (allocated, the safety review, conversations held and now and then missed,
 * support offered, accepted or declined, completed and verified, closure proposed, now and then
 * sent back, signed off, and re-audited three months later); the current cases are placed so that
 * today the follow-ups wait at every stage, and are overdue at every rung of the escalation ladder.
 */
@Component
class DemoFollowUps {

  static final String OFFICER = "pi-officer";
  static final String LEAD = "pi-lead";
  static final String AUDITOR = "auditor";
  static final String SERVICE_MANAGER = "service-manager";

  private static final LocalTime ALLOCATED = LocalTime.of(11, 30);
  private static final LocalTime CONFIRMED = LocalTime.of(14, 0);
  private static final LocalTime CONFIRMED_BY_MANAGER = LocalTime.of(10, 30);
  private static final LocalTime SCHEDULED = LocalTime.of(14, 30);
  private static final LocalTime MORNING_MEETING = LocalTime.of(10, 0);
  private static final LocalTime AFTERNOON_MEETING = LocalTime.of(14, 0);
  private static final LocalTime OUTCOME = LocalTime.of(16, 30);
  private static final LocalTime OFFERED = LocalTime.of(16, 45);
  private static final LocalTime ANSWERED = LocalTime.of(10, 15);
  private static final LocalTime COMPLETED = LocalTime.of(15, 15);
  private static final LocalTime VERIFIED = LocalTime.of(11, 45);
  private static final LocalTime PROPOSED = LocalTime.of(12, 15);
  private static final LocalTime SENT_BACK = LocalTime.of(9, 45);
  private static final LocalTime SIGNED_OFF = LocalTime.of(15, 45);
  private static final LocalTime RE_AUDITED = LocalTime.of(13, 0);
  private static final LocalTime WITHDRAWN = LocalTime.of(12, 45);

  private static final String[] SUPPORT_TYPES = {
    "ASSESSMENT_TRAINING_REFRESH", "CARE_PLANNING_VIDEO", "INDIVIDUAL_COACHING", "TEAM_SESSION"
  };
  private static final String[] PLACES = {
    "Team room, Magdalen House", "Meeting room 2, Bootle Town Hall", "https://meet.example/pi-room"
  };
  private static final String[] NOTES = {
    "Talked through the chronology and where the plan lost momentum.",
    "Reflected on the assessment and which voices were missing from it.",
    "Went through the audit findings together and agreed what to change first.",
    "Discussed supervision notes and how escalation should have been recorded."
  };
  private static final String[] LEARNING = {
    "Set timescales in every plan and review them in supervision.",
    "Hear the child directly and record their words.",
    "Escalate to the IRO when the plan drifts; record the escalation.",
    "Refresh the assessment whenever the family's circumstances change."
  };
  private static final String[] NOT_HELD = {
    "Called away to an urgent child protection visit; to be rebooked.",
    "Off sick on the day.",
    "On annual leave; the invitation went out before the leave was known."
  };

  private final FollowUpCommands commands;
  private final FollowUpQueries queries;
  private final AuditRegister register;
  private final DemoAudits audits;
  private final Directory directory;
  private final Deadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final OpenTasks openTasks;
  private final TaskClaims claims;

  DemoFollowUps(
      FollowUpCommands commands,
      FollowUpQueries queries,
      AuditRegister register,
      DemoAudits audits,
      Directory directory,
      Deadlines deadlines,
      WorkingDayCalendar calendar,
      OpenTasks openTasks,
      TaskClaims claims) {
    this.commands = commands;
    this.queries = queries;
    this.register = register;
    this.audits = audits;
    this.directory = directory;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.openTasks = openTasks;
    this.claims = claims;
  }

  // ---- the current cases ----

  /**
   * The cases that make today's picture: follow-ups waiting at every stage and overdue at every
   * rung of the ladder, for the demo people above all. Returns how many Inadequate audits they add
   * to each month.
   */
  Map<YearMonth, Integer> planCases(DemoTimeline t, Random random) {
    Map<YearMonth, Integer> byMonth = new HashMap<>();
    Cases cases = new Cases(t, random, byMonth);
    String practitioner = DemoAudits.TEAM_1.practitioners().get(0);
    String jo = DemoAudits.TEAM_1.practitioners().get(1);
    String sam = DemoAudits.TEAM_1.practitioners().get(2);
    String lee = DemoAudits.TEAM_2.practitioners().get(0);
    String amara = DemoAudits.TEAM_2.practitioners().get(1);
    String nina = DemoAudits.CORPORATE_PARENTING.practitioners().get(0);
    String tom = DemoAudits.CORPORATE_PARENTING.practitioners().get(1);

    // In the team queue, not yet due; the Team Manager asked to confirm the child's safety.
    LocalDate recent = latestWorkingDayBy(t, LocalTime.of(15, 0));
    cases.open(
        DemoAudits.TEAM_1,
        practitioner,
        recent,
        LocalTime.of(15, 0),
        DemoAudits.RISK,
        "ASSESSMENT_QUALITY");

    // In the queue past the allocation target: the PI lead told (0), the Service Manager (+3), the
    // Assistant Director (+5); the second with a safety review escalated to the Assistant Director.
    cases.open(DemoAudits.CORPORATE_PARENTING, nina, ago(t, 3), "PERMANENCE_DRIFT_DELAY");
    cases.open(DemoAudits.TEAM_2, amara, ago(t, 6), DemoAudits.RISK, "PERMANENCE_DRIFT_DELAY");
    cases.open(DemoAudits.TEAM_1, jo, ago(t, 9), "ASSESSMENT_QUALITY", "PLANNING");

    // Claimed; the safety review not confirmed in time, now with the Service Manager.
    LocalDate ended = latestWorkingDayEnded(t);
    Life d =
        cases.open(
            DemoAudits.TEAM_1,
            sam,
            calendar.previousWorkingDay(ended),
            DemoAudits.RISK,
            "OVERSIGHT_ESCALATION");
    d.claim(ended.atTime(9, 30), false);

    // Allocated by the PI lead: both conversations booked for the coming days, coaching offered.
    Life f = cases.open(DemoAudits.TEAM_1, practitioner, ago(t, 12), "PERMANENCE_DRIFT_DELAY");
    f.allocate(f.day(1), false);
    f.schedule(
        f.day(3), ConversationAttendees.TEAM_MANAGER, ahead(t, 2), MORNING_MEETING, 60, PLACES[0]);
    f.schedule(
        f.day(3),
        ConversationAttendees.PRACTITIONER,
        ahead(t, 3),
        AFTERNOON_MEETING,
        90,
        PLACES[2]);
    f.offer(
        ago(t, 2),
        "coaching",
        "INDIVIDUAL_COACHING",
        SupportOwner.PRACTITIONER,
        ahead(t, 15),
        "Six sessions on permanence planning with a senior practitioner.");

    // The Team Manager's conversation held; the practitioner's missed, to be booked again.
    Life g = cases.open(DemoAudits.TEAM_1, jo, ago(t, 16), "ASSESSMENT_QUALITY");
    g.claim(g.day(1), false);
    g.schedule(
        g.day(2), ConversationAttendees.TEAM_MANAGER, ago(t, 8), MORNING_MEETING, 60, PLACES[1]);
    g.held(ago(t, 8), ConversationAttendees.TEAM_MANAGER);
    g.schedule(
        g.day(2), ConversationAttendees.PRACTITIONER, ago(t, 7), AFTERNOON_MEETING, 90, PLACES[0]);
    g.notHeld(ago(t, 7), ConversationAttendees.PRACTITIONER, NOT_HELD[0]);
    g.offer(
        ago(t, 8), "video", "CARE_PLANNING_VIDEO", SupportOwner.PRACTITIONER, ahead(t, 10), null);
    g.accept(ago(t, 6), "video");

    // A joint conversation held yesterday: its outcome still to be written up.
    Life h =
        cases.open(DemoAudits.TEAM_2, lee, ago(t, 10), "PERMANENCE_DRIFT_DELAY", "CHILD_VOICE");
    h.claim(h.day(1), true);
    h.schedule(
        h.day(2), ConversationAttendees.JOINT, ago(t, 1), LocalTime.of(11, 0), 60, PLACES[2]);

    // Conversations overdue by 1 (the officer and the PI lead told), by 4 (the Service Manager) and
    // by 9 working days (the Assistant Director).
    Life i = cases.open(DemoAudits.CORPORATE_PARENTING, tom, ago(t, 23), "ASSESSMENT_QUALITY");
    i.claim(ago(t, 21), false);
    i.schedule(
        i.day(4), ConversationAttendees.TEAM_MANAGER, i.day(8), MORNING_MEETING, 60, PLACES[1]);
    i.held(i.day(8), ConversationAttendees.TEAM_MANAGER);

    Life j = cases.open(DemoAudits.TEAM_2, amara, ago(t, 26), "PERMANENCE_DRIFT_DELAY");
    j.claim(ago(t, 24), false);
    j.schedule(
        j.day(5), ConversationAttendees.TEAM_MANAGER, j.day(11), MORNING_MEETING, 60, PLACES[0]);
    j.held(j.day(11), ConversationAttendees.TEAM_MANAGER);
    j.schedule(
        j.day(5), ConversationAttendees.PRACTITIONER, j.day(12), AFTERNOON_MEETING, 60, PLACES[0]);
    j.notHeld(j.day(12), ConversationAttendees.PRACTITIONER, NOT_HELD[2]);

    Life k = cases.open(DemoAudits.TEAM_1, practitioner, ago(t, 30), "PERMANENCE_DRIFT_DELAY");
    k.allocate(ago(t, 29), false);
    k.schedule(
        k.day(2), ConversationAttendees.TEAM_MANAGER, k.day(6), MORNING_MEETING, 60, PLACES[1]);
    k.held(k.day(6), ConversationAttendees.TEAM_MANAGER);
    k.schedule(
        k.day(3), ConversationAttendees.PRACTITIONER, k.day(9), AFTERNOON_MEETING, 60, PLACES[1]);
    k.reschedule(
        k.day(8), ConversationAttendees.PRACTITIONER, k.day(14), AFTERNOON_MEETING, 60, PLACES[2]);
    k.notHeld(k.day(14), ConversationAttendees.PRACTITIONER, NOT_HELD[1]);

    // Both held jointly; support in every state: to verify, to complete, declined, to answer.
    Life l =
        cases.open(DemoAudits.TEAM_1, practitioner, ago(t, 35), "ASSESSMENT_QUALITY", "PLANNING");
    LocalDate la = l.day(1);
    l.claim(la, true);
    LocalDate lHeld = calendar.addWorkingDays(la, 7);
    l.schedule(
        calendar.addWorkingDays(la, 2),
        ConversationAttendees.JOINT,
        lHeld,
        MORNING_MEETING,
        90,
        PLACES[0]);
    l.held(lHeld, ConversationAttendees.JOINT);
    l.offer(
        lHeld,
        "refresh",
        "ASSESSMENT_TRAINING_REFRESH",
        SupportOwner.PRACTITIONER,
        ahead(t, 10),
        null);
    l.offer(lHeld, "video", "CARE_PLANNING_VIDEO", SupportOwner.PRACTITIONER, ahead(t, 5), null);
    l.offer(
        lHeld,
        "session",
        "TEAM_SESSION",
        SupportOwner.WHOLE_TEAM,
        ahead(t, 15),
        "A team session on assessments that hear the child.");
    l.accept(calendar.addWorkingDays(lHeld, 2), "refresh");
    l.accept(calendar.addWorkingDays(lHeld, 1), "video");
    l.complete(ago(t, 2), "video");
    l.decline(
        calendar.addWorkingDays(lHeld, 3),
        "session",
        "The team had this session in September; I will cover it in supervision instead.");
    l.offer(
        ago(t, 3),
        "coaching",
        "INDIVIDUAL_COACHING",
        SupportOwner.TEAM_MANAGER,
        ahead(t, 12),
        "Coaching on reflective supervision.");

    // Closure proposed, sent back, proposed again: waiting for the PI lead's sign-off.
    Life m = cases.open(DemoAudits.TEAM_2, lee, ago(t, 50), "PERMANENCE_DRIFT_DELAY");
    m.claim(m.day(1), false);
    m.schedule(
        m.day(2), ConversationAttendees.TEAM_MANAGER, m.day(5), MORNING_MEETING, 60, PLACES[0]);
    m.held(m.day(5), ConversationAttendees.TEAM_MANAGER);
    m.schedule(
        m.day(2), ConversationAttendees.PRACTITIONER, m.day(7), AFTERNOON_MEETING, 60, PLACES[1]);
    m.held(m.day(7), ConversationAttendees.PRACTITIONER);
    m.offer(
        m.day(7),
        "refresh",
        "ASSESSMENT_TRAINING_REFRESH",
        SupportOwner.PRACTITIONER,
        m.day(27),
        null);
    m.accept(m.day(8), "refresh");
    m.complete(m.day(16), "refresh");
    m.verify(m.day(17), "refresh");
    m.propose(m.day(19));
    m.sendBack(
        m.day(20), "Add the learning points to the practitioner's supervision record first.");
    m.propose(ago(t, 2));
    m.claimSignOff(ago(t, 1));

    // Closure overdue by 6 working days, the practitioner's coaching not completed.
    Life n =
        cases.open(
            DemoAudits.TEAM_1, sam, ago(t, 68), "PERMANENCE_DRIFT_DELAY", "ASSESSMENT_QUALITY");
    n.claim(ago(t, 66), true);
    n.schedule(n.day(4), ConversationAttendees.JOINT, n.day(10), MORNING_MEETING, 60, PLACES[1]);
    n.held(n.day(10), ConversationAttendees.JOINT);
    n.offer(
        n.day(10), "coaching", "INDIVIDUAL_COACHING", SupportOwner.PRACTITIONER, n.day(32), null);
    n.accept(n.day(12), "coaching");

    // Closed about three months ago: the effectiveness re-audit is due, in the auditors' queue.
    LocalDate reAuditDay = ago(t, 4);
    LocalDate closedP = onOrBefore(reAuditDay.minusMonths(3));
    Life p =
        cases.open(
            DemoAudits.TEAM_2,
            amara,
            calendar.subtractWorkingDays(closedP, 40),
            "ASSESSMENT_QUALITY");
    p.wholeCourse(closedP, "session", "TEAM_SESSION", SupportOwner.WHOLE_TEAM);

    // Closed a month ago: waiting for its re-audit.
    LocalDate closedQ = ago(t, 20);
    Life q =
        cases.open(
            DemoAudits.TEAM_1,
            practitioner,
            calendar.subtractWorkingDays(closedQ, 40),
            "PERMANENCE_DRIFT_DELAY");
    q.wholeCourse(closedQ, "refresh", "ASSESSMENT_TRAINING_REFRESH", SupportOwner.PRACTITIONER);

    // Withdrawn by the PI lead, and ended when moderation lifted the grade.
    Life r = cases.open(DemoAudits.CORPORATE_PARENTING, tom, ago(t, 110), "PLANNING");
    r.claim(r.day(1), false);
    r.withdraw(
        r.day(6), "The child moved to another local authority, which has taken over the case.");

    LocalDate revisedOn = ago(t, 85);
    DemoAudit revised =
        cases.audit(
            DemoAudits.TEAM_2,
            lee,
            calendar.subtractWorkingDays(revisedOn, 5),
            List.of("PLANNING"));
    audits.planModeration(
        t,
        revised.ref(),
        revisedOn,
        "REQUIRES_IMPROVEMENT",
        "The plan was reviewed before the audit closed; the child's needs are being met.",
        null);
    planLifeUntilRevised(t, random, revised, t.at(revised.date(), DemoAudits.RECORDED), revisedOn);
    return byMonth;
  }

  /** Records the current cases' audits and starts their lives. */
  private final class Cases {
    private final DemoTimeline t;
    private final Random random;
    private final Map<YearMonth, Integer> byMonth;

    Cases(DemoTimeline t, Random random, Map<YearMonth, Integer> byMonth) {
      this.t = t;
      this.random = random;
      this.byMonth = byMonth;
    }

    DemoAudit audit(DemoTeam team, String practitioner, LocalDate day, List<String> factors) {
      return audit(team, practitioner, day, DemoAudits.RECORDED, factors);
    }

    DemoAudit audit(
        DemoTeam team, String practitioner, LocalDate day, LocalTime time, List<String> factors) {
      DemoAudit audit =
          new DemoAudit(audits.nextRef(day), day, team, practitioner, "INADEQUATE", factors, false);
      audits.plan(t, audit, time);
      byMonth.merge(YearMonth.from(day), 1, Integer::sum);
      return audit;
    }

    Life open(DemoTeam team, String practitioner, LocalDate day, String... factors) {
      return open(team, practitioner, day, DemoAudits.RECORDED, factors);
    }

    Life open(
        DemoTeam team, String practitioner, LocalDate day, LocalTime time, String... factors) {
      DemoAudit audit = audit(team, practitioner, day, time, List.of(factors));
      return new Life(t, random, audit, t.at(day, time));
    }
  }

  // ---- the year's other follow-ups ----

  /**
   * A follow-up's whole course from its opening: allocated within a few working days (now and then
   * late), the safety review confirmed (now and then only after it was escalated), the
   * conversations held (now and then missed and booked again), support offered, answered, completed
   * and verified, closure proposed (now and then sent back) and signed off, and the re-audit three
   * months later. What falls after the story's end is left out: a recent one is still under way.
   */
  void planLife(DemoTimeline t, Random random, DemoAudit audit, Instant opened, boolean risk) {
    Life life = new Life(t, random, audit, opened);
    LocalDate allocated = life.day(pick(random, 0, 1, 1, 1, 2, 2, 4, 6));
    boolean joint = random.nextInt(10) < 3;
    if (random.nextInt(10) < 4) {
      life.allocate(allocated, joint);
    } else {
      life.claim(allocated, joint);
    }
    LocalDate ready = allocated;
    if (risk) {
      int late = random.nextInt(10);
      LocalDate confirmed = life.day(late < 5 ? 0 : late < 8 ? 1 : 2);
      if (late < 8) {
        life.confirmSafety(confirmed, CONFIRMED, null);
      } else {
        // After the timer has escalated it to the Service Manager.
        life.confirmSafety(
            confirmed,
            CONFIRMED_BY_MANAGER,
            audit.team().serviceArea().equals(DemoUsers.SERVICE_AREA) ? SERVICE_MANAGER : null);
      }
      ready = later(ready, confirmed);
    }
    LocalDate firstHeld;
    LocalDate lastHeld;
    if (joint) {
      LocalDate on = calendar.addWorkingDays(allocated, 5 + random.nextInt(8));
      life.schedule(
          calendar.addWorkingDays(allocated, 1 + random.nextInt(2)),
          ConversationAttendees.JOINT,
          on,
          MORNING_MEETING,
          90,
          PLACES[random.nextInt(PLACES.length)]);
      life.held(on, ConversationAttendees.JOINT);
      firstHeld = on;
      lastHeld = on;
    } else {
      LocalDate managerOn = calendar.addWorkingDays(allocated, 4 + random.nextInt(7));
      life.schedule(
          calendar.addWorkingDays(allocated, 1 + random.nextInt(2)),
          ConversationAttendees.TEAM_MANAGER,
          managerOn,
          MORNING_MEETING,
          60,
          PLACES[random.nextInt(PLACES.length)]);
      life.held(managerOn, ConversationAttendees.TEAM_MANAGER);
      LocalDate on = calendar.addWorkingDays(allocated, 6 + random.nextInt(9));
      life.schedule(
          calendar.addWorkingDays(allocated, 1 + random.nextInt(3)),
          ConversationAttendees.PRACTITIONER,
          on,
          AFTERNOON_MEETING,
          90,
          PLACES[random.nextInt(PLACES.length)]);
      if (random.nextInt(100) < 15) {
        life.notHeld(
            on, ConversationAttendees.PRACTITIONER, NOT_HELD[random.nextInt(NOT_HELD.length)]);
        LocalDate again = calendar.addWorkingDays(on, 5 + random.nextInt(4));
        life.schedule(
            calendar.addWorkingDays(on, 1),
            ConversationAttendees.PRACTITIONER,
            again,
            AFTERNOON_MEETING,
            60,
            PLACES[random.nextInt(PLACES.length)]);
        on = again;
      }
      life.held(on, ConversationAttendees.PRACTITIONER);
      firstHeld = managerOn.isBefore(on) ? managerOn : on;
      lastHeld = managerOn.isBefore(on) ? on : managerOn;
    }
    ready = later(ready, lastHeld);
    int items = random.nextInt(10) == 0 ? 0 : random.nextInt(3) == 0 ? 2 : 1;
    for (int n = 0; n < items; n++) {
      String key = "support-" + n;
      SupportOwner owner =
          switch (random.nextInt(7)) {
            case 0 -> SupportOwner.TEAM_MANAGER;
            case 1 -> SupportOwner.WHOLE_TEAM;
            default -> SupportOwner.PRACTITIONER;
          };
      life.offer(
          firstHeld,
          key,
          SUPPORT_TYPES[random.nextInt(SUPPORT_TYPES.length)],
          owner,
          calendar.addWorkingDays(firstHeld, 20),
          null);
      LocalDate answered = calendar.addWorkingDays(firstHeld, 1 + random.nextInt(3));
      if (random.nextInt(5) == 0) {
        life.decline(answered, key, "Already done this year; the certificate is on file.");
        ready = later(ready, answered);
      } else {
        life.accept(answered, key);
        LocalDate completed = calendar.addWorkingDays(answered, 3 + random.nextInt(10));
        life.complete(completed, key);
        LocalDate verified = calendar.addWorkingDays(completed, 1 + random.nextInt(3));
        life.verify(verified, key);
        ready = later(ready, verified);
      }
    }
    LocalDate proposed = calendar.addWorkingDays(ready, 1 + random.nextInt(3));
    life.propose(proposed);
    if (random.nextInt(10) == 0) {
      life.sendBack(
          calendar.addWorkingDays(proposed, 1),
          "Add the learning points to the practitioner's supervision record first.");
      proposed = calendar.addWorkingDays(proposed, 3);
      life.propose(proposed);
    }
    LocalDate closed = calendar.addWorkingDays(proposed, random.nextInt(2));
    life.signOff(closed);
    life.reAudit(
        calendar.addWorkingDays(deadlines.reAuditDate(closed), 1 + random.nextInt(8)),
        random.nextInt(10) < 7 ? "REQUIRES_IMPROVEMENT" : "GOOD");
  }

  /**
   * A follow-up allocated and a conversation booked before moderation lifts its audit out of
   * Inadequate on {@code revisedOn}: it ends as GRADE_REVISED and the booking is called off.
   */
  void planLifeUntilRevised(
      DemoTimeline t, Random random, DemoAudit audit, Instant opened, LocalDate revisedOn) {
    Life life = new Life(t, random, audit, opened);
    life.claim(life.day(0), false);
    LocalDate booked = life.day(1);
    if (booked.isBefore(revisedOn)) {
      life.schedule(
          booked,
          ConversationAttendees.TEAM_MANAGER,
          calendar.addWorkingDays(revisedOn, 3),
          MORNING_MEETING,
          60,
          PLACES[0]);
    }
  }

  // ---- one follow-up's life ----

  /**
   * The steps of one audit's follow-up, each planned on its day at the time of day such a step is
   * taken, and never before the follow-up opened.
   */
  final class Life {
    private final DemoTimeline t;
    private final Random random;
    private final DemoAudit audit;
    private final Instant opened;
    private final LocalDate openedOn;
    private final Map<String, Long> items = new HashMap<>();
    private final Map<String, SupportOwner> owners = new HashMap<>();
    private int offers;

    Life(DemoTimeline t, Random random, DemoAudit audit, Instant opened) {
      this.t = t;
      this.random = random;
      this.audit = audit;
      this.opened = opened;
      this.openedOn = opened.atZone(t.zone()).toLocalDate();
    }

    /** {@code n} working days after the day it opened. */
    LocalDate day(int n) {
      return calendar.addWorkingDays(openedOn, n);
    }

    void claim(LocalDate day, boolean joint) {
      claim(day.atTime(ALLOCATED), joint);
    }

    void claim(LocalDateTime at, boolean joint) {
      step(at, "claimed", () -> commands.claim(id(), OFFICER, new FollowUpCommand.Claim(joint)));
    }

    void allocate(LocalDate day, boolean joint) {
      step(
          day.atTime(ALLOCATED),
          "allocated",
          () -> commands.allocate(id(), LEAD, new FollowUpCommand.Allocate(OFFICER, joint)));
    }

    /** The safety review confirmed by the Team Manager, or by {@code manager} when given. */
    void confirmSafety(LocalDate day, LocalTime time, String manager) {
      step(
          day.atTime(time),
          "safety review confirmed",
          () ->
              commands.confirmSafeguarding(
                  id(), manager == null ? username(audit.team().manager()) : manager));
    }

    void schedule(
        LocalDate day,
        ConversationAttendees attendees,
        LocalDate on,
        LocalTime time,
        int minutes,
        String place) {
      book(day, attendees, new FollowUpCommand.Schedule(on.atTime(time), minutes, place), false);
    }

    void reschedule(
        LocalDate day,
        ConversationAttendees attendees,
        LocalDate on,
        LocalTime time,
        int minutes,
        String place) {
      book(day, attendees, new FollowUpCommand.Schedule(on.atTime(time), minutes, place), true);
    }

    private void book(
        LocalDate day,
        ConversationAttendees attendees,
        FollowUpCommand.Schedule schedule,
        boolean again) {
      step(
          day.atTime(SCHEDULED),
          attendees + (again ? " conversation moved" : " conversation scheduled"),
          () -> {
            long conversation = conversation(attendees);
            if (again) {
              commands.rescheduleConversation(id(), conversation, OFFICER, schedule);
            } else {
              commands.scheduleConversation(id(), conversation, OFFICER, schedule);
            }
          });
    }

    void held(LocalDate day, ConversationAttendees attendees) {
      FollowUpCommand.Held held =
          new FollowUpCommand.Held(
              NOTES[random.nextInt(NOTES.length)], LEARNING[random.nextInt(LEARNING.length)]);
      step(
          day.atTime(OUTCOME),
          attendees + " conversation held",
          () -> commands.recordConversationHeld(id(), conversation(attendees), OFFICER, held));
    }

    void notHeld(LocalDate day, ConversationAttendees attendees, String reason) {
      step(
          day.atTime(OUTCOME),
          attendees + " conversation not held",
          () ->
              commands.recordConversationNotHeld(
                  id(), conversation(attendees), OFFICER, new FollowUpCommand.Reason(reason)));
    }

    void offer(
        LocalDate day,
        String key,
        String type,
        SupportOwner owner,
        LocalDate due,
        String description) {
      owners.put(key, owner);
      FollowUpCommand.OfferSupport offer =
          new FollowUpCommand.OfferSupport(type, description, owner, due);
      step(
          day.atTime(OFFERED).plusMinutes(offers++),
          type + " offered",
          () -> items.put(key, commands.offerSupport(id(), OFFICER, offer)));
    }

    void accept(LocalDate day, String key) {
      step(
          day.atTime(ANSWERED),
          key + " accepted",
          () -> commands.acceptSupport(id(), item(key), owner(key)));
    }

    void decline(LocalDate day, String key, String reason) {
      step(
          day.atTime(ANSWERED),
          key + " declined",
          () ->
              commands.declineSupport(
                  id(), item(key), owner(key), new FollowUpCommand.Reason(reason)));
    }

    void complete(LocalDate day, String key) {
      step(
          day.atTime(COMPLETED),
          key + " completed",
          () -> commands.completeSupport(id(), item(key), owner(key)));
    }

    void verify(LocalDate day, String key) {
      step(
          day.atTime(VERIFIED),
          key + " verified",
          () -> commands.verifySupport(id(), item(key), OFFICER));
    }

    void propose(LocalDate day) {
      step(day.atTime(PROPOSED), "closure proposed", () -> commands.proposeClosure(id(), OFFICER));
    }

    void sendBack(LocalDate day, String reason) {
      step(
          day.atTime(SENT_BACK),
          "closure sent back",
          () -> commands.sendBack(id(), LEAD, new FollowUpCommand.Reason(reason)));
    }

    /** The PI lead takes the sign-off from the PI leads' queue, to do it soon. */
    void claimSignOff(LocalDate day) {
      Set<String> groups = Set.of(Role.PI_LEAD.groupId(), Role.PRACTICE_IMPROVEMENT_GROUP);
      step(
          day.atTime(SENT_BACK),
          "sign-off claimed",
          () -> {
            TaskView task =
                openTasks.list(TaskListView.TEAM, LEAD, groups, 0, 100).content().stream()
                    .filter(
                        v ->
                            audit.ref().equals(v.auditRef())
                                && FollowUpProcess.Elements.Task_SignOffClosure.equals(v.taskKey()))
                    .findFirst()
                    .orElseThrow(
                        () -> new IllegalStateException(audit.ref() + " waits for no sign-off"));
            claims.claim(task.taskId(), LEAD, groups);
          });
    }

    void signOff(LocalDate day) {
      step(day.atTime(SIGNED_OFF), "closure signed off", () -> commands.signOff(id(), LEAD));
    }

    /**
     * The effectiveness re-audit: another case of the same practitioner audited on {@code day} and
     * linked to the follow-up (its re-audit task falls due three months after closure).
     */
    void reAudit(LocalDate day, String grade) {
      DemoAudit again =
          new DemoAudit(
              audit.ref() + "-RA",
              day,
              audit.team(),
              audit.practitioner(),
              grade,
              List.of(),
              false);
      step(
          day.atTime(RE_AUDITED),
          "re-audited",
          () -> {
            register.record(DemoAudits.draft(again));
            commands.recordReAudit(id(), AUDITOR, new FollowUpCommand.ReAudit(again.ref()));
          });
    }

    void withdraw(LocalDate day, String reason) {
      step(
          day.atTime(WITHDRAWN),
          "withdrawn",
          () -> commands.withdraw(id(), LEAD, new FollowUpCommand.Reason(reason)));
    }

    /**
     * Allocated, both conversations held, one support item completed and verified, closure proposed
     * and signed off on {@code closed}, about 40 working days after it opened.
     */
    void wholeCourse(LocalDate closed, String key, String type, SupportOwner owner) {
      claim(day(1), false);
      schedule(day(2), ConversationAttendees.TEAM_MANAGER, day(6), MORNING_MEETING, 60, PLACES[0]);
      held(day(6), ConversationAttendees.TEAM_MANAGER);
      schedule(
          day(2), ConversationAttendees.PRACTITIONER, day(8), AFTERNOON_MEETING, 60, PLACES[1]);
      held(day(8), ConversationAttendees.PRACTITIONER);
      offer(day(8), key, type, owner, day(30), null);
      accept(day(9), key);
      complete(day(20), key);
      verify(day(21), key);
      propose(calendar.previousWorkingDay(closed));
      signOff(closed);
    }

    private void step(LocalDateTime when, String what, Runnable step) {
      Instant at = when.atZone(t.zone()).toInstant();
      if (!at.isAfter(opened)) {
        at = opened.plusSeconds(600);
      }
      t.plan(at, audit.ref() + ": " + what, step);
    }

    private long id() {
      return queries
          .idOf(audit.ref())
          .orElseThrow(() -> new IllegalStateException(audit.ref() + " has no follow-up"));
    }

    /** The latest conversation with these attendees (a reopened follow-up keeps older ones). */
    private long conversation(ConversationAttendees attendees) {
      return queries.get(id(), OFFICER).conversations().stream()
          .filter(c -> c.attendees() == attendees)
          .mapToLong(FollowUpDetails.ConversationView::id)
          .max()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      audit.ref() + " has no " + attendees + " conversation"));
    }

    private long item(String key) {
      Long id = items.get(key);
      if (id == null) {
        throw new IllegalStateException(audit.ref() + " has no support item " + key);
      }
      return id;
    }

    /** Who answers for the item: the practitioner, or the Team Manager (also for the team's). */
    private String owner(String key) {
      return username(
          owners.get(key) == SupportOwner.PRACTITIONER
              ? audit.practitioner()
              : audit.team().manager());
    }
  }

  private String username(String email) {
    return directory
        .findByEmail(email)
        .map(Person::username)
        .orElseThrow(() -> new IllegalStateException("nobody has the email " + email));
  }

  /** {@code n} working days before the story's last day ({@code n >= 1}). */
  private LocalDate ago(DemoTimeline t, int n) {
    return calendar.subtractWorkingDays(t.today(), n);
  }

  /** {@code n} working days after the story's last day. */
  private LocalDate ahead(DemoTimeline t, int n) {
    return calendar.addWorkingDays(calendar.nextWorkingDay(t.today()), n - 1);
  }

  /** The latest working day on which {@code time} is not after the story's end. */
  private LocalDate latestWorkingDayBy(DemoTimeline t, LocalTime time) {
    LocalDate day = t.today();
    while (!calendar.isWorkingDay(day) || !t.planned(t.at(day, time))) {
      day = day.minusDays(1);
    }
    return day;
  }

  /** The latest working day whose working hours are over by the story's end. */
  private LocalDate latestWorkingDayEnded(DemoTimeline t) {
    LocalDate day = t.today();
    while (!calendar.isWorkingDay(day) || calendar.endOfWorkingDay(day).isAfter(t.end())) {
      day = day.minusDays(1);
    }
    return day;
  }

  private LocalDate onOrBefore(LocalDate day) {
    return calendar.isWorkingDay(day) ? day : calendar.previousWorkingDay(day);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static int pick(Random random, int... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
