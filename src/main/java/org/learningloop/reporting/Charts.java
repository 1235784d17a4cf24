package org.learningloop.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.learningloop.audit.Grade;

/**
 * Lays out the report's charts: bar geometry, labels and legends, computed here so the template
 * stays simple.
 */
final class Charts {

  /**
   * Each grade's fill is a pattern defined in charts.html: a GOV.UK colour plus a texture of its
   * own.
   */
  static String patternId(String chartId, Grade grade) {
    return chartId + "-" + grade.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String fill(String chartId, Grade grade) {
    return "url(#" + patternId(chartId, grade) + ")";
  }

  private static final double LEFT = 40;
  private static final double TOP = 44;
  private static final double BOTTOM = 50;

  private Charts() {}

  /**
   * One column per month, stacked by effective grade (best at the bottom), each segment labelled
   * with its count.
   */
  static Chart judgementsByMonth(String id, String title, AuditSummaryReport summary) {
    List<AuditSummaryReport.Month> months = summary.months();
    int width = Math.max(360, 60 + months.size() * 62);
    int height = 320;
    double plotHeight = height - TOP - BOTTOM;
    long max =
        Math.max(1, months.stream().mapToLong(AuditSummaryReport.Month::audits).max().orElse(1));
    double step = (width - LEFT - 10) / (double) Math.max(1, months.size());
    double barWidth = Math.min(44, step * 0.7);
    List<Chart.Rect> rects = new ArrayList<>();
    List<Chart.Text> texts = new ArrayList<>();
    List<Chart.Line> lines = new ArrayList<>();
    double baseline = TOP + plotHeight;
    lines.add(new Chart.Line(LEFT, baseline, width - 10, baseline));
    texts.add(new Chart.Text(LEFT - 6, baseline + 4, "0", "end", false, false));
    texts.add(new Chart.Text(LEFT - 6, TOP + 4, String.valueOf(max), "end", false, false));
    lines.add(new Chart.Line(LEFT - 3, TOP, LEFT, TOP));
    for (int i = 0; i < months.size(); i++) {
      AuditSummaryReport.Month m = months.get(i);
      double x = LEFT + i * step + (step - barWidth) / 2;
      double y = baseline;
      for (Grade grade :
          new Grade[] {
            Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE
          }) {
        long n = m.count(grade);
        if (n == 0) {
          continue;
        }
        double h = plotHeight * n / max;
        y -= h;
        rects.add(
            new Chart.Rect(
                x,
                y,
                barWidth,
                h,
                fill(id, grade),
                Palette.INK.hex(),
                ReportPeriod.monthName(YearMonth.parse(m.month()))
                    + ": "
                    + n
                    + " "
                    + grade.label()));
        if (h >= 15) {
          texts.add(
              new Chart.Text(
                  x + barWidth / 2, y + h / 2 + 4, String.valueOf(n), "middle", false, true));
        }
      }
      String total =
          m.audits() == 0
              ? "none"
              : Percent.oneDecimal(m.inadequatePercent()).replace(".0", "") + "%";
      texts.add(new Chart.Text(x + barWidth / 2, y - 6, total, "middle", true, false));
      String month =
          YearMonth.parse(m.month())
              .getMonth()
              .getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK);
      texts.add(new Chart.Text(x + barWidth / 2, baseline + 16, month, "middle", false, false));
      texts.add(
          new Chart.Text(
              x + barWidth / 2, baseline + 30, m.month().substring(0, 4), "middle", false, false));
    }
    texts.add(
        new Chart.Text(
            LEFT,
            14,
            "Audits (bar height); share graded Inadequate above each bar",
            "start",
            false,
            false));
    return new Chart(
        id,
        title,
        "Stacked bars, one per month: audits by post-moderation grade, with the count in each segment and the share "
            + "graded Inadequate above the bar. The table below holds the same figures.",
        width,
        height,
        rects,
        texts,
        lines,
        gradeLegend(id));
  }

  /** One bar per grade for one month: the month's judgements after moderation. */
  static Chart monthJudgements(String id, String title, AuditSummaryReport.Month month) {
    List<Row> rows = new ArrayList<>();
    for (Grade grade : Grade.values()) {
      long n = month.count(grade);
      rows.add(
          new Row(
              grade.label(),
              n,
              n + " (" + Percent.whole(n, month.audits()) + ")",
              fill(id, grade)));
    }
    return horizontal(
        id,
        title,
        "Horizontal bars: audits of the month by post-moderation grade, each labelled with its count and share.",
        rows,
        Math.max(1, month.audits()),
        gradeLegend(id));
  }

  /** The trend: the judgements of the twelve months to the period's end. */
  static Chart trend(ReportPeriod trendPeriod, AuditSummaryReport trend) {
    return judgementsByMonth(
        "chart-trend", "Audit judgements post moderation, " + trendPeriod.rangeLabel(), trend);
  }

  /** One chart of judgements per month of the period. */
  static List<Chart> months(AuditSummaryReport summary) {
    List<Chart> charts = new ArrayList<>();
    for (AuditSummaryReport.Month month : summary.months()) {
      String name = ReportPeriod.monthName(YearMonth.parse(month.month()));
      charts.add(
          monthJudgements(
              "chart-month-" + month.month(),
              "Audit judgements " + name + " post moderation",
              month));
    }
    return charts;
  }

  /** One bar per contributory factor: in how many of the inadequate audits it played a part. */
  static Chart factors(
      ReportPeriod analysisPeriod,
      AuditSummaryReport analysis,
      Function<String, String> factorLabel) {
    long inadequate = analysis.inadequate().count();
    List<Row> rows = new ArrayList<>();
    analysis
        .inadequate()
        .factors()
        .forEach(
            (code, n) ->
                rows.add(
                    new Row(factorLabel.apply(code), n, n + " of " + inadequate, Palette.BLUE)));
    return horizontal(
        "chart-factors",
        "Contributory factors of inadequate audits, " + analysisPeriod.rangeLabel(),
        "Horizontal bars: how many inadequate audits each contributory factor played a part in, out of all inadequate audits.",
        rows,
        Math.max(1, inadequate),
        List.of());
  }

  /**
   * Where the follow-ups of the inadequate audits stand: one labelled bar per state, out of all of
   * them.
   */
  static Chart followUpStatus(ReportPeriod period, FollowUpKpis k) {
    long overdue = k.openOverdue();
    long all = k.followUps();
    List<Row> rows =
        List.of(
            outOf("Closed", k.closed(), all, Palette.GREEN),
            outOf("Open, on time", k.open() - overdue, all, Palette.BLUE),
            outOf("Open, overdue", overdue, all, Palette.RED),
            outOf("Ended: grade revised by moderation", k.gradeRevised(), all, Palette.GREY),
            outOf("Ended: withdrawn", k.withdrawn(), all, Palette.GREY));
    return horizontal(
        "chart-follow-ups",
        "Follow-up of inadequate audits, " + period.rangeLabel(),
        "Horizontal bars: how many of the follow-ups are closed, open on time, open and overdue, or ended early, each "
            + "labelled with its count out of all follow-ups. The table below holds the same figures.",
        rows,
        Math.max(1, all),
        List.of());
  }

  private static Row outOf(String label, long n, long all, Palette colour) {
    return new Row(label, n, n + " of " + all, colour);
  }

  /** Median working days each stage took, against its target; every bar is labelled with both. */
  static Chart followUpTimeliness(ReportPeriod period, FollowUpKpis k) {
    List<Row> rows = new ArrayList<>();
    long max = 1;
    for (FollowUpKpis.Timeliness t : k.timeliness()) {
      String label =
          switch (t.stage()) {
            case ALLOCATION -> "PI officer allocated";
            case SAFEGUARDING_CHECK -> "Child's safety review confirmed";
            case CONVERSATIONS -> "Both conversations held";
            case CLOSURE -> "Loop closed";
            default -> t.stage().name();
          };
      if (t.reached() == 0) {
        rows.add(
            new Row(label, 0, "none yet (target " + t.targetWorkingDays() + ")", Palette.BLUE));
        continue;
      }
      double median = t.medianWorkingDays();
      max = Math.max(max, Math.max(t.targetWorkingDays(), (long) Math.ceil(median)));
      rows.add(
          new Row(
              label,
              Math.round(median),
              ReportWords.days(median) + " (target " + t.targetWorkingDays() + ")",
              Palette.BLUE));
    }
    return horizontal(
        "chart-follow-up-timeliness",
        "Median working days per stage of the follow-up, " + period.rangeLabel(),
        "Horizontal bars: the median number of working days each stage of the follow-up took, labelled with the "
            + "median and the stage's target. The table below holds the same figures.",
        rows,
        max,
        List.of());
  }

  /** A labelled horizontal bar; {@code fill} is a palette colour or a grade's pattern. */
  record Row(String label, long value, String valueLabel, String fill) {
    Row(String label, long value, String valueLabel, Palette colour) {
      this(label, value, valueLabel, colour.hex());
    }
  }

  private static Chart horizontal(
      String id,
      String title,
      String description,
      List<Row> rows,
      long max,
      List<Chart.Key> legend) {
    int labelWidth = 330;
    int barSpace = 260;
    int rowHeight = 28;
    // Room after the longest bar for its label (bold 12px Arial: about 7.5px a character).
    int labelRoom =
        Math.max(
            110,
            12
                + (int)
                    Math.ceil(
                        7.5
                            * rows.stream()
                                .mapToInt(r -> r.valueLabel().length())
                                .max()
                                .orElse(0)));
    int width = labelWidth + barSpace + labelRoom;
    int height = 20 + rows.size() * rowHeight + 10;
    List<Chart.Rect> rects = new ArrayList<>();
    List<Chart.Text> texts = new ArrayList<>();
    List<Chart.Line> lines = new ArrayList<>();
    lines.add(new Chart.Line(labelWidth, 10, labelWidth, height - 10));
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double y = 16 + i * rowHeight;
      double w = barSpace * row.value() / (double) max;
      String label = row.label().length() > 52 ? row.label().substring(0, 50) + "…" : row.label();
      texts.add(new Chart.Text(labelWidth - 8, y + 14, label, "end", false, false));
      if (w > 0) {
        rects.add(
            new Chart.Rect(
                labelWidth,
                y,
                w,
                20,
                row.fill(),
                Palette.INK.hex(),
                row.label() + ": " + row.valueLabel()));
      }
      texts.add(new Chart.Text(labelWidth + w + 6, y + 14, row.valueLabel(), "start", true, false));
    }
    return new Chart(id, title, description, width, height, rects, texts, lines, legend);
  }

  private static List<Chart.Key> gradeLegend(String id) {
    List<Chart.Key> keys = new ArrayList<>();
    for (Grade grade : Grade.values()) {
      keys.add(new Chart.Key(fill(id, grade), grade.label()));
    }
    return keys;
  }
}
