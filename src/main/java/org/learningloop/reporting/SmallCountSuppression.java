package org.learningloop.reporting;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rows of a set of tables to hide so that no figure based on fewer than {@link #THRESHOLD}
 * audits is shown, nor worked out by subtraction from a total.
 *
 * <p><b>Primary suppression:</b> every row with 1 to 4 audits. <b>Secondary suppression:</b> rows
 * are linked by <em>lines</em>, sets of rows bound by one sum, the total among them (the auditors'
 * rows and the row of all auditors; an auditor's quarters and the auditor's row; the auditors' rows
 * of one quarter and that quarter's months), so that any one of them could be worked out from the
 * others. In every line where something is hidden, the hidden rows together must hold at least
 * {@link #THRESHOLD} audits and be more than one; otherwise the smallest row still shown in that
 * line is hidden too, and the lines are checked again until none needs more. So no single line
 * gives a hidden row (or a group of hidden rows of fewer than 5 audits) away by subtraction. It is
 * a heuristic, not a proof that no combination of several lines could narrow a hidden figure down.
 */
final class SmallCountSuppression {

  static final int THRESHOLD = 5;

  private SmallCountSuppression() {}

  /**
   * @param counts each row's number of audits; rows with none are known to be empty and never
   *     hidden
   * @param lines sets of rows bound by one sum (the total row among them)
   * @return the rows to hide: those with fewer than 5 audits, then those hidden to protect them
   */
  static <K> Hidden<K> hide(Map<K, Long> counts, Collection<? extends Collection<K>> lines) {
    Set<K> primary = new LinkedHashSet<>();
    counts.forEach(
        (row, n) -> {
          if (n > 0 && n < THRESHOLD) {
            primary.add(row);
          }
        });
    Set<K> hidden = new LinkedHashSet<>(primary);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Collection<K> line : lines) {
        List<K> members = line.stream().filter(row -> counts.getOrDefault(row, 0L) > 0).toList();
        List<K> hiddenHere = members.stream().filter(hidden::contains).toList();
        long hiddenAudits = hiddenHere.stream().mapToLong(counts::get).sum();
        if (hiddenHere.isEmpty() || (hiddenHere.size() > 1 && hiddenAudits >= THRESHOLD)) {
          continue;
        }
        K smallest =
            members.stream()
                .filter(row -> !hidden.contains(row))
                .min(Comparator.comparingLong(counts::get))
                .orElse(null);
        if (smallest != null) {
          hidden.add(smallest);
          changed = true;
        }
      }
    }
    return new Hidden<>(primary, hidden);
  }

  /**
   * @param fewerThanFive rows hidden for their own small number
   * @param all those and the rows hidden to protect them
   */
  record Hidden<K>(Set<K> fewerThanFive, Set<K> all) {

    boolean hides(K row) {
      return all.contains(row);
    }

    /** "fewer than 5" for a small row, "not shown" for a row hidden to protect one. */
    String label(K row) {
      return fewerThanFive.contains(row) ? "fewer than " + THRESHOLD : "not shown";
    }
  }
}
