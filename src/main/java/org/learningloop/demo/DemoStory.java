package org.learningloop.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.common.ApplicationClock;
import org.learningloop.reminder.ReminderSweep;
import org.learningloop.workflow.EngineTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo data: a year of audits and follow-ups written as they would have happened, through the
 * audit register and the follow-up commands, on a clock that moves through the year (the
 * application's and the engine's together, the engine's timers running as it passes them, the
 * escalation sweep at the end of every working day), so that today every demo person has work on
 * their own pages and the emails of the year are in the outbox. From a fixed seed, so the same day
 * gives the same story. Written once: the {@code demo_story} row says it was, and a restart (on
 * whatever clock) adds nothing and changes nothing.
 */
@Component
class DemoStory {

  static final long SEED = 20240312L;

  /** When the escalation sweep runs on each working day of the story: after the day's rungs. */
  private static final LocalTime SWEEP = LocalTime.of(17, 30);

  private static final Logger log = LoggerFactory.getLogger(DemoStory.class);

  private final DemoAudits audits;
  private final DemoFollowUps followUps;
  private final ReminderSweep sweep;
  private final WorkingDayCalendar calendar;
  private final ApplicationClock applicationClock;
  private final Clock clock;
  private final EngineTime engine;
  private final JdbcTemplate jdbc;

  DemoStory(
      DemoAudits audits,
      DemoFollowUps followUps,
      ReminderSweep sweep,
      WorkingDayCalendar calendar,
      ApplicationClock applicationClock,
      Clock clock,
      EngineTime engine,
      JdbcTemplate jdbc) {
    this.audits = audits;
    this.followUps = followUps;
    this.sweep = sweep;
    this.calendar = calendar;
    this.applicationClock = applicationClock;
    this.clock = clock;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** Whether the story was written to the end. */
  boolean written() {
    List<Timestamp> finished =
        jdbc.queryForList("select finished_at from demo_story where id = 1", Timestamp.class);
    return !finished.isEmpty() && finished.get(0) != null;
  }

  /** Writes the story unless it was written (or begun) before. */
  void ensurePresent() {
    List<Timestamp> finished =
        jdbc.queryForList("select finished_at from demo_story where id = 1", Timestamp.class);
    if (!finished.isEmpty()) {
      if (finished.get(0) == null) {
        log.warn(
            "The demo story was cut off part-way at an earlier start and is not written again;"
                + " delete ./data/ to start from nothing");
      }
      return;
    }
    if (clock != applicationClock) {
      throw new IllegalStateException(
          "The demo story moves the application clock, but another Clock is in use here;"
              + " switch the demo data off (learning-loop.demo.data=false)");
    }
    long started = System.nanoTime();
    Instant end = clock.instant();
    LocalDate today = end.atZone(calendar.zone()).toLocalDate();
    LocalDate first = YearMonth.from(today).minusMonths(11).atDay(1);
    jdbc.update(
        "insert into demo_story (id, seed, story_from, story_to, started_at) values (1, ?, ?, ?, ?)",
        SEED,
        utc(first.atStartOfDay(calendar.zone()).toInstant()),
        utc(end),
        utc(end));

    DemoTimeline timeline = new DemoTimeline(calendar, end);
    Random random = new Random(SEED);
    Map<YearMonth, Integer> cases = followUps.planCases(timeline, random);
    audits.planYear(timeline, random, cases, followUps);
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        Instant at = timeline.at(day, SWEEP);
        timeline.plan(at, "escalation sweep", () -> sweep.escalate(at));
      }
    }
    timeline.plan(
        end,
        "today's sweep",
        () -> {
          sweep.escalate(end);
          sweep.digest(end);
        });
    timeline.run(applicationClock, engine);

    jdbc.update("update demo_story set finished_at = ? where id = 1", utc(clock.instant()));
    log.info(
        "Wrote the demo story: {} steps from {} to {} in {} s",
        timeline.done(),
        first,
        today,
        (System.nanoTime() - started) / 1_000_000_000);
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
