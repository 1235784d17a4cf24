package org.learningloop.followup.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as GOV.UK writes them, in the council's time zone. */
final class Formats {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

  private final ZoneId zone;

  Formats(ZoneId zone) {
    this.zone = zone;
  }

  String day(LocalDate date) {
    return date == null ? "" : DAY.format(date);
  }

  String dayAndTime(Instant at) {
    return at == null ? "" : DAY_AND_TIME.format(at.atZone(zone));
  }

  String shortTime(Instant at) {
    return at == null ? "" : SHORT.format(at.atZone(zone));
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
