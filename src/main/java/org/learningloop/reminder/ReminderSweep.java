package org.learningloop.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.learningloop.audit.ModerationQueue;
import org.learningloop.calendar.DeadlineProperties;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.Escalation;
import org.learningloop.calendar.EscalationRecipient;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.dipsample.ActionStage;
import org.learningloop.dipsample.Actions;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.followup.FollowUpDeadlines;
import org.learningloop.followup.FollowUpDeadlines.Subject;
import org.learningloop.followup.FollowUpStage;
import org.learningloop.followup.FollowUpStatistics;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.learningloop.workflow.ActionProcess;
import org.learningloop.workflow.UserTaskDeadline;
import org.learningloop.workflow.tasks.OpenTasks;
import org.learningloop.workflow.tasks.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and the escalation ladder, swept from the {@code open_task} read model.
 *
 * <p>Why a sweep and not engine timers: every rung of every task is a pure function of the task's
 * due moment ({@link Deadlines#escalations}), and the read model already holds each open task's due
 * moment (kept in the engine's transaction, updated when a due date is extended, deleted when the
 * task is done). So a task that is done is simply gone, an extension moves every rung at once, and
 * a clock moved in a test (or a node that was down for a week) moves the whole ladder.
 *
 * <p>Each rung reached is written once to {@code escalation_notice}, one row per person told, keyed
 * by follow-up, stage, due date and rung (a new due date starts the ladder again) and put on the
 * follow-up's timeline. People are then told in a bundle: at most one escalation email per person
 * per working day ({@code escalation:<user>:<date>}), listing every follow-up that reached them
 * since their last bundle; rungs reached after today's bundle wait for the next working day's. The
 * safeguarding check is not on this ladder: the process tells the Service Manager and the Assistant
 * Director at once. The digest leaves out what a bundle has told the person.
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
  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Actions actions;
  private final ModerationQueue moderationQueue;

  ReminderSweep(
      OpenTasks openTasks,
      Deadlines deadlines,
      DeadlineProperties properties,
      WorkingDayCalendar calendar,
      Directory directory,
      FollowUpDeadlines followUps,
      Notifications notifications,
      FollowUpStatistics statistics,
      NamedParameterJdbcTemplate jdbc,
      TransactionTemplate transaction,
      Clock clock,
      Actions actions,
      ModerationQueue moderationQueue) {
    this.actions = actions;
    this.moderationQueue = moderationQueue;
    this.openTasks = openTasks;
    this.deadlines = deadlines;
    this.properties = properties;
    this.calendar = calendar;
    this.directory = directory;
    this.followUps = followUps;
    this.notifications = notifications;
    this.statistics = statistics;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * One sweep at the application clock's now: rungs reached and their bundles, then (from digest
   * time on a working day) digests.
   */
  public void sweep() {
    Instant now = clock.instant();
    escalate(now);
    digest(now);
  }

  /**
   * Records every rung reached by {@code now} (once), then sends the bundles that are due. Returns
   * how many bundles were queued.
   */
  public int escalate(Instant now) {
    reachRungs(now);
    return bundle(now);
  }

  /**
   * One rung of one follow-up's (or one action's) stage for one due date, with everyone it tells.
   * Exactly one of {@code followUpId} and {@code actionId} is set.
   */
  private record Rung(
      Long followUpId,
      Long actionId,
      Long moderationRequestId,
      String auditRef,
      String stage,
      LocalDate dueDate,
      int rung,
      int overdueBy,
      Instant reachedAt,
      Set<String> usernames) {

    String key() {
      return subjectKey(followUpId, actionId, moderationRequestId)
          + ":"
          + stage
          + ":"
          + dueDate
          + ":"
          + rung;
    }
  }

  /**
   * A follow-up's id as it always was in rung keys; an action's with a prefix, so the two never
   * meet.
   */
  private static String subjectKey(Long followUpId, Long actionId, Long moderationRequestId) {
    return followUpId != null
        ? followUpId.toString()
        : actionId != null ? "action-" + actionId : "moderation-" + moderationRequestId;
  }

  private void reachRungs(Instant now) {
    Map<String, Rung> reached = new LinkedHashMap<>();
    People people = new People();
    // Everything due up to and including now. Asked as "before now + 1 s", not "+ 1 ns": MySQL
    // Connector/J cuts the fractional seconds of the bound value (sendFractionalSeconds=false).
    List<TaskView> due = openTasks.dueBefore(now.plusSeconds(1));
    reachActionRungs(due, now, reached, people);
    reachModerationRungs(due, now, reached, people);
    // The follow-ups of every task on the ladder in one query a thousand, not one each.
    Map<Long, Subject> subjects =
        followUps.findAll(
            due.stream()
                .filter(task -> onTheLadder(task).isPresent())
                .map(TaskView::followUpId)
                .toList());
    for (TaskView task : due) {
      Optional<FollowUpStage> stage = onTheLadder(task);
      Subject subject = stage.isEmpty() ? null : subjects.get(task.followUpId());
      if (subject == null) {
        continue;
      }
      climb(
          task,
          task.followUpId(),
          null,
          null,
          subject.auditRef(),
          stage.get().name(),
          subject.serviceAreaId(),
          now,
          reached,
          people);
    }
    // A sweep every few minutes finds mostly rungs recorded before: those are asked for all at
    // once, and only the new ones recorded, each in its own transaction.
    Set<String> recorded = recordedRungs(reached.keySet());
    for (Rung rung : reached.values()) {
      if (rung.usernames().isEmpty() || recorded.contains(rung.key())) {
        continue;
      }
      try {
        transaction.executeWithoutResult(status -> record(rung));
      } catch (RuntimeException e) {
        // Another node recorded it at the same moment (unique key): it is recorded once.
        log.debug("Rung {} not recorded here: {}", rung.key(), e.getMessage());
      }
    }
  }

  /** The follow-up stage of a task on the ladder; empty for the safeguarding check and actions. */
  private static Optional<FollowUpStage> onTheLadder(TaskView task) {
    if (task.followUpId() == null) {
      return Optional.empty();
    }
    return UserTaskDeadline.stageOf(task.taskKey())
        .filter(stage -> stage != FollowUpStage.SAFEGUARDING_CHECK);
  }

  /** Which of these rung keys are recorded already: one query per thousand keys. */
  private Set<String> recordedRungs(Collection<String> keys) {
    List<String> all = List.copyOf(keys);
    Set<String> recorded = new HashSet<>();
    for (int i = 0; i < all.size(); i += 1_000) {
      recorded.addAll(
          jdbc.queryForList(
              "select distinct rung_key from escalation_notice where rung_key in (:keys)",
              new MapSqlParameterSource("keys", all.subList(i, Math.min(all.size(), i + 1_000))),
              String.class));
    }
    return recorded;
  }

  /**
   * The rungs reached by open actions' tasks (the owner's part and the verification), on the same
   * ladder: the task's assignee, the PI leads, then the Service Manager and the Assistant Director
   * of the action's service area.
   */
  private void reachActionRungs(
      List<TaskView> due, Instant now, Map<String, Rung> reached, People people) {
    Map<Long, Optional<Actions.LadderSubject>> subjects = new HashMap<>();
    for (TaskView task : due) {
      Optional<ActionStage> stage = ActionProcess.stageOf(task.taskKey());
      if (task.actionId() == null || stage.isEmpty()) {
        continue;
      }
      Optional<Actions.LadderSubject> subject =
          subjects.computeIfAbsent(task.actionId(), actions::ladderSubject);
      if (subject.isEmpty()) {
        continue;
      }
      climb(
          task,
          null,
          task.actionId(),
          null,
          subject.get().sourceRef(),
          stage.get().name(),
          subject.get().serviceAreaId(),
          now,
          reached,
          people);
    }
  }

  /**
   * The rungs reached by the moderation queue's tasks, on the same ladder: the moderator who took
   * the task (or, while nobody has, every moderator), the PI leads, then the Service Manager and
   * the Assistant Director of the audit's service area.
   */
  private void reachModerationRungs(
      List<TaskView> due, Instant now, Map<String, Rung> reached, People people) {
    for (TaskView task : due) {
      if (task.moderationRequestId() == null) {
        continue;
      }
      Optional<ModerationQueue.LadderSubject> subject =
          moderationQueue.ladderSubject(task.moderationRequestId());
      if (subject.isEmpty()) {
        continue;
      }
      climb(
          task,
          null,
          null,
          task.moderationRequestId(),
          subject.get().auditRef(),
          subject.get().stage(),
          subject.get().serviceAreaId(),
          now,
          reached,
          people);
    }
  }

  /** The stage code of a moderation task: a sampled audit's moderation, or a challenge's review. */
  private String moderationStage(TaskView task) {
    return moderationQueue
        .ladderSubject(task.moderationRequestId())
        .map(ModerationQueue.LadderSubject::stage)
        .orElse("");
  }

  /**
   * Adds the task's recipients to every rung of its ladder reached by {@code now}: a follow-up's
   * ({@code followUpId}) or an action's ({@code actionId}), named by {@code ref}.
   */
  private void climb(
      TaskView task,
      Long followUpId,
      Long actionId,
      Long moderationRequestId,
      String ref,
      String stage,
      Long serviceAreaId,
      Instant now,
      Map<String, Rung> reached,
      People people) {
    LocalDate dueDate = deadlines.dueDate(task.dueAt());
    for (Escalation rung : deadlines.escalations(task.dueAt())) {
      if (rung.at().isAfter(now)) {
        continue;
      }
      Rung r =
          reached.computeIfAbsent(
              subjectKey(followUpId, actionId, moderationRequestId)
                  + ":"
                  + stage
                  + ":"
                  + dueDate
                  + ":"
                  + rung.rung(),
              k ->
                  new Rung(
                      followUpId,
                      actionId,
                      moderationRequestId,
                      ref,
                      stage,
                      dueDate,
                      rung.rung(),
                      rung.overdueBy(),
                      rung.at(),
                      new java.util.TreeSet<>()));
      if (moderationRequestId != null && rung.recipient() == EscalationRecipient.ASSIGNEE) {
        // A queue task nobody has taken yet is every moderator's to act on.
        r.usernames().addAll(actors(task, people));
      } else {
        recipients(rung.recipient(), task, serviceAreaId, people)
            .forEach(p -> r.usernames().add(p.username()));
      }
    }
  }

  /** Writes a rung's notices and puts it on the follow-up's timeline, unless it was done before. */
  private void record(Rung rung) {
    Integer seen =
        jdbc.queryForObject(
            "select count(*) from escalation_notice where rung_key = :rung",
            new MapSqlParameterSource("rung", rung.key()),
            Integer.class);
    if (seen != null && seen > 0) {
      return;
    }
    for (String username : rung.usernames()) {
      jdbc.update(
          "insert into escalation_notice (notice_key, rung_key, username, follow_up_id, action_id,"
              + " moderation_request_id, audit_ref, stage, due_date, overdue_by, reached_at) values (:key, :rung,"
              + " :username, :followUp, :action, :moderation, :ref, :stage, :due, :overdueBy, :reachedAt)",
          new MapSqlParameterSource()
              .addValue("key", rung.key() + ":" + username)
              .addValue("rung", rung.key())
              .addValue("username", username)
              .addValue("followUp", rung.followUpId())
              .addValue("action", rung.actionId())
              .addValue("moderation", rung.moderationRequestId())
              .addValue("ref", rung.auditRef())
              .addValue("stage", rung.stage())
              .addValue("due", rung.dueDate())
              .addValue("overdueBy", rung.overdueBy())
              .addValue("reachedAt", utc(rung.reachedAt())));
    }
    if (rung.moderationRequestId() != null) {
      return; // the escalation notices are the queue entry's record of it
    }
    if (rung.actionId() != null) {
      actions.recordRungReached(
          rung.actionId(),
          ActionStage.valueOf(rung.stage()),
          rung.dueDate(),
          rung.overdueBy(),
          String.join(", ", rung.usernames()));
      return;
    }
    followUps.recordRungReached(
        rung.followUpId(),
        FollowUpStage.valueOf(rung.stage()),
        rung.dueDate(),
        rung.overdueBy(),
        String.join(", ", rung.usernames()));
  }

  /**
   * On a working day, from digest time: one bundle per person with notices not yet sent, unless
   * they had today's already. Returns how many bundles were queued.
   */
  private int bundle(Instant now) {
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    if (!calendar.isWorkingDay(today) || now.isBefore(digestTime(today))) {
      return 0;
    }
    List<String> waiting =
        jdbc.queryForList(
            "select distinct username from escalation_notice where bundle_key is null order by username",
            new MapSqlParameterSource(),
            String.class);
    int queued = 0;
    for (String username : waiting) {
      try {
        Boolean sent = transaction.execute(status -> bundleFor(username, today, now));
        queued += Boolean.TRUE.equals(sent) ? 1 : 0;
      } catch (RuntimeException e) {
        log.warn(
            "Escalation bundle for {} not queued; the next sweep tries again: {}",
            username,
            e.getMessage());
      }
    }
    return queued;
  }

  private boolean bundleFor(String username, LocalDate today, Instant now) {
    String bundleKey = "escalation:" + username + ":" + today;
    MapSqlParameterSource params =
        new MapSqlParameterSource().addValue("username", username).addValue("bundle", bundleKey);
    // Locks the person's waiting notices, so two nodes cannot both bundle them.
    List<Map<String, Object>> pending =
        jdbc.queryForList(
            "select id, follow_up_id, action_id, moderation_request_id, audit_ref, stage, due_date"
                + " from escalation_notice"
                + " where username = :username and bundle_key is null order by due_date, id for update",
            params);
    Integer sentToday =
        jdbc.queryForObject(
            "select count(*) from escalation_notice where username = :username and bundle_key = :bundle",
            params,
            Integer.class);
    if (pending.isEmpty() || (sentToday != null && sentToday > 0)) {
      return false;
    }
    Optional<Person> to = directory.findByUsername(username).filter(Person::enabled);
    List<Long> ids = pending.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    if (to.isPresent()) {
      Map<String, Notification.Item> items = new LinkedHashMap<>();
      for (Map<String, Object> r : pending) {
        Long followUpId =
            r.get("follow_up_id") == null ? null : ((Number) r.get("follow_up_id")).longValue();
        Long actionId =
            r.get("action_id") == null ? null : ((Number) r.get("action_id")).longValue();
        Long moderationId =
            r.get("moderation_request_id") == null
                ? null
                : ((Number) r.get("moderation_request_id")).longValue();
        String stage = (String) r.get("stage");
        LocalDate due = localDate(r.get("due_date"));
        items.put(
            subjectKey(followUpId, actionId, moderationId) + ":" + stage,
            new Notification.Item(
                (String) r.get("audit_ref"),
                stage,
                due,
                deadlines.workingDaysOverdue(deadlines.endOfDueDate(due), now),
                followUpId != null
                    ? "/follow-ups/" + followUpId
                    : actionId != null ? "/actions/" + actionId : "/audits/" + r.get("audit_ref")));
      }
      notifications.enqueue(
          new Notification(
              bundleKey,
              to.get().email(),
              to.get().displayName(),
              Template.ESCALATION_BUNDLE,
              null,
              null,
              "/tasks",
              Map.of(),
              null,
              List.copyOf(items.values())));
    }
    jdbc.update(
        "update escalation_notice set bundle_key = :bundle where id in (:ids)",
        params.addValue("ids", ids));
    return to.isPresent();
  }

  /**
   * From the digest time of a working day: one digest per person for the day ({@code
   * digest:<user>:<date>}) counting their tasks due soon and overdue ({@link Deadlines#isDueSoon},
   * {@link Deadlines#isOverdue}), leaving out what an escalation bundle has told them, and their
   * coming conversations. Before digest time, or on a day off, nothing. Returns how many digests
   * were asked for.
   */
  public int digest(Instant now) {
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    if (!calendar.isWorkingDay(today) || now.isBefore(digestTime(today))) {
      return 0;
    }
    LocalDate horizon = calendar.addWorkingDays(today, properties.reminderLead());
    Map<String, int[]> counts = new LinkedHashMap<>();
    People people = new People();
    List<TaskView> due = openTasks.dueBefore(calendar.endOfWorkingDay(horizon).plusSeconds(1));
    Set<String> escalated =
        escalatedToSomeone(
            due.stream().map(TaskView::followUpId).filter(java.util.Objects::nonNull).toList(),
            due.stream().map(TaskView::actionId).filter(java.util.Objects::nonNull).toList(),
            due.stream()
                .map(TaskView::moderationRequestId)
                .filter(java.util.Objects::nonNull)
                .toList());
    for (TaskView task : due) {
      boolean overdue = deadlines.isOverdue(task.dueAt(), now);
      if (!overdue && !deadlines.isDueSoon(task.dueAt(), now)) {
        continue;
      }
      String told =
          subjectKey(task.followUpId(), task.actionId(), task.moderationRequestId())
              + ":"
              + (task.moderationRequestId() != null
                  ? moderationStage(task)
                  : UserTaskDeadline.stageOf(task.taskKey())
                      .map(Enum::name)
                      .or(() -> ActionProcess.stageOf(task.taskKey()).map(Enum::name))
                      .orElse(""))
              + ":"
              + deadlines.dueDate(task.dueAt())
              + ":";
      for (String username : actors(task, people)) {
        if (overdue && escalated.contains(told + username)) {
          continue; // the bundle said so
        }
        counts.computeIfAbsent(username, u -> new int[2])[overdue ? 1 : 0]++;
      }
    }
    for (String username : conversationAttendees(now, calendar.endOfWorkingDay(horizon), people)) {
      counts.computeIfAbsent(username, u -> new int[2])[0]++;
    }
    List<Notification> emails = new ArrayList<>();
    counts.forEach(
        (username, count) ->
            people
                .byUsername(username)
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
   * {@code <follow-up or action-<id>>:<stage>:<due date>:<username>} of everyone a rung has told.
   */
  private Set<String> escalatedToSomeone(
      List<Long> followUpIds, List<Long> actionIds, List<Long> moderationIds) {
    Set<String> told = new java.util.HashSet<>();
    if (followUpIds.isEmpty() && actionIds.isEmpty() && moderationIds.isEmpty()) {
      return told;
    }
    jdbc.query(
        "select distinct follow_up_id, action_id, moderation_request_id, stage, due_date, username"
            + " from escalation_notice where follow_up_id in (:followUps) or action_id in (:actions)"
            + " or moderation_request_id in (:moderations)",
        new MapSqlParameterSource()
            .addValue("followUps", idsOrNone(followUpIds))
            .addValue("actions", idsOrNone(actionIds))
            .addValue("moderations", idsOrNone(moderationIds)),
        rs -> {
          Long followUpId = rs.getObject("follow_up_id", Long.class);
          Long actionId = rs.getObject("action_id", Long.class);
          Long moderationId = rs.getObject("moderation_request_id", Long.class);
          told.add(
              subjectKey(followUpId, actionId, moderationId)
                  + ":"
                  + rs.getString("stage")
                  + ":"
                  + localDate(rs.getObject("due_date"))
                  + ":"
                  + rs.getString("username"));
        });
    return told;
  }

  /** An IN list that matches nothing when there are no ids. */
  private static Set<Long> idsOrNone(List<Long> ids) {
    return ids.isEmpty() ? Set.of(-1L) : Set.copyOf(ids);
  }

  private Instant digestTime(LocalDate day) {
    return deadlines.nextDigestAfter(day.atStartOfDay(calendar.zone()).toInstant().minusNanos(1));
  }

  private static LocalDate localDate(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return (LocalDate) value;
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

  private List<Person> recipients(
      EscalationRecipient recipient, TaskView task, Long serviceAreaId, People people) {
    if (recipient == EscalationRecipient.ASSIGNEE) {
      return task.assignee() == null
          ? List.of()
          : people.byUsername(task.assignee()).stream().toList();
    }
    Role role = recipient.role().orElseThrow();
    return people.withRole(role).stream()
        .filter(
            p ->
                role == Role.PI_LEAD
                    || (serviceAreaId != null && serviceAreaId.equals(p.serviceAreaId())))
        .toList();
  }

  /** Whoever must act on a task: its assignee, or everyone who may take it from its queue. */
  private Set<String> actors(TaskView task, People people) {
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
          people.withRole(role).forEach(p -> usernames.add(p.username()));
        }
      }
    }
    return usernames;
  }

  /**
   * Usernames of the practitioners and Team Managers with a scheduled conversation before {@code
   * until}.
   */
  private List<String> conversationAttendees(Instant now, Instant until, People people) {
    return statistics.scheduledConversationAttendees(now, until).stream()
        .flatMap(id -> people.byId(id).map(Person::username).stream())
        .toList();
  }

  /**
   * The directory as one sweep sees it: each person and each role asked for once, however many
   * tasks name them (thousands of overdue tasks name a few dozen people). A new sweep asks again.
   */
  private final class People {
    private final Map<String, Optional<Person>> byUsername = new HashMap<>();
    private final Map<Long, Optional<Person>> byId = new HashMap<>();
    private final Map<Role, List<Person>> byRole = new EnumMap<>(Role.class);

    Optional<Person> byUsername(String username) {
      return byUsername.computeIfAbsent(username, directory::findByUsername);
    }

    Optional<Person> byId(Long id) {
      return byId.computeIfAbsent(id, directory::findById);
    }

    List<Person> withRole(Role role) {
      return byRole.computeIfAbsent(role, directory::withRole);
    }
  }

  private static java.sql.Timestamp utc(Instant instant) {
    return java.sql.Timestamp.valueOf(
        java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
  }
}
