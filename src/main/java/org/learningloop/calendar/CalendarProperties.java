package org.learningloop.calendar;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.validation.annotation.Validated;

/**
 * The working-day calendar: England and Wales bank holidays come from Jollyday; these settings add
 * the rest.
 *
 * @param zone where the council's days begin and end
 * @param endOfWorkingDay when a working day ends: a deadline of "n working days" falls due at this
 *     time
 * @param closureDays days the council is closed although they are not bank holidays (e.g. between
 *     Christmas and New Year)
 * @param additionalBankHolidays one-off bank holidays proclaimed after the Jollyday release in use
 */
@Validated
@ConfigurationProperties("learning-loop.calendar")
public record CalendarProperties(
    @NotNull ZoneId zone,
    @NotNull @DateTimeFormat(iso = ISO.TIME) LocalTime endOfWorkingDay,
    @DateTimeFormat(iso = ISO.DATE) List<@NotNull LocalDate> closureDays,
    @DateTimeFormat(iso = ISO.DATE) List<@NotNull LocalDate> additionalBankHolidays) {

  public CalendarProperties {
    closureDays =
        closureDays == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(closureDays));
    additionalBankHolidays =
        additionalBankHolidays == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(additionalBankHolidays));
  }

  /** England and Wales, days ending at 17:00 London time, no closure days: the shipped defaults. */
  public static CalendarProperties englandAndWales() {
    return new CalendarProperties(
        ZoneId.of("Europe/London"), LocalTime.of(17, 0), List.of(), List.of());
  }

  /** The same calendar with these council closure days. */
  public CalendarProperties withClosureDays(List<LocalDate> days) {
    return new CalendarProperties(zone, endOfWorkingDay, days, additionalBankHolidays);
  }
}
