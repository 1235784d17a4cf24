package org.learningloop.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.TreeSet;

/**
 * England and Wales bank holidays from Jollyday: hierarchy {@code gb}, subdivision {@code eng}
 * (Jollyday's {@code wls} holds the same days). A holiday's date is the day off: when Christmas
 * falls on a Sunday that is the substitute Tuesday. Jollyday lookups take about a millisecond a
 * year, so the calendar asks once per year and keeps the answer.
 */
final class BankHolidays {

  static final String ENGLAND = "eng";

  private final HolidayManager manager;

  BankHolidays() {
    this.manager =
        HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
  }

  /**
   * The bank holidays falling in a year; the previous year is asked too, in case a substitute day
   * crosses over.
   */
  synchronized Set<LocalDate> in(int year) {
    Set<LocalDate> days = new TreeSet<>();
    for (int asked = year - 1; asked <= year; asked++) {
      for (Holiday holiday : manager.getHolidays(Year.of(asked), ENGLAND)) {
        if (holiday.getType() != HolidayType.OBSERVANCE && holiday.getDate().getYear() == year) {
          days.add(holiday.getDate());
        }
      }
    }
    return days;
  }
}
