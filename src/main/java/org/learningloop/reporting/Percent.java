package org.learningloop.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Shares as the reports show them: one decimal in tables and JSON, whole numbers in the prose (as
 * the council does).
 */
final class Percent {

  private Percent() {}

  /** 100 × part / whole to one decimal, half up; 0.0 of nothing. */
  static double of(long part, long whole) {
    if (whole == 0) {
      return 0.0;
    }
    return BigDecimal.valueOf(part * 100L)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
        .doubleValue();
  }

  /** "40%", "13%": whole, half up, for sentences. */
  static String whole(long part, long whole) {
    if (whole == 0) {
      return "0%";
    }
    return BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
            .toPlainString()
        + "%";
  }

  /** "40.0" for tables and CSV. */
  public static String oneDecimal(double percent) {
    return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
