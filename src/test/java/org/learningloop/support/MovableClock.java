package org.learningloop.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.learningloop.common.TimeConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock and the process engine's, moved together: a test sets the time once and
 * both the application (due dates, sweeps, timelines) and the engine (timer jobs, task dates) see
 * it. Import {@link Configuration} to put it in place of the system clock.
 */
public final class MovableClock extends Clock {

  private volatile Instant now;

  public MovableClock(Instant start) {
    moveTo(start);
  }

  /** Both clocks to {@code instant}; the engine's own clock is reset by {@link #release()}. */
  public void moveTo(Instant instant) {
    now = instant;
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Gives the engine its real clock back (after the test class). */
  public static void release() {
    ClockUtil.reset();
  }

  @Override
  public ZoneId getZone() {
    return TimeConfiguration.LONDON;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** The movable clock as the application's one clock. */
  @TestConfiguration
  public static class Configuration {

    /**
     * Where the clock starts ({@code learning-loop.test.clock-start}, default Monday 2 March 2026,
     * 09:00 UTC); a test moves it on from there.
     */
    @Bean
    @Primary
    MovableClock movableClock(
        @Value("${learning-loop.test.clock-start:2026-03-02T09:00:00Z}") Instant start) {
      return new MovableClock(start);
    }
  }
}
