package org.learningloop.reporting;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.UkDates;

/**
 * Whole calendar months, {@code from} to {@code to} inclusive; at most two years so that a report
 * stays quick.
 */
public record ReportPeriod(YearMonth from, YearMonth to) {

  public static final int MAX_MONTHS = 24;

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  public ReportPeriod {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to before from");
    }
  }

  /**
   * @throws ReportProblem naming each parameter at fault: missing, not YYYY-MM, reversed or too
   *     long
   */
  static ReportPeriod parse(String from, String to) {
    List<FieldError> errors = new ArrayList<>();
    YearMonth first = month("from", from, errors);
    YearMonth last = month("to", to, errors);
    if (first != null && last != null) {
      if (last.isBefore(first)) {
        errors.add(new FieldError("to", "is before from"));
      } else if (ChronoUnit.MONTHS.between(first, last) + 1 > MAX_MONTHS) {
        errors.add(new FieldError("to", "the period is longer than " + MAX_MONTHS + " months"));
      }
    }
    if (!errors.isEmpty()) {
      throw ReportProblem.invalidPeriod(errors);
    }
    return new ReportPeriod(first, last);
  }

  private static YearMonth month(String name, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(name, "is required, as YYYY-MM"));
      return null;
    }
    String v = value.strip();
    try {
      if (MONTH.matcher(v).matches()) {
        return YearMonth.parse(v);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(new FieldError(name, "'" + value + "' is not a month as YYYY-MM"));
    return null;
  }

  /** The twelve months ending with this period's last month. */
  ReportPeriod twelveMonthsToEnd() {
    return new ReportPeriod(to.minusMonths(11), to);
  }

  /**
   * The six months before this period's last month (the seed: Jul–Dec 2023 for a report to January
   * 2024).
   */
  ReportPeriod sixMonthsBeforeEnd() {
    return new ReportPeriod(to.minusMonths(6), to.minusMonths(1));
  }

  List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /**
   * "December 2023 and January 2024", "July 2023 – December 2023" or "January 2024", as the council
   * writes it.
   */
  public String label() {
    if (from.equals(to)) {
      return monthName(from);
    }
    if (from.plusMonths(1).equals(to)) {
      return monthName(from) + " and " + monthName(to);
    }
    return monthName(from) + " – " + monthName(to);
  }

  /** "July 2023 – December 2023" whatever the length: the range form. */
  public String rangeLabel() {
    return from.equals(to) ? monthName(from) : monthName(from) + " – " + monthName(to);
  }

  public static String monthName(YearMonth month) {
    return UkDates.MONTH.format(month);
  }

  /** The query string of this period, for links. */
  public String query() {
    return "from=" + from + "&to=" + to;
  }
}
