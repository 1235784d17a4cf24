package org.learningloop.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.learningloop.calendar.DeadlineProperties.EscalationRung;
import org.springframework.stereotype.Service;

/**
 * The follow-up process's deadlines in working days: when each stage falls due, when reminders
 * start, when each rung of the escalation ladder is reached, when the daily digest goes out and
 * when the effectiveness re-audit falls due. Due moments are the end of a working day (17:00 London
 * time by default), so a process timer can wait for them.
 */
@Service
public class Deadlines {

  private final DeadlineProperties properties;
  private final WorkingDayCalendar calendar;

  public Deadlines(DeadlineProperties properties, WorkingDayCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  /** The stage's target in working days. */
  public int target(Stage stage) {
    return properties.target(stage);
  }

  /**
   * When a stage falls due: the end of the working day {@link #target target} working days after
   * {@code countedFrom}, the moment the follow-up was created or allocated (see {@link
   * Stage#countedFrom()}). A follow-up created on Friday 22 December 2023 at 10:00 must be
   * allocated by Thursday 28 December, 17:00.
   */
  public Instant due(Stage stage, Instant countedFrom) {
    return calendar.endOfWorkingDayAfter(countedFrom, target(stage));
  }

  /** The day a stage falls due, as people read it (see {@link #due}). */
  public LocalDate dueDate(Stage stage, Instant countedFrom) {
    return dueDate(due(stage, countedFrom));
  }

  /** The council's calendar day of a due moment. */
  public LocalDate dueDate(Instant due) {
    return due.atZone(calendar.zone()).toLocalDate();
  }

  /**
   * The first day reminders go out for something due on {@code dueDate}: reminder-lead working days
   * before it.
   */
  public LocalDate remindFrom(LocalDate dueDate) {
    return calendar.subtractWorkingDays(dueDate, properties.reminderLead());
  }

  /**
   * The first digest that reminds of something due at {@code due}: digest time on {@link
   * #remindFrom(LocalDate)}.
   */
  public Instant remindFrom(Instant due) {
    return atDigestTime(remindFrom(calendar.workingDayOf(due)));
  }

  /**
   * The escalation ladder of a task due at {@code due}, one entry per recipient, in ladder order. A
   * rung at 0 working days overdue is reached at the due moment itself; a rung at {@code k} is
   * reached at the end of the working day {@code k} working days after the due day. With the
   * defaults a task due on Friday 22 December 2023 reaches the Service Manager at 17:00 on Friday
   * 29 December and the Assistant Director at 17:00 on Wednesday 3 January 2024.
   */
  public List<Escalation> escalations(Instant due) {
    LocalDate dueDay = calendar.workingDayOf(due);
    List<Escalation> ladder = new ArrayList<>();
    List<EscalationRung> rungs = properties.escalation();
    for (int rung = 0; rung < rungs.size(); rung++) {
      int overdueBy = rungs.get(rung).overdueBy();
      Instant at =
          overdueBy == 0
              ? due
              : calendar.endOfWorkingDay(calendar.addWorkingDays(dueDay, overdueBy));
      for (EscalationRecipient recipient : rungs.get(rung).recipients()) {
        ladder.add(new Escalation(rung, overdueBy, recipient, at));
      }
    }
    return List.copyOf(ladder);
  }

  /**
   * The escalation ladder of a task due on a day: due at the end of that day's work (or of the next
   * working day, if the day is not one).
   */
  public List<Escalation> escalations(LocalDate dueDate) {
    return escalations(calendar.endOfWorkingDay(calendar.addWorkingDays(dueDate, 0)));
  }

  /** The first daily digest strictly after {@code moment}; digests go out on working days only. */
  public Instant nextDigestAfter(Instant moment) {
    LocalDate day = moment.atZone(calendar.zone()).toLocalDate();
    LocalDate candidate = calendar.addWorkingDays(day, 0);
    Instant digest = atDigestTime(candidate);
    return digest.isAfter(moment) ? digest : atDigestTime(calendar.nextWorkingDay(candidate));
  }

  /**
   * The day the effectiveness re-audit falls due: re-audit-after from the closure day, moved on to
   * a working day.
   */
  public LocalDate reAuditDate(LocalDate closedOn) {
    return calendar.addWorkingDays(closedOn.plus(properties.reAuditAfter()), 0);
  }

  /**
   * When the effectiveness re-audit task should appear: the digest time of {@link
   * #reAuditDate(LocalDate)}.
   */
  public Instant reAuditAt(Instant closedAt) {
    return atDigestTime(reAuditDate(closedAt.atZone(calendar.zone()).toLocalDate()));
  }

  private Instant atDigestTime(LocalDate day) {
    return ZonedDateTime.of(day, properties.digestTime(), calendar.zone()).toInstant();
  }
}
