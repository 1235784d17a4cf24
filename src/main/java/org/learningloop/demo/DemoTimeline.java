package org.learningloop.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.common.ApplicationClock;
import org.learningloop.workflow.EngineTime;

/**
 * The demo story's moving clock: things planned at moments over the last year, done in the order of
 * those moments with the application's clock and the engine's held at each one, and the engine's
 * timers run as the clock passes them. Whatever is planned after the end of the story (the moment
 * it started to be written) is left out, and so is everything that would follow it, because each
 * step of a case is planned after the steps it needs.
 */
final class DemoTimeline {

  private record Planned(Instant at, long order, String what, Runnable step) {}

  private final PriorityQueue<Planned> plan =
      new PriorityQueue<>(Comparator.comparing(Planned::at).thenComparingLong(Planned::order));
  private final WorkingDayCalendar calendar;
  private final Instant end;
  private long order;
  private int done;

  DemoTimeline(WorkingDayCalendar calendar, Instant end) {
    this.calendar = calendar;
    this.end = end;
  }

  /** The moment the story ends: now, when it began to be written. */
  Instant end() {
    return end;
  }

  /** The story's last day. */
  LocalDate today() {
    return end.atZone(zone()).toLocalDate();
  }

  ZoneId zone() {
    return calendar.zone();
  }

  WorkingDayCalendar calendar() {
    return calendar;
  }

  /** {@code day} at {@code time} in the council's time zone. */
  Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(zone()).toInstant();
  }

  /** Plans {@code step} at {@code day} and {@code time}, unless that is after the story's end. */
  boolean plan(LocalDate day, LocalTime time, String what, Runnable step) {
    return plan(at(day, time), what, step);
  }

  /** Plans {@code step} at {@code at}, unless that is after the story's end. */
  boolean plan(Instant at, String what, Runnable step) {
    if (at.isAfter(end)) {
      return false;
    }
    plan.add(new Planned(at, order++, what, step));
    return true;
  }

  boolean planned(Instant at) {
    return !at.isAfter(end);
  }

  /**
   * Does everything planned, in order, each at its moment on both clocks; then leaves both at the
   * story's end with the timers due by then run, and the clocks released.
   */
  void run(ApplicationClock clock, EngineTime engine) {
    engine.holdJobs();
    try {
      while (!plan.isEmpty()) {
        Planned next = plan.poll();
        move(clock, engine, next.at());
        try {
          next.step().run();
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "The demo story failed at " + next.at() + " (" + next.what() + ")", e);
        }
        done++;
      }
      move(clock, engine, end);
    } finally {
      clock.release();
      engine.reset();
      engine.releaseJobs();
    }
  }

  /** How many planned steps were done. */
  int done() {
    return done;
  }

  private static void move(ApplicationClock clock, EngineTime engine, Instant at) {
    clock.holdAt(at);
    engine.moveTo(at);
    engine.runDueJobs();
  }
}
