package org.learningloop.dipsample;

import java.time.YearMonth;
import java.util.List;

/** The dip samples of a period and how their actions stand, for the reports. */
public interface DipSampleStatistics {

  /**
   * Every dip sample of the months {@code from} to {@code to} (inclusive), in month then theme
   * order, with its actions' figures as they stand now.
   */
  List<DipSampleFigures> inMonths(YearMonth from, YearMonth to);

  /** One dip sample's figures. */
  record DipSampleFigures(
      String ref,
      String theme,
      YearMonth month,
      String serviceArea,
      DipSampleUnit unit,
      int sampleSize,
      int audits,
      ActionFigures actions) {}
}
