package org.learningloop.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The application's one clock: the system clock in the council's time zone, unless start-up work
 * that replays time (the demo story, which writes a year of follow-ups as they would have happened)
 * holds it at a moment of its choosing. Every module reads the time from here, so while it is held
 * due dates, timelines, emails and sweeps all agree on the moment; {@link #release()} gives it back
 * to the system clock. Nothing holds it while the application serves people: the demo story runs
 * before the application reports ready.
 */
public final class ApplicationClock extends Clock {

  private final Clock system;
  private volatile Instant held;

  public ApplicationClock(Clock system) {
    this.system = Objects.requireNonNull(system);
  }

  /** From now on the time is {@code moment}, until it is held elsewhere or released. */
  public void holdAt(Instant moment) {
    held = Objects.requireNonNull(moment);
  }

  /** Back to the system clock. */
  public void release() {
    held = null;
  }

  public boolean isHeld() {
    return held != null;
  }

  @Override
  public ZoneId getZone() {
    return system.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    Instant moment = held;
    return moment == null ? system.withZone(zone) : Clock.fixed(moment, zone);
  }

  @Override
  public Instant instant() {
    Instant moment = held;
    return moment == null ? system.instant() : moment;
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }
}
