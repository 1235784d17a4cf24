package org.learningloop.workflow.tasks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learningloop.common.RecentReading;
import org.learningloop.directory.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open tasks per list, from the task read model in one grouped count per scrape: each candidate
 * group's unassigned queue ({@code list="queue"}) and what is assigned to someone ({@code
 * list="assigned"}), open and overdue.
 */
@Component
class OpenTaskMetrics implements MeterBinder {

  static final String NO_GROUP = "none";

  private record Key(String list, String group) {}

  private record Counts(long open, long overdue) {}

  private final RecentReading<Map<Key, Counts>> reading;

  OpenTaskMetrics(JdbcTemplate jdbc, Clock clock) {
    this.reading =
        new RecentReading<>(
            () -> {
              Map<Key, Counts> counts = new HashMap<>();
              jdbc.query(
                  "select candidate_group, case when assignee is null then 'queue' else 'assigned'"
                      + " end as list, count(*), sum(case when due_at < ? then 1 else 0 end)"
                      + " from open_task group by candidate_group,"
                      + " case when assignee is null then 'queue' else 'assigned' end",
                  rs -> {
                    String group = rs.getString(1);
                    counts.merge(
                        new Key(rs.getString(2), group == null ? NO_GROUP : group),
                        new Counts(rs.getLong(3), rs.getLong(4)),
                        (a, b) -> new Counts(a.open() + b.open(), a.overdue() + b.overdue()));
                  },
                  Timestamp.from(clock.instant()));
              return counts;
            },
            Duration.ofSeconds(5));
  }

  /** The engine's groups (one per role, and the PI team), and tasks that have none. */
  static List<String> groups() {
    List<String> groups = new ArrayList<>();
    for (Role role : Role.values()) {
      groups.add(role.groupId());
    }
    groups.add(Role.PRACTICE_IMPROVEMENT_GROUP);
    groups.add(NO_GROUP);
    return groups;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String list : List.of("queue", "assigned")) {
      for (String group : groups()) {
        Key key = new Key(list, group);
        Gauge.builder("learningloop.tasks.open", () -> counts(key).open())
            .description("Open tasks in a group's queue or assigned to someone")
            .tags("list", list, "group", group)
            .register(registry);
        Gauge.builder("learningloop.tasks.overdue", () -> counts(key).overdue())
            .description("Open tasks past their due time")
            .tags("list", list, "group", group)
            .register(registry);
      }
    }
  }

  private Counts counts(Key key) {
    return reading.get().getOrDefault(key, new Counts(0, 0));
  }
}
