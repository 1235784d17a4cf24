package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningloop.audit.Grade.GOOD;
import static org.learningloop.audit.Grade.INADEQUATE;
import static org.learningloop.audit.Grade.OUTSTANDING;
import static org.learningloop.audit.Grade.REQUIRES_IMPROVEMENT;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.Grade;

/** The calibration's arithmetic against tables worked out by hand. */
class GradeAgreementTest {

  private static final Grade[] G = {OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE};

  private static GradeAgreement table(long[][] counts) {
    GradeAgreement agreement = new GradeAgreement();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        agreement.add(G[i], G[j], counts[i][j]);
      }
    }
    return agreement;
  }

  /**
   * 20 moderated audits. Rows: the auditor's grade; columns: the moderated grade (O, G, RI, I).
   *
   * <pre>
   *              O   G  RI   I | r(i)
   *   O          1   1   0   0 |  2
   *   G          0   4   2   0 |  6
   *   RI         0   1   6   1 |  8
   *   I          0   0   1   3 |  4
   *   c(j)       1   6   9   4 | 20
   * </pre>
   *
   * Agreed (diagonal) 1 + 4 + 6 + 3 = 14, so 70.0%. Moved up (moderated better, below the
   * diagonal): RI→G 1, I→RI 1 = 2. Moved down (above it): O→G 1, G→RI 2, RI→I 1 = 4.
   *
   * <p>Linear weights w = 1 − |i − j|/3: 1 on the diagonal, 2/3 one grade apart, 1/3 two apart, 0
   * three apart.
   *
   * <p>Observed: the diagonal 14 × 1, one grade apart (O→G 1, G→RI 2, RI→G 1, RI→I 1, I→RI 1) 6 ×
   * 2/3 = 4, nothing further apart: p_o = (14 + 4) / 20 = 18/20 = 0.9.
   *
   * <p>Expected: Σ w(i,j)·r(i)·c(j) / N², row by row (c = 1, 6, 9, 4):
   *
   * <pre>
   *   O  r=2: 2 × (1·1 + 2/3·6 + 1/3·9 + 0·4)   = 2 × (1 + 4 + 3 + 0)   = 2 × 8  = 16
   *   G  r=6: 6 × (2/3·1 + 1·6 + 2/3·9 + 1/3·4) = 6 × (2/3 + 6 + 6 + 4/3) = 6 × 14 = 84
   *   RI r=8: 8 × (1/3·1 + 2/3·6 + 1·9 + 2/3·4) = 8 × (1/3 + 4 + 9 + 8/3) = 8 × 16 = 128
   *   I  r=4: 4 × (0·1 + 1/3·6 + 2/3·9 + 1·4)   = 4 × (0 + 2 + 6 + 4)   = 4 × 12 = 48
   * </pre>
   *
   * p_e = (16 + 84 + 128 + 48) / 400 = 276/400 = 0.69.
   *
   * <p>κ_w = (0.9 − 0.69) / (1 − 0.69) = 0.21 / 0.31 = 0.677419… → 0.677.
   */
  @Test
  void aTableOfTwentyPairsWorkedOutByHand() {
    GradeAgreement agreement =
        table(new long[][] {{1, 1, 0, 0}, {0, 4, 2, 0}, {0, 1, 6, 1}, {0, 0, 1, 3}});

    assertThat(agreement.moderated()).isEqualTo(20);
    assertThat(agreement.agreed()).isEqualTo(14);
    assertThat(agreement.agreementPercent()).isEqualTo(70.0);
    assertThat(agreement.upward()).isEqualTo(2);
    assertThat(agreement.downward()).isEqualTo(4);
    assertThat(agreement.count(GOOD, REQUIRES_IMPROVEMENT)).isEqualTo(2);
    assertThat(agreement.observedWeightedAgreement()).contains(new BigDecimal("0.900000"));
    assertThat(agreement.expectedWeightedAgreement()).contains(new BigDecimal("0.690000"));
    assertThat(agreement.weightedKappa()).contains(new BigDecimal("0.677"));
  }

  /**
   * The textbook example of (unweighted) Cohen's kappa, as in Wikipedia's article "Cohen's kappa":
   * 50 grant proposals read by two readers, Yes/Yes 20, Yes/No 5, No/Yes 10, No/No 15; p_o = 0.7,
   * p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4. Put on the two grades three apart (Outstanding and
   * Inadequate), whose linear weight is 0, the weighted kappa is the unweighted one.
   */
  @Test
  void theTextbookTwoByTwoOnTheOuterGradesIsCohensKappa() {
    GradeAgreement agreement = twoByTwo(OUTSTANDING, INADEQUATE, 20, 5, 10, 15);

    assertThat(agreement.observedWeightedAgreement()).contains(new BigDecimal("0.700000"));
    assertThat(agreement.expectedWeightedAgreement()).contains(new BigDecimal("0.500000"));
    assertThat(agreement.weightedKappa()).contains(new BigDecimal("0.400"));
    assertThat(agreement.agreementPercent()).isEqualTo(70.0);
    assertThat(agreement.upward()).isEqualTo(10);
    assertThat(agreement.downward()).isEqualTo(5);
  }

  /**
   * Agreement no better than chance: each row is the column totals scaled (r = 4, 4; c = 2, 6 on
   * Good and Requires improvement), so observed and expected agreement are equal and κ = 0.
   */
  @Test
  void independentGradesGiveKappaZero() {
    GradeAgreement agreement = twoByTwo(GOOD, REQUIRES_IMPROVEMENT, 1, 3, 1, 3);

    assertThat(agreement.weightedKappa()).contains(new BigDecimal("0.000"));
  }

  @Test
  void fullAgreementOverSeveralGradesIsOne() {
    GradeAgreement agreement =
        new GradeAgreement().add(GOOD, GOOD, 3).add(INADEQUATE, INADEQUATE, 2);

    assertThat(agreement.weightedKappa()).contains(new BigDecimal("1.000"));
    assertThat(agreement.agreementPercent()).isEqualTo(100.0);
  }

  /** Every pair Good on both sides: p_o = p_e = 1, and 0/0 is no figure. */
  @Test
  void kappaIsNotDefinedWhenChanceAloneWouldAgreeFully() {
    GradeAgreement agreement = new GradeAgreement().add(GOOD, GOOD, 7);

    assertThat(agreement.expectedWeightedAgreement()).contains(new BigDecimal("1.000000"));
    assertThat(agreement.weightedKappa()).isEmpty();
    assertThat(new GradeAgreement().weightedKappa()).isEmpty();
  }

  /** Moderation always one grade down from the auditor's: systematic disagreement, κ below 0. */
  @Test
  void systematicDisagreementIsNegative() {
    GradeAgreement agreement =
        new GradeAgreement().add(GOOD, REQUIRES_IMPROVEMENT, 5).add(OUTSTANDING, GOOD, 5);

    // p_o = 2/3; r = (5, 5, 0, 0), c = (0, 5, 5, 0); p_e = (5·(2/3·5 + 1/3·5) + 5·(1·5 + 2/3·5))
    // / 100 = (25 + 41.67) / 100 = 0.6667 (exactly 2/3): κ = 0 / (1/3) = 0.
    assertThat(agreement.weightedKappa()).contains(new BigDecimal("0.000"));
    GradeAgreement crossed =
        new GradeAgreement().add(OUTSTANDING, INADEQUATE, 4).add(INADEQUATE, OUTSTANDING, 4);
    // p_o = 0; r = c = (4, 0, 0, 4); p_e = (16 + 0 + 0 + 16) / 64 = 0.5: κ = −0.5 / 0.5 = −1.
    assertThat(crossed.weightedKappa()).contains(new BigDecimal("-1.000"));
  }

  /**
   * A table of two grades {@code a} and {@code b}, the auditor's grade first: a/a, a/b, b/a and b/b
   * audits.
   */
  private static GradeAgreement twoByTwo(Grade a, Grade b, long aa, long ab, long ba, long bb) {
    return new GradeAgreement().add(a, a, aa).add(a, b, ab).add(b, a, ba).add(b, b, bb);
  }
}
