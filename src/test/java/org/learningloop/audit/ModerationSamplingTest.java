package org.learningloop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sampling rule without Spring: which audits of a month are selected, and that the same audits
 * always give the same sample, whatever order they come in.
 */
class ModerationSamplingTest {

  static final YearMonth MONTH = YearMonth.of(2024, 1);

  static ModerationQueue rule(double share, String seed) {
    return new ModerationQueue(
        null,
        null,
        null,
        new ModerationProperties(
            Set.of(Grade.INADEQUATE, Grade.OUTSTANDING), share, seed, 10, 10, 5, 1, false),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** 40 audits: auditor 1 has 25 (3 Inadequate, 2 Outstanding), auditor 2 has 12, auditor 3 3. */
  static List<AuditRepository.Drawable> month() {
    List<AuditRepository.Drawable> audits = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < 25; i++, id++) {
      Grade grade =
          i < 3
              ? Grade.INADEQUATE
              : i < 5 ? Grade.OUTSTANDING : i % 2 == 0 ? Grade.GOOD : Grade.REQUIRES_IMPROVEMENT;
      audits.add(new AuditRepository.Drawable(id, "AUD-1-" + i, 1, grade, i == 7));
    }
    for (int i = 0; i < 12; i++, id++) {
      audits.add(new AuditRepository.Drawable(id, "AUD-2-" + i, 2, Grade.GOOD, false));
    }
    for (int i = 0; i < 3; i++, id++) {
      audits.add(
          new AuditRepository.Drawable(id, "AUD-3-" + i, 3, Grade.REQUIRES_IMPROVEMENT, false));
    }
    return audits;
  }

  @Test
  void everyAlwaysModeratedGradeAndTheShareOfEachAuditorsOthersRoundedUp() {
    Map<Long, ModerationRequest.Reason> selected = rule(0.2, "seed").selection(MONTH, month());

    assertThat(
            selected.entrySet().stream()
                .filter(e -> e.getValue() == ModerationRequest.Reason.GRADE))
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    Map<Character, Long> shares =
        selected.entrySet().stream()
            .filter(e -> e.getValue() == ModerationRequest.Reason.RANDOM_SHARE)
            .collect(Collectors.groupingBy(e -> auditorOf(e.getKey()), Collectors.counting()));
    // 20 % of 20 others is 4; of 12 is 2.4, rounded up 3; of 3 is 0.6, rounded up 1.
    assertThat(shares).containsExactlyInAnyOrderEntriesOf(Map.of('1', 4L, '2', 3L, '3', 1L));
  }

  @Test
  void theSameAuditsInAnyOrderGiveTheSameSample() {
    ModerationQueue rule = rule(0.2, "seed");
    Set<Long> first = rule.selection(MONTH, month()).keySet();
    for (int round = 0; round < 5; round++) {
      List<AuditRepository.Drawable> shuffled = new ArrayList<>(month());
      Collections.shuffle(shuffled, new Random(round));
      assertThat(rule.selection(MONTH, shuffled).keySet())
          .containsExactlyInAnyOrderElementsOf(first);
    }
    assertThat(rule(0.2, "seed").selection(MONTH, month()).keySet())
        .as("another node, the same configuration")
        .containsExactlyInAnyOrderElementsOf(first);
  }

  @Test
  void anotherSeedOrMonthDrawsOtherAudits() {
    Set<Long> one = rule(0.2, "seed").selection(MONTH, month()).keySet();
    assertThat(rule(0.2, "another seed").selection(MONTH, month()).keySet()).isNotEqualTo(one);
    assertThat(rule(0.2, "seed").selection(MONTH.plusMonths(1), month()).keySet())
        .isNotEqualTo(one);
  }

  @Test
  void theShareIsRoundedUpWithoutFloatingPointSurprises() {
    ModerationQueue rule = rule(0.2, "seed");
    assertThat(rule.sharePick(0)).isZero();
    assertThat(rule.sharePick(1)).isEqualTo(1);
    assertThat(rule.sharePick(5)).isEqualTo(1);
    assertThat(rule.sharePick(6)).isEqualTo(2);
    assertThat(rule.sharePick(10)).isEqualTo(2);
    assertThat(rule(0, "seed").sharePick(10)).isZero();
    assertThat(rule(1, "seed").sharePick(10)).isEqualTo(10);
    assertThat(rule(0.3, "seed").sharePick(10))
        .as("0.3 × 10 is 3, not 3.0000000000000004")
        .isEqualTo(3);
  }

  @Test
  void theRankIsTheFirstEightBytesOfTheSha256OfSeedMonthAndRef() {
    // printf 'seed|2024-01|AUD-1-5' | sha256sum gives 0d526a718dc2a64706c039f9...: any other
    // implementation of the rule (a council's own check, a spreadsheet) can draw the same sample.
    assertThat(String.format("%016x", rule(0.2, "seed").rank(MONTH, "AUD-1-5")))
        .isEqualTo("0d526a718dc2a647");
  }

  private static char auditorOf(long id) {
    return id <= 25 ? '1' : id <= 37 ? '2' : '3';
  }
}
