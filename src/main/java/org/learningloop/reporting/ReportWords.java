package org.learningloop.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.learningloop.common.UkDates;

/** How the report writes numbers, dates and lists in its sentences, tables and charts alike. */
final class ReportWords {

  private ReportWords() {}

  /** "2 March 2026". */
  static String longDate(LocalDate day) {
    return day.format(UkDates.DAY);
  }

  /** "3 working days", "1.5 working days", "1 working day". */
  static String days(Double median) {
    String n = median % 1 == 0 ? String.valueOf(median.longValue()) : String.valueOf(median);
    return n + (median == 1.0 ? " working day" : " working days");
  }

  /** "Individual coaching" as the middle of a sentence has it: "individual coaching". */
  static String lowerFirst(String text) {
    return text.substring(0, 1).toLowerCase(Locale.UK) + text.substring(1);
  }

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  /** A count as a table cell. */
  static String n(long value) {
    return String.valueOf(value);
  }
}
