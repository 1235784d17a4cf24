package org.learningloop.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.learningloop.calendar.DeadlineProperties;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.Escalation;
import org.learningloop.calendar.EscalationRecipient;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.followup.FollowUpDeadlines;
import org.learningloop.followup.FollowUpDeadlines.Subject;
import org.learningloop.followup.FollowUpStatistics;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.learningloop.workflow.tasks.OpenTasks;
import org.learningloop.workflow.tasks.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and the escalation ladder, swept from the {@code open_task} read model.
 *
 * <p>Why a sweep and not engine timers: every rung of every task is a pure function of the task's
 * due moment ({@link Deadlines#escalations}), and the read model already holds each open task's due
 * moment (kept in the engine's transaction, updated when a due date is extended, deleted when the
 * task is done). So a sweep needs no extra state: a task that is done is simply gone, an extension
 * moves every rung at once, and a clock moved in a test moves the whole ladder. Exactly once per
 * rung across a cluster comes from the outbox's unique key ({@code
 * escalation:<task>:<rung>:<user>}, {@code digest:<user>:<date>}): whichever node sweeps first
 * queues the email, a second node's insert of the same key is ignored, so overlapping sweeps are
 * harmless.
 */
@Service
public class ReminderSweep {

  private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

  private final OpenTasks openTasks;
  private final Deadlines deadlines;
  private final DeadlineProperties properties;
  private final WorkingDayCalendar calendar;
  private final Directory directory;
  private final FollowUpDeadlines followUps;
  private final Notifications notifications;
  private final FollowUpStatistics statistics;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ReminderSweep(
      OpenTasks openTasks,
      Deadlines deadlines,
      DeadlineProperties properties,
      WorkingDayCalendar calendar,
      Directory directory,
      FollowUpDeadlines followUps,
      Notifications notifications,
      FollowUpStatistics statistics,
      TransactionTemplate transaction,
      Clock clock) {
    this.openTasks = openTasks;
    this.deadlines = deadlines;
    this.properties = properties;
    this.calendar = calendar;
    this.directory = directory;
    this.followUps = followUps;
    this.notifications = notifications;
    this.statistics = statistics;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * One sweep at the application clock's now: escalations reached, then (from digest time on a
   * working day) digests.
   */
  public void sweep() {
    Instant now = clock.instant();
    escalate(now);
    digest(now);
  }

  /**
   * Queues an escalation email for every rung reached by {@code now} of every open task, once per
   * task, rung and recipient. Returns how many emails were asked for (repeats included; the outbox
   * keeps each key once).
   */
  public int escalate(Instant now) {
    int asked = 0;
    Map<Long, Optional<Subject>> subjects = new HashMap<>();
    // Everything due up to and including now. Asked as "before now + 1 s", not "+ 1 ns": MySQL
    // Connector/J cuts the
    // fractional seconds of the bound value (sendFractionalSeconds=false), so "+ 1 ns" became
    // "before now" and a task
    // due exactly now was left for the next sweep. Tasks due later in that second are skipped
    // below, rung by rung.
    for (TaskView task : openTasks.dueBefore(now.plusSeconds(1))) {
      Optional<TaskStage> stage = TaskStage.of(task.taskKey());
      if (task.followUpId() == null || stage.isEmpty() || stage.get().hasOwnLadder()) {
        continue;
      }
      Optional<Subject> subject = subjects.computeIfAbsent(task.followUpId(), followUps::find);
      if (subject.isEmpty()) {
        continue;
      }
      List<Notification> emails = new ArrayList<>();
      for (Escalation rung : deadlines.escalations(task.dueAt())) {
        if (rung.at().isAfter(now)) {
          continue;
        }
        for (Person to : recipients(rung.recipient(), task, subject.get())) {
          emails.add(
              new Notification(
                  "escalation:" + task.taskId() + ":" + rung.rung() + ":" + to.username(),
                  to.email(),
                  to.displayName(),
                  Template.ESCALATION,
                  subject.get().auditRef(),
                  deadlines.dueDate(task.dueAt()),
                  task.link(),
                  Map.of(
                      Template.Detail.STAGE,
                      stage.get().code(),
                      Template.Detail.DAYS_OVERDUE,
                      Integer.toString(rung.overdueBy())),
                  null));
        }
      }
      asked += queue(emails);
    }
    return asked;
  }

  /**
   * From the digest time of a working day: one digest per person for the day ({@code
   * digest:<user>:<date>}) counting their tasks due soon (from reminder-lead working days before
   * the due day) and overdue, and their coming conversations. Before digest time, or on a day off,
   * nothing. Returns how many digests were asked for.
   */
  public int digest(Instant now) {
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    Instant digestTime =
        deadlines.nextDigestAfter(today.atStartOfDay(calendar.zone()).toInstant().minusNanos(1));
    if (!calendar.isWorkingDay(today) || now.isBefore(digestTime)) {
      return 0;
    }
    LocalDate horizon = calendar.addWorkingDays(today, properties.reminderLead());
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (TaskView task : openTasks.dueBefore(calendar.endOfWorkingDay(horizon).plusSeconds(1))) {
      boolean overdue = task.dueAt().isBefore(now);
      LocalDate dueDay = deadlines.dueDate(task.dueAt());
      if (!overdue && today.isBefore(deadlines.remindFrom(dueDay))) {
        continue;
      }
      for (String username : actors(task)) {
        counts.computeIfAbsent(username, u -> new int[2])[overdue ? 1 : 0]++;
      }
    }
    for (String username : conversationAttendees(now, calendar.endOfWorkingDay(horizon))) {
      counts.computeIfAbsent(username, u -> new int[2])[0]++;
    }
    List<Notification> emails = new ArrayList<>();
    counts.forEach(
        (username, count) ->
            directory
                .findByUsername(username)
                .filter(Person::enabled)
                .ifPresent(
                    to ->
                        emails.add(
                            new Notification(
                                "digest:" + to.username() + ":" + today,
                                to.email(),
                                to.displayName(),
                                Template.REMINDER_DIGEST,
                                null,
                                null,
                                "/tasks",
                                Map.of(
                                    Template.Detail.DUE_SOON,
                                    Integer.toString(count[0]),
                                    Template.Detail.OVERDUE,
                                    Integer.toString(count[1])),
                                null))));
    return queue(emails);
  }

  /**
   * Each email in its own transaction: one that the outbox refuses is logged and does not hold back
   * the others.
   */
  private int queue(List<Notification> emails) {
    int queued = 0;
    for (Notification email : emails) {
      try {
        transaction.executeWithoutResult(status -> notifications.enqueue(email));
        queued++;
      } catch (RuntimeException e) {
        log.warn(
            "Reminder {} not queued; the next sweep tries again: {}", email.key(), e.getMessage());
      }
    }
    return queued;
  }

  private List<Person> recipients(EscalationRecipient recipient, TaskView task, Subject subject) {
    if (recipient == EscalationRecipient.ASSIGNEE) {
      return task.assignee() == null
          ? List.of()
          : directory.findByUsername(task.assignee()).stream().toList();
    }
    Role role = recipient.role().orElseThrow();
    return directory.withRole(role).stream()
        .filter(
            p ->
                role == Role.PI_LEAD
                    || (subject.serviceAreaId() != null
                        && subject.serviceAreaId().equals(p.serviceAreaId())))
        .toList();
  }

  /** Whoever must act on a task: its assignee, or everyone who may take it from its queue. */
  private Set<String> actors(TaskView task) {
    Set<String> usernames = new LinkedHashSet<>();
    if (task.assignee() != null) {
      usernames.add(task.assignee());
    } else if (task.candidateGroup() != null) {
      for (Role role : Role.values()) {
        boolean inGroup =
            role.groupId().equals(task.candidateGroup())
                || (Role.PRACTICE_IMPROVEMENT_GROUP.equals(task.candidateGroup())
                    && role.isPracticeImprovement());
        if (inGroup) {
          directory.withRole(role).forEach(p -> usernames.add(p.username()));
        }
      }
    }
    return usernames;
  }

  /**
   * Usernames of the practitioners and Team Managers with a scheduled conversation before {@code
   * until}.
   */
  private List<String> conversationAttendees(Instant now, Instant until) {
    return statistics.scheduledConversationAttendees(now, until).stream()
        .flatMap(id -> directory.findById(id).map(Person::username).stream())
        .toList();
  }
}
