package org.learningloop.followup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.learningloop.common.RecentReading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open and overdue follow-ups by stage, for the operators' dashboards: one grouped count over the
 * open follow-ups per scrape (README "Operations").
 */
@Component
class FollowUpMetrics implements MeterBinder {

  private record Counts(long open, long overdue) {}

  private final RecentReading<Map<FollowUpStage, Counts>> reading;

  FollowUpMetrics(JdbcTemplate jdbc, Clock clock) {
    this.reading =
        new RecentReading<>(
            () -> {
              Map<FollowUpStage, Counts> byStage = new EnumMap<>(FollowUpStage.class);
              jdbc.query(
                  "select stage, count(*), sum(case when due_date < ? then 1 else 0 end)"
                      + " from follow_up where status = ? group by stage",
                  rs -> {
                    byStage.put(
                        FollowUpStage.valueOf(rs.getString(1)),
                        new Counts(rs.getLong(2), rs.getLong(3)));
                  },
                  Date.valueOf(LocalDate.now(clock)),
                  FollowUpStatus.OPEN.name());
              return byStage;
            },
            Duration.ofSeconds(5));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (FollowUpStage stage : FollowUpStage.values()) {
      Gauge.builder("learningloop.followups.open", () -> counts(stage).open())
          .description("Open follow-ups waiting at this stage")
          .tag("stage", stage.name())
          .register(registry);
      Gauge.builder("learningloop.followups.overdue", () -> counts(stage).overdue())
          .description("Open follow-ups whose stage is past its due date")
          .tag("stage", stage.name())
          .register(registry);
    }
  }

  private Counts counts(FollowUpStage stage) {
    return reading.get().getOrDefault(stage, new Counts(0, 0));
  }
}
