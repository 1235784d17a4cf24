package org.learningloop.followup;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the working-day calendar: counts every calendar day, weekends and bank holidays included, so
 * deadlines come out early rather than late.
 * Delete it when the calendar module provides {@link DueDates}.
 */
@Component
class CalendarDaysDueDates implements DueDates {

  @Override
  public LocalDate addWorkingDays(LocalDate from, int workingDays) {
    return from.plusDays(workingDays);
  }
}
