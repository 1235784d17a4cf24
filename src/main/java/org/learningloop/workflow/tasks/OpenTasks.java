package org.learningloop.workflow.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.learningloop.common.Paging;
import org.learningloop.followup.PageOf;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task lists from the {@code open_task} read model. Each list is one indexed query and one count:
 * mine by (assignee, due), the team queue by (candidate group, unassigned, created), overdue and
 * due this week by due date.
 */
@Service
@Transactional(readOnly = true)
public class OpenTasks {

  private static final String COLUMNS =
      "select task_id, follow_up_id, action_id, moderation_request_id, audit_ref, task_key, name, assignee, candidate_group, due_at, created_at from open_task ";
  private static final String MINE_OR_QUEUE =
      "(assignee = :me or (assignee is null and candidate_group in (:groups)))";

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  OpenTasks(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @param username the signed-in user
   * @param groups their engine groups (roles and the shared ones)
   */
  public PageOf<TaskView> list(
      TaskListView view, String username, Set<String> groups, int page, int size) {
    return list(view, username, groups, TaskSort.NATURAL, page, size);
  }

  /** The same lists, in the order a person chose on the task list page. */
  public PageOf<TaskView> list(
      TaskListView view, String username, Set<String> groups, TaskSort sort, int page, int size) {
    Paging.check(page, size);
    Instant now = clock.instant();
    LocalDate endOfWeek =
        LocalDate.now(clock).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusDays(1);
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("me", username)
            .addValue("groups", groups.isEmpty() ? List.of("-") : (Collection<String>) groups)
            .addValue("now", utc(now))
            .addValue("weekEnd", utc(endOfWeek.atStartOfDay(clock.getZone()).toInstant()))
            .addValue("limit", size)
            .addValue("offset", Paging.offset(page, size));
    String where =
        switch (view) {
          case MINE -> "where assignee = :me ";
          case TEAM -> "where assignee is null and candidate_group in (:groups) ";
          case OVERDUE -> "where " + MINE_OR_QUEUE + " and due_at < :now ";
          case DUE_THIS_WEEK ->
              "where " + MINE_OR_QUEUE + " and due_at >= :now and due_at < :weekEnd ";
        };
    String order =
        switch (sort) {
          case DUE_DATE -> "order by case when due_at is null then 1 else 0 end, due_at, task_id ";
          case AUDIT_REF -> "order by audit_ref, due_at, task_id ";
          case NATURAL -> naturalOrder(view);
        };
    List<TaskView> rows =
        jdbc.query(
            COLUMNS + where + order + "limit :limit offset :offset",
            params,
            (rs, i) -> row(rs, now));
    Long total = jdbc.queryForObject("select count(*) from open_task " + where, params, Long.class);
    long count = total == null ? 0 : total;
    return new PageOf<>(rows, page, size, count, (int) ((count + size - 1) / size));
  }

  private static String naturalOrder(TaskListView view) {
    return switch (view) {
      case MINE ->
          "order by case when due_at is null then 1 else 0 end, due_at, created_at, task_id ";
      case TEAM -> "order by created_at, task_id ";
      case OVERDUE, DUE_THIS_WEEK -> "order by due_at, task_id ";
    };
  }

  /**
   * Every open task of one follow-up, oldest first; for its page and for checking the model against
   * the engine.
   */
  public List<TaskView> ofFollowUp(long followUpId) {
    return jdbc.query(
        COLUMNS + "where follow_up_id = :id order by created_at, task_id",
        new MapSqlParameterSource("id", followUpId),
        (rs, i) -> row(rs, clock.instant()));
  }

  /**
   * Every open task with a due date before {@code until}, soonest first: what the reminder and
   * escalation sweep looks at (one range scan of the due-date index).
   */
  public List<TaskView> dueBefore(Instant until) {
    return jdbc.query(
        COLUMNS + "where due_at is not null and due_at < :until order by due_at, task_id",
        new MapSqlParameterSource("until", utc(until)),
        (rs, i) -> row(rs, clock.instant()));
  }

  private static TaskView row(ResultSet rs, Instant now) throws SQLException {
    Instant due = instant(rs.getObject("due_at", LocalDateTime.class));
    Long id = rs.getObject("follow_up_id", Long.class);
    Long action = rs.getObject("action_id", Long.class);
    Long moderation = rs.getObject("moderation_request_id", Long.class);
    String ref = rs.getString("audit_ref");
    return new TaskView(
        rs.getString("task_id"),
        id,
        ref,
        rs.getString("task_key"),
        rs.getString("name"),
        rs.getString("assignee"),
        rs.getString("candidate_group"),
        due,
        instant(rs.getObject("created_at", LocalDateTime.class)),
        due != null && due.isBefore(now),
        id != null
            ? "/follow-ups/" + id
            : action != null ? "/actions/" + action : moderation != null ? "/audits/" + ref : null,
        action,
        moderation);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
