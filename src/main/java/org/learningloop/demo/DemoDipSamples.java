package org.learningloop.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.learningloop.audit.AuditDraft;
import org.learningloop.audit.AuditRegister;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.dipsample.ActionCommand;
import org.learningloop.dipsample.ActionDetails;
import org.learningloop.dipsample.ActionOwnerType;
import org.learningloop.dipsample.Actions;
import org.learningloop.dipsample.DipSampleCommand;
import org.learningloop.dipsample.DipSampleUnit;
import org.learningloop.dipsample.DipSamples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's three thematic dip samples (December 2023, 16 assessments in the Help and Protect
 * teams; January 2024, 10 families in the Safer Families Practice Hub and 7 assessments in the CWCN
 * and Corporate Parenting teams), recorded by the demo auditor with their sampled audits (good work
 * mostly, none Inadequate), and with actions in each state: one open with the practitioner, one
 * waiting for the auditor's verification, one done, one cancelled; the CWCN sample has none, so the
 * reports say so. Through the dip-sample module's face, so every action runs its process and its
 * owner's task is in their list. Each dip sample is made once, with its actions, in one
 * transaction: restarts add nothing.
 */
@Component
class DemoDipSamples {

  static final String DECEMBER = "DS-2023-12-HP";
  static final String HUB = "DS-2024-01-SFPH";
  static final String CWCN = "DS-2024-01-CWCN";

  private static final Logger log = LoggerFactory.getLogger(DemoDipSamples.class);
  private static final String AUDITOR = "auditor";
  private static final String DOMAIN = "@learningloop.example";
  private static final String AUDITOR_EMAIL = "auditor" + DOMAIN;

  /** The grades of a dip sample's audits, in turn: mostly good work, some to improve. */
  private static final String[] GRADES = {
    "GOOD", "REQUIRES_IMPROVEMENT", "GOOD", "OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT"
  };

  private final DipSamples dipSamples;
  private final Actions actions;
  private final AuditRegister register;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  DemoDipSamples(
      DipSamples dipSamples,
      Actions actions,
      AuditRegister register,
      WorkingDayCalendar calendar,
      Clock clock) {
    this.dipSamples = dipSamples;
    this.actions = actions;
    this.register = register;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Transactional
  void ensurePresent() {
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    LocalDate soon = calendar.addWorkingDays(today, 5);
    LocalDate later = calendar.addWorkingDays(today, 15);
    if (record(
        DECEMBER,
        "Quality of assessments in the Help and Protect teams",
        "2023-12",
        DipSampleUnit.ASSESSMENTS,
        16,
        "Assessments were mostly timely; the child's voice and the analysis of risk were often thin.")) {
      set(
          DECEMBER,
          ActionOwnerType.PRACTITIONER,
          "practitioner" + DOMAIN,
          null,
          "Add the child's own words to the assessments sampled",
          soon);
      ActionDetails team =
          set(
              DECEMBER,
              ActionOwnerType.TEAM,
              DemoUsers.TEAM,
              null,
              "Hold a team session on analysing risk in assessments",
              later);
      actions.complete(
          team.id(),
          team.actor(),
          new ActionCommand.Complete("Team session held; the slides are on the team site."));
      ActionDetails iro =
          set(
              DECEMBER,
              ActionOwnerType.PARTNER,
              "IRO service",
              "service-manager" + DOMAIN,
              "Agree how IROs escalate drift in care planning",
              later);
      actions.complete(
          iro.id(),
          iro.actor(),
          new ActionCommand.Complete("The IRO service agreed a two-week escalation route."));
      actions.verify(iro.id(), AUDITOR);
    }
    if (record(
        HUB,
        "Impact of the Safer Families Practice Hub",
        "2024-01",
        DipSampleUnit.FAMILIES,
        10,
        "Families reported consistent workers; plans were shared with partners.")) {
      ActionDetails area =
          set(
              HUB,
              ActionOwnerType.SERVICE_AREA,
              DemoUsers.SERVICE_AREA,
              null,
              "Share the hub's practice model with every team",
              later);
      actions.cancel(
          area.id(), AUDITOR, new ActionCommand.Reason("Covered by the service's practice week."));
    }
    record(
        CWCN,
        "Quality of assessments in the CWCN and Corporate Parenting teams",
        "2024-01",
        DipSampleUnit.ASSESSMENTS,
        7,
        null);
  }

  /** Records the dip sample unless it exists; answers whether it was new. */
  private boolean record(
      String ref, String theme, String month, DipSampleUnit unit, int size, String findings) {
    if (dipSamples.exists(ref)) {
      return false;
    }
    recordAudits(ref, YearMonth.parse(month), size);
    dipSamples.record(
        new DipSampleCommand(ref, theme, month, DemoUsers.SERVICE_AREA, null, unit, size, findings),
        AUDITOR);
    log.info("Demo dip sample {} recorded", ref);
    return true;
  }

  private ActionDetails set(
      String source,
      ActionOwnerType type,
      String owner,
      String contact,
      String description,
      LocalDate due) {
    return actions.set(
        new ActionCommand.Set(source, type, owner, contact, description, due), AUDITOR);
  }

  /**
   * The dip sample's audits, as its auditor would import them: one per sampled case, on the working
   * days of its month, each naming the dip sample in its theme. None is Inadequate, so no follow-up
   * opens in a month long past.
   */
  private void recordAudits(String ref, YearMonth month, int size) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        days.add(d);
      }
    }
    for (int i = 0; i < size; i++) {
      String auditRef = "DEMO-" + ref + "-" + (i + 1);
      if (register.exists(auditRef)) {
        continue;
      }
      register.record(
          new AuditDraft(
              auditRef,
              days.get(i * days.size() / size).toString(),
              "THEMATIC_DIP_SAMPLE",
              ref,
              DemoUsers.SERVICE_AREA,
              DemoUsers.TEAM,
              "practitioner" + DOMAIN,
              null,
              "team-manager" + DOMAIN,
              null,
              "C-" + (200000 + Math.floorMod(auditRef.hashCode(), 700000)),
              AUDITOR_EMAIL,
              GRADES[i % GRADES.length],
              null,
              null,
              null,
              null,
              List.of(),
              "Demo dip-sample audit."));
    }
  }
}
