package org.learningloop.reporting;

import java.time.YearMonth;
import org.learningloop.dipsample.DipSampleCommand;
import org.learningloop.dipsample.DipSampleUnit;
import org.learningloop.dipsample.DipSamples;

/**
 * The seed's three thematic dip samples, as an auditor records them: December 2023, 16 assessments
 * in the Help and Protect teams; January 2024, 10 families in the Safer Families Practice Hub and 7
 * assessments in the CWCN and Corporate Parenting teams. Their themes are those of {@link
 * SeedAudits}' dip-sample audits, all of which the seed places in Help and Protect, so each finds
 * its audits by theme, month and service area.
 */
public final class SeedDipSamples {

  public static final String DECEMBER_HP = "Quality of assessments in the Help and Protect teams";
  public static final String JANUARY_HUB = "Impact of the Safer Families Practice Hub";
  public static final String JANUARY_CWCN =
      "Quality of assessments in the CWCN and Corporate Parenting teams";

  private SeedDipSamples() {}

  /** The ref of one of the three, moved that many years earlier: {@code DS-2023-12-HP} … */
  public static String ref(String which, int yearsEarlier) {
    String suffix =
        switch (which) {
          case DECEMBER_HP -> "HP";
          case JANUARY_HUB -> "SFPH";
          case JANUARY_CWCN -> "CWCN";
          default -> throw new IllegalArgumentException(which);
        };
    return "DS-" + month(which, yearsEarlier) + "-" + suffix;
  }

  static YearMonth month(String which, int yearsEarlier) {
    return (which.equals(DECEMBER_HP) ? YearMonth.of(2023, 12) : YearMonth.of(2024, 1))
        .minusYears(yearsEarlier);
  }

  /** Records the three once per database, by the demo auditor. */
  public static synchronized void ensureRecorded(DipSamples dipSamples, int yearsEarlier) {
    record(dipSamples, DECEMBER_HP, DipSampleUnit.ASSESSMENTS, 16, yearsEarlier);
    record(dipSamples, JANUARY_HUB, DipSampleUnit.FAMILIES, 10, yearsEarlier);
    record(dipSamples, JANUARY_CWCN, DipSampleUnit.ASSESSMENTS, 7, yearsEarlier);
  }

  private static void record(
      DipSamples dipSamples, String theme, DipSampleUnit unit, int size, int yearsEarlier) {
    String ref = ref(theme, yearsEarlier);
    if (dipSamples.exists(ref)) {
      return;
    }
    dipSamples.record(
        new DipSampleCommand(
            ref,
            theme,
            month(theme, yearsEarlier).toString(),
            "Help and Protect",
            null,
            unit,
            size,
            "Most practice seen was requires improvement to be good."),
        "auditor");
  }
}
