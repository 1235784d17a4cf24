package org.learningloop.followup.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.learningloop.common.UkDates;

/** Dates and times as GOV.UK writes them, in the council's time zone. */
final class Formats {

  private final ZoneId zone;

  Formats(ZoneId zone) {
    this.zone = zone;
  }

  String day(LocalDate date) {
    return date == null ? "" : UkDates.DAY.format(date);
  }

  String dayAndTime(Instant at) {
    return at == null ? "" : UkDates.WEEKDAY_AND_TIME.format(at.atZone(zone));
  }

  String shortTime(Instant at) {
    return at == null ? "" : UkDates.SHORT_DAY_AND_TIME.format(at.atZone(zone));
  }

  /** "INDIVIDUAL_COACHING" reads "Individual coaching". */
  static String words(Enum<?> value) {
    if (value == null) {
      return "";
    }
    String text = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
