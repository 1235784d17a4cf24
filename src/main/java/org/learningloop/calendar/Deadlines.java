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

  /**
   * When something given {@code workingDays} from {@code from} falls due: the end of that working
   * day (see {@link WorkingDayCalendar#endOfWorkingDayAfter}).
   */
  public Instant after(int workingDays, Instant from) {
    return calendar.endOfWorkingDayAfter(from, workingDays);
  }

  /** When a conversation's outcome is due: conversation-outcome working days after it ends. */
  public Instant conversationOutcomeDue(Instant conversationEnds) {
    return after(properties.conversationOutcome(), conversationEnds);
  }

  /** When the PI officer must have verified a support item completed at {@code completedAt}. */
  public Instant supportVerificationDue(Instant completedAt) {
    return after(properties.supportVerification(), completedAt);
  }

  /**
   * The one definition of overdue, used by the task lists, the dashboards, the follow-up API, the
   * digests, the ladder and the reports: not done when its due moment (the end of a working day)
   * has passed. Something due on Friday is overdue from 17:00:01 on Friday, not before.
   */
  public boolean isOverdue(Instant due, Instant now) {
    return due != null && now.isAfter(due);
  }

  /** {@link #isOverdue(Instant, Instant)} for a due date: due at the end of that day's work. */
  public boolean isOverdue(LocalDate dueDate, Instant now) {
    return dueDate != null && isOverdue(endOfDueDate(dueDate), now);
  }

  /**
   * The one definition of due soon: not overdue yet, and today is on or after the first reminder
   * day ({@link #remindFrom(LocalDate)}, reminder-lead working days before the due day).
   */
  public boolean isDueSoon(Instant due, Instant now) {
    return due != null
        && !isOverdue(due, now)
        && !now.atZone(calendar.zone())
            .toLocalDate()
            .isBefore(remindFrom(calendar.workingDayOf(due)));
  }

  /** {@link #isDueSoon(Instant, Instant)} for a due date. */
  public boolean isDueSoon(LocalDate dueDate, Instant now) {
    return dueDate != null && isDueSoon(endOfDueDate(dueDate), now);
  }

  /**
   * Whole working days past the due day at {@code now}: 0 on the due day itself (after its end) and
   * before, 1 on the next working day, and so on.
   */
  public int workingDaysOverdue(Instant due, Instant now) {
    if (!isOverdue(due, now)) {
      return 0;
    }
    return Math.max(
        0,
        calendar.workingDaysBetween(
            calendar.workingDayOf(due), now.atZone(calendar.zone()).toLocalDate()));
  }

  /** The due moment of a due date: the end of its working day (or the next working day's). */
  public Instant endOfDueDate(LocalDate dueDate) {
    return calendar.endOfWorkingDay(calendar.addWorkingDays(dueDate, 0));
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

  /**
   * When the re-audit task must be done: re-audit-window working days after the day it falls due
   * ({@link #reAuditDate}), at the end of that working day. It appears on {@link #reAuditAt} and is
   * not overdue before this.
   */
  public Instant reAuditTaskDue(LocalDate reAuditDate) {
    return calendar.endOfWorkingDay(
        calendar.addWorkingDays(reAuditDate, properties.reAuditWindow()));
  }

  private Instant atDigestTime(LocalDate day) {
    return ZonedDateTime.of(day, properties.digestTime(), calendar.zone()).toInstant();
  }
}
