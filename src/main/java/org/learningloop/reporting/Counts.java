package org.learningloop.reporting;

/**
 * Counts as a report prints them. Anything published shows a count of 1 to 4 as "fewer than 5", so
 * that no child, practitioner or team can be singled out from a small number, and shows no share
 * made from such a count (it would give the count away).
 */
final class Counts {

  private Counts() {}

  record Formatter(boolean suppress) {

    String count(long n) {
      return suppress && n > 0 && n < 5 ? ReportBreakdowns.FEWER_THAN_5 : String.valueOf(n);
    }

    /** "20.0%", "not shown" when either count is suppressed, "–" of nothing. */
    String percent(long part, long whole) {
      if (whole == 0) {
        return "–";
      }
      if (suppress && ((part > 0 && part < 5) || whole < 5)) {
        return ReportBreakdowns.NOT_SHOWN;
      }
      return Percent.oneDecimal(Percent.of(part, whole)) + "%";
    }
  }
}
