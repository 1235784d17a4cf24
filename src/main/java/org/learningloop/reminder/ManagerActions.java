package org.learningloop.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.followup.FollowUpDeadlines;
import org.learningloop.followup.FollowUpDeadlines.Subject;
import org.learningloop.followup.FollowUpStage;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.learningloop.security.AccessScope;
import org.learningloop.security.CurrentUser;
import org.learningloop.workflow.TaskDeadlines;
import org.learningloop.workflow.UserTaskDeadline;
import org.learningloop.workflow.tasks.OpenTasks;
import org.learningloop.workflow.tasks.TaskView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What managers do by hand: escalate a follow-up (with a note) or extend a stage's due date (with a
 * reason). Both go on the follow-up's timeline in the same transaction as their effect.
 */
@Service
@PreAuthorize("hasAnyRole('SERVICE_MANAGER','ASSISTANT_DIRECTOR','PI_LEAD')")
class ManagerActions {

  /** The outcome of a hand escalation: who was told. */
  record EscalationDone(long followUpId, String stage, List<String> notified) {}

  /** The outcome of an extension: which tasks moved, to when. */
  record ExtensionDone(long followUpId, String stage, LocalDate newDueDate, List<String> taskIds) {}

  private final FollowUpDeadlines followUps;
  private final OpenTasks openTasks;
  private final TaskDeadlines taskDeadlines;
  private final Deadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final Directory directory;
  private final Notifications notifications;
  private final CurrentUser currentUser;
  private final Clock clock;

  ManagerActions(
      FollowUpDeadlines followUps,
      OpenTasks openTasks,
      TaskDeadlines taskDeadlines,
      Deadlines deadlines,
      WorkingDayCalendar calendar,
      Directory directory,
      Notifications notifications,
      CurrentUser currentUser,
      Clock clock) {
    this.followUps = followUps;
    this.openTasks = openTasks;
    this.taskDeadlines = taskDeadlines;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.directory = directory;
    this.notifications = notifications;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /**
   * Before showing the escalate-or-extend page: the follow-up must exist ({@code 404}) and, for a
   * Service Manager or Assistant Director, be in their own service area ({@code 403}), as for the
   * actions themselves.
   */
  @Transactional(readOnly = true)
  void requireMayAct(long followUpId) {
    requireInScope(
        followUps
            .find(followUpId)
            .orElseThrow(() -> org.learningloop.followup.FollowUpException.notFound(followUpId)));
  }

  /**
   * Tells every manager above the escalating one in the follow-up's service area (Service Manager
   * and Assistant Director, and the PI leads), now, whatever the ladder says; the note stays on the
   * timeline.
   */
  @Transactional
  EscalationDone escalate(long followUpId, String actor, String note) {
    if (note == null || note.isBlank()) {
      throw ReminderProblem.invalid("note", "say why the follow-up is escalated");
    }
    Subject subject =
        followUps
            .find(followUpId)
            .orElseThrow(() -> org.learningloop.followup.FollowUpException.notFound(followUpId));
    requireInScope(subject);
    Subject f = followUps.recordEscalation(followUpId, actor, note.strip());
    String stage = currentStage(f).name();
    int overdue =
        f.dueDate() == null
            ? 0
            : Math.max(0, calendar.workingDaysBetween(f.dueDate(), LocalDate.now(clock)));
    Map<String, Person> told = new LinkedHashMap<>();
    for (Role role : List.of(Role.SERVICE_MANAGER, Role.ASSISTANT_DIRECTOR, Role.PI_LEAD)) {
      for (Person p : directory.withRole(role)) {
        boolean inArea =
            role == Role.PI_LEAD
                || (f.serviceAreaId() != null && f.serviceAreaId().equals(p.serviceAreaId()));
        if (inArea && !p.username().equals(actor)) {
          told.putIfAbsent(p.username(), p);
        }
      }
    }
    String occasion = Long.toString(clock.instant().toEpochMilli());
    for (Person to : told.values()) {
      notifications.enqueue(
          new Notification(
              "escalation:follow-up:" + f.id() + ":hand-" + occasion + ":" + to.username(),
              to.email(),
              to.displayName(),
              Template.ESCALATION,
              f.auditRef(),
              f.dueDate(),
              "/follow-ups/" + f.id(),
              Map.of(
                  Template.Detail.STAGE,
                  stage,
                  Template.Detail.DAYS_OVERDUE,
                  Integer.toString(overdue)),
              null));
    }
    return new EscalationDone(f.id(), stage, List.copyOf(told.keySet()));
  }

  /**
   * Moves the due date of the named open task, or of every open task of the named stage, to the end
   * of {@code newDueDate}'s working day; reminders, the ladder and the process's timers follow.
   */
  @Transactional
  ExtensionDone extend(
      long followUpId,
      String actor,
      String taskId,
      String stage,
      LocalDate newDueDate,
      String reason,
      LocalDate currentDueDate) {
    if (reason == null || reason.isBlank()) {
      throw ReminderProblem.invalid("reason", "say why the due date moves");
    }
    if (newDueDate == null) {
      throw ReminderProblem.invalid("newDueDate", "give the new due date (YYYY-MM-DD)");
    }
    if (newDueDate.isBefore(LocalDate.now(clock))) {
      throw ReminderProblem.invalid("newDueDate", newDueDate + " is in the past");
    }
    if (!calendar.isWorkingDay(newDueDate)) {
      throw ReminderProblem.invalid("newDueDate", newDueDate + " is not a working day");
    }
    if ((taskId == null || taskId.isBlank()) == (stage == null || stage.isBlank())) {
      throw ReminderProblem.invalid(
          "taskId", "name either the task (taskId) or the stage, not both");
    }
    Subject subject =
        followUps
            .find(followUpId)
            .orElseThrow(() -> org.learningloop.followup.FollowUpException.notFound(followUpId));
    requireInScope(subject);
    FollowUpStage wanted = stage == null || stage.isBlank() ? null : stage(stage);
    List<TaskView> tasks =
        openTasks.ofFollowUp(followUpId).stream()
            .filter(t -> t.dueAt() != null)
            .filter(
                t ->
                    taskId != null && !taskId.isBlank()
                        ? t.taskId().equals(taskId)
                        : UserTaskDeadline.stageOf(t.taskKey()).map(wanted::equals).orElse(false))
            .toList();
    if (tasks.isEmpty()) {
      throw ReminderProblem.nothingDue(
          "Follow-up "
              + followUpId
              + " has no open task with a due date "
              + (wanted != null ? "at stage " + wanted : "with id " + taskId)
              + ".");
    }
    Instant due = calendar.endOfWorkingDay(newDueDate);
    UserTaskDeadline first = UserTaskDeadline.of(tasks.get(0).taskKey()).orElseThrow();
    FollowUpStage code = first.stage();
    LocalDate from = deadlines.dueDate(tasks.get(0).dueAt());
    if (currentDueDate != null && !currentDueDate.equals(from)) {
      throw ReminderProblem.movedMeanwhile(code.name(), currentDueDate, from);
    }
    List<Long> supportItems = new java.util.ArrayList<>();
    for (TaskView task : tasks) {
      Optional<UserTaskDeadline> ofTask = UserTaskDeadline.of(task.taskKey());
      if (ofTask.map(t -> t.stage() == FollowUpStage.SUPPORT).orElse(false)) {
        taskDeadlines.supportItemOf(task.taskId()).ifPresent(supportItems::add);
      }
      taskDeadlines.extend(
          task.taskId(), due, ofTask.map(UserTaskDeadline::dueVariable).orElse(null));
    }
    followUps.recordExtension(
        followUpId, actor, code, from, newDueDate, reason.strip(), supportItems);
    return new ExtensionDone(
        followUpId, code.name(), newDueDate, tasks.stream().map(TaskView::taskId).toList());
  }

  /**
   * The due date of each stage that has an open task, as {@link #extend} reads it: what a manager
   * sees before extending, and sends back as {@code currentDueDate}.
   */
  @Transactional(readOnly = true)
  Map<String, LocalDate> dueDates(long followUpId) {
    Map<String, LocalDate> due = new java.util.LinkedHashMap<>();
    for (TaskView t : openTasks.ofFollowUp(followUpId)) {
      if (t.dueAt() != null) {
        UserTaskDeadline.stageOf(t.taskKey())
            .ifPresent(stage -> due.putIfAbsent(stage.name(), deadlines.dueDate(t.dueAt())));
      }
    }
    return due;
  }

  /** The stage of the follow-up's oldest open task, else the stage the follow-up is at. */
  private FollowUpStage currentStage(Subject f) {
    return openTasks.ofFollowUp(f.id()).stream()
        .map(t -> UserTaskDeadline.stageOf(t.taskKey()))
        .flatMap(Optional::stream)
        .findFirst()
        .orElse(f.stage());
  }

  private static FollowUpStage stage(String name) {
    try {
      return FollowUpStage.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ReminderProblem.invalid(
          "stage", "must be one of " + ManagerActionsPageController.STAGES);
    }
  }

  /**
   * Service Managers and Assistant Directors act in their own service area only; PI leads
   * everywhere.
   */
  private void requireInScope(Subject f) {
    AccessScope scope = currentUser.scope();
    boolean allowed =
        scope instanceof AccessScope.All
            || (scope instanceof AccessScope.ServiceArea area
                && f.serviceAreaId() != null
                && area.serviceAreaId() == f.serviceAreaId());
    // Anything else (a disabled person's None, a scope that names no area) is refused: only what a
    // scope names passes.
    if (!allowed) {
      throw ReminderProblem.notYourArea(f.id());
    }
  }
}
