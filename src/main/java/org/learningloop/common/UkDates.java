package org.learningloop.common;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as the GOV.UK style guide writes them ("4 June 2026", "4 Jun 2026, 14:30"), in
 * British English, for pages, emails and reports alike. Times are formatted in the zone of the
 * value given; format an {@code Instant} through {@code atZone} or {@code withZone}.
 */
public final class UkDates {

  /** 4 June 2026 */
  public static final DateTimeFormatter DAY = of("d MMMM yyyy");

  /** 4 Jun 2026, where a table column is narrow */
  public static final DateTimeFormatter SHORT_DAY = of("d MMM yyyy");

  /** 4 Jun 2026, 14:30 */
  public static final DateTimeFormatter SHORT_DAY_AND_TIME = of("d MMM yyyy, HH:mm");

  /** 4 June 2026 at 14:30 */
  public static final DateTimeFormatter DAY_AND_TIME = of("d MMMM yyyy 'at' HH:mm");

  /** Thursday 4 June 2026 */
  public static final DateTimeFormatter WEEKDAY = of("EEEE d MMMM yyyy");

  /** Thursday 4 June 2026 at 14:30 */
  public static final DateTimeFormatter WEEKDAY_AND_TIME = of("EEEE d MMMM yyyy 'at' HH:mm");

  /** June 2026 */
  public static final DateTimeFormatter MONTH = of("MMMM yyyy");

  /** 14:30 */
  public static final DateTimeFormatter TIME = of("HH:mm");

  private UkDates() {}

  private static DateTimeFormatter of(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.UK);
  }
}
