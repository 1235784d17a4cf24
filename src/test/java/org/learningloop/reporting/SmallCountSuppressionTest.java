package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallCountSuppressionTest {

  @Test
  void rowsOfFiveOrMoreAreShownWhenNothingIsSmall() {
    var hidden = hideInOneLine("all=12", "a=5", "b=7");

    assertThat(hidden.all()).isEmpty();
  }

  /** all 20 = a 3 + b 8 + c 9: b, the smallest other row, is hidden so that a is not 20 − 8 − 9. */
  @Test
  void aSmallRowIsNotLeftToBeWorkedOutFromTheTotal() {
    var hidden = hideInOneLine("all=20", "a=3", "b=8", "c=9");

    assertThat(hidden.all()).containsExactlyInAnyOrder("a", "b");
    assertThat(hidden.label("a")).isEqualTo("fewer than 5");
    assertThat(hidden.label("b")).isEqualTo("not shown");
  }

  /** Two small rows of 1 and 2 together still hold fewer than 5: a third row goes too. */
  @Test
  void smallRowsTogetherMustHoldFiveOrMore() {
    var hidden = hideInOneLine("all=19", "a=1", "b=2", "c=6", "d=10");

    assertThat(hidden.all()).containsExactlyInAnyOrder("a", "b", "c");
  }

  /**
   * An auditor hidden to protect another must not be given away by their own quarters: auditor b
   * (7, all in one quarter) is hidden for a's sake, so b's quarter is hidden too.
   */
  @Test
  void aRowHiddenForAnotherIsNotGivenAwayByItsParts() {
    Map<String, Long> counts =
        counts("all=30", "a=3", "b=7", "c=20", "b-q1=7", "c-q1=10", "c-q2=10", "a-q1=3");

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
    var hidden = hideInOneLine("all=10", "jan=0", "feb=10");

    assertThat(hidden.all()).isEmpty();
  }

  /**
   * What is hidden of rows that add up to one line, the total first: the counts in the order given,
   * each written "name=count".
   */
  private static SmallCountSuppression.Hidden<String> hideInOneLine(String... nameEqualsCount) {
    Map<String, Long> counts = counts(nameEqualsCount);
    return SmallCountSuppression.hide(counts, List.of(List.copyOf(counts.keySet())));
  }

  /** Counts in the order given, each written "name=count". */
  private static Map<String, Long> counts(String... nameEqualsCount) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String entry : nameEqualsCount) {
      String[] parts = entry.split("=");
      counts.put(parts[0], Long.valueOf(parts[1]));
    }
    return counts;
  }
}
