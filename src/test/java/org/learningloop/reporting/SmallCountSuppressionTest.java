package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallCountSuppressionTest {

  @Test
  void rowsOfFiveOrMoreAreShownWhenNothingIsSmall() {
    var hidden =
        SmallCountSuppression.hide(
            Map.of("all", 12L, "a", 5L, "b", 7L), List.of(List.of("all", "a", "b")));

    assertThat(hidden.all()).isEmpty();
  }

  /** all 20 = a 3 + b 8 + c 9: b, the smallest other row, is hidden so that a is not 20 − 8 − 9. */
  @Test
  void aSmallRowIsNotLeftToBeWorkedOutFromTheTotal() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("all", 20L);
    counts.put("a", 3L);
    counts.put("b", 8L);
    counts.put("c", 9L);

    var hidden = SmallCountSuppression.hide(counts, List.of(List.of("all", "a", "b", "c")));

    assertThat(hidden.all()).containsExactlyInAnyOrder("a", "b");
    assertThat(hidden.label("a")).isEqualTo("fewer than 5");
    assertThat(hidden.label("b")).isEqualTo("not shown");
  }

  /** Two small rows of 1 and 2 together still hold fewer than 5: a third row goes too. */
  @Test
  void smallRowsTogetherMustHoldFiveOrMore() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("all", 19L);
    counts.put("a", 1L);
    counts.put("b", 2L);
    counts.put("c", 6L);
    counts.put("d", 10L);

    var hidden = SmallCountSuppression.hide(counts, List.of(List.of("all", "a", "b", "c", "d")));

    assertThat(hidden.all()).containsExactlyInAnyOrder("a", "b", "c");
  }

  /**
   * An auditor hidden to protect another must not be given away by their own quarters: auditor b
   * (7, all in one quarter) is hidden for a's sake, so b's quarter is hidden too.
   */
  @Test
  void aRowHiddenForAnotherIsNotGivenAwayByItsParts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("all", 30L);
    counts.put("a", 3L);
    counts.put("b", 7L);
    counts.put("c", 20L);
    counts.put("b-q1", 7L);
    counts.put("c-q1", 10L);
    counts.put("c-q2", 10L);
    counts.put("a-q1", 3L);

    var hidden =
        SmallCountSuppression.hide(
            counts,
            List.of(
                List.of("all", "a", "b", "c"),
                List.of("a", "a-q1"),
                List.of("b", "b-q1"),
                List.of("c", "c-q1", "c-q2")));

    assertThat(hidden.all()).containsExactlyInAnyOrder("a", "a-q1", "b", "b-q1");
  }

  @Test
  void emptyRowsAreNeitherHiddenNorCounted() {
    var hidden =
        SmallCountSuppression.hide(
            Map.of("all", 10L, "jan", 0L, "feb", 10L), List.of(List.of("all", "jan", "feb")));

    assertThat(hidden.all()).isEmpty();
  }
}
