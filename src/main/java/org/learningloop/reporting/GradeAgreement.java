package org.learningloop.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.learningloop.audit.Grade;

/**
 * How far auditors and moderators agree: a 4×4 table of moderated audits counted by the auditor's
 * grade (rows) and the moderated grade (columns), and what follows from it. Pure arithmetic, no
 * Spring.
 *
 * <p>The grades are ordered {@code OUTSTANDING > GOOD > REQUIRES_IMPROVEMENT > INADEQUATE} (indices
 * 0 to 3). A change is <em>upward</em> when the moderated grade is better than the auditor's,
 * <em>downward</em> when it is worse.
 *
 * <p><b>Cohen's weighted kappa, linear weights.</b> With {@code k = 4} grades, {@code w(i,j) = 1 −
 * |i − j| / 3}; {@code N} pairs, {@code n(i,j)} in cell {@code (i,j)}, row totals {@code r(i)} and
 * column totals {@code c(j)}:
 *
 * <pre>
 *   observed weighted agreement  p_o = Σ w(i,j)·n(i,j) / N
 *   expected weighted agreement  p_e = Σ w(i,j)·r(i)·c(j) / N²
 *   κ_w = (p_o − p_e) / (1 − p_e)
 * </pre>
 *
 * Worked in whole numbers with {@code A = Σ (3 − |i − j|)·n(i,j)} and {@code B = Σ (3 − |i −
 * j|)·r(i)·c(j)}: {@code p_o = A / 3N}, {@code p_e = B / 3N²} and {@code κ_w = (N·A − B) / (3N² −
 * B)}, exact until the one division. κ is not defined when {@code p_e = 1} ({@code B = 3N²}: every
 * pair on one and the same grade on both sides), nor with no pairs.
 */
final class GradeAgreement {

  /** The grades in order, best first: the table's row and column indices. */
  private static final Grade[] ORDER = {
    Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE
  };

  private static final int K = ORDER.length;

  private final long[][] counts = new long[K][K];

  /**
   * Adds {@code count} audits the auditor graded {@code auditor} and moderation {@code moderated}.
   */
  GradeAgreement add(Grade auditor, Grade moderated, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("a negative count");
    }
    counts[index(auditor)][index(moderated)] += count;
    return this;
  }

  /** Adds every pair of another table. */
  GradeAgreement addAll(GradeAgreement other) {
    for (int i = 0; i < K; i++) {
      for (int j = 0; j < K; j++) {
        counts[i][j] += other.counts[i][j];
      }
    }
    return this;
  }

  public long count(Grade auditor, Grade moderated) {
    return counts[index(auditor)][index(moderated)];
  }

  /** Moderated audits: every pair. */
  public long moderated() {
    long n = 0;
    for (long[] row : counts) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }

  /** Pairs where the moderator kept the auditor's grade. */
  public long agreed() {
    long n = 0;
    for (int i = 0; i < K; i++) {
      n += counts[i][i];
    }
    return n;
  }

  /** Pairs the moderator graded better than the auditor did. */
  public long upward() {
    long n = 0;
    for (int i = 0; i < K; i++) {
      for (int j = 0; j < i; j++) {
        n += counts[i][j];
      }
    }
    return n;
  }

  /** Pairs the moderator graded worse than the auditor did. */
  public long downward() {
    return moderated() - agreed() - upward();
  }

  /** Agreed as a percentage of moderated, one decimal; 0.0 of none. */
  double agreementPercent() {
    return Percent.of(agreed(), moderated());
  }

  /**
   * {@code p_o}, the observed weighted agreement (for showing the working); empty with no pairs.
   */
  Optional<BigDecimal> observedWeightedAgreement() {
    long n = moderated();
    return n == 0 ? Optional.empty() : Optional.of(divide(a(), 3 * n, 6));
  }

  /** {@code p_e}, the weighted agreement expected by chance; empty with no pairs. */
  Optional<BigDecimal> expectedWeightedAgreement() {
    long n = moderated();
    return n == 0 ? Optional.empty() : Optional.of(divide(b(), 3 * n * n, 6));
  }

  /**
   * Cohen's linear-weighted kappa to three decimals (half up); empty when it is not defined (no
   * pairs, or an expected agreement of 1).
   */
  Optional<BigDecimal> weightedKappa() {
    long n = moderated();
    long b = b();
    long denominator = 3 * n * n - b;
    if (n == 0 || denominator == 0) {
      return Optional.empty();
    }
    return Optional.of(divide(n * a() - b, denominator, 3));
  }

  /** {@code A = Σ (3 − |i − j|)·n(i,j)}: 3N times the observed weighted agreement. */
  private long a() {
    long a = 0;
    for (int i = 0; i < K; i++) {
      for (int j = 0; j < K; j++) {
        a += weight(i, j) * counts[i][j];
      }
    }
    return a;
  }

  /** {@code B = Σ (3 − |i − j|)·r(i)·c(j)}: 3N² times the expected weighted agreement. */
  private long b() {
    long[] rows = new long[K];
    long[] columns = new long[K];
    for (int i = 0; i < K; i++) {
      for (int j = 0; j < K; j++) {
        rows[i] += counts[i][j];
        columns[j] += counts[i][j];
      }
    }
    long b = 0;
    for (int i = 0; i < K; i++) {
      for (int j = 0; j < K; j++) {
        b += weight(i, j) * rows[i] * columns[j];
      }
    }
    return b;
  }

  /** Three times the linear weight: 3 on the diagonal, 2, 1, and 0 for Outstanding/Inadequate. */
  private static long weight(int i, int j) {
    return (K - 1) - Math.abs(i - j);
  }

  private static BigDecimal divide(long numerator, long denominator, int scale) {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
  }

  private static int index(Grade grade) {
    for (int i = 0; i < K; i++) {
      if (ORDER[i] == grade) {
        return i;
      }
    }
    throw new IllegalArgumentException("no grade");
  }
}
