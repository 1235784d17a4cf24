package org.learningloop.followup;

import java.time.LocalDate;

/**
 * Counts the working days of a deadline. The working-day calendar (England and Wales bank holidays) will implement
 * this; until then {@link CalendarDaysDueDates} stands in.
 */
public interface DueDates {

  /** The date {@code workingDays} working days after {@code from}. */
  LocalDate addWorkingDays(LocalDate from, int workingDays);
}
