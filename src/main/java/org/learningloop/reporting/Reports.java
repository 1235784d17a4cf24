package org.learningloop.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningloop.audit.Grade;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.springframework.stereotype.Service;

/**
 * Puts a report together: the period's summary, the twelve-month trend, the inadequate analysis and the dip
 * samples; then the sentences, charts and tables made from them. Three aggregate queries per summary, whatever the
 * number of audits.
 */
@Service
class Reports {

  static final List<String> TABLE_NAMES =
      List.of("trend", "judgements", "moderation", "grade-changes", "inadequate", "downgrades", "factors", "dip-samples");

  private final AuditSummaries summaries;
  private final DipSamples dipSamples;
  private final Catalogues catalogues;

  Reports(AuditSummaries summaries, DipSamples dipSamples, Catalogues catalogues) {
    this.summaries = summaries;
    this.dipSamples = dipSamples;
    this.catalogues = catalogues;
  }

  /** The reports page: the inadequate analysis covers the period itself. */
  ReportView forPage(ReportPeriod period) {
    return build(period, period);
  }

  /** The committee report: the inadequate analysis covers the six months before the period's last month. */
  ReportView forCommittee(ReportPeriod period) {
    return build(period, period.sixMonthsBeforeEnd());
  }

  /** One table by name, over the given period (for its CSV). */
  ReportTable table(String name, ReportPeriod period) {
    if (!TABLE_NAMES.contains(name)) {
      throw ReportProblem.unknownTable(name);
    }
    return forPage(period).table(name);
  }

  private ReportView build(ReportPeriod period, ReportPeriod analysisPeriod) {
    ReportPeriod trendPeriod = period.twelveMonthsToEnd();
    AuditSummaryReport summary = summaries.summarise(period);
    AuditSummaryReport trend = trendPeriod.equals(period) ? summary : summaries.summarise(trendPeriod);
    AuditSummaryReport analysis = analysisPeriod.equals(period) ? summary : summaries.summarise(analysisPeriod);
    DipSampleSummary dips = dipSamples.summarise(period);

    ReportView.Sentences sentences =
        new ReportView.Sentences(
            trendSentence(trend), mostWorkSentence(trend), activitySentence(period, summary),
            summary.moderated() + " of " + summary.audits() + " audits were moderated ("
                + Percent.oneDecimal(summary.moderatedPercent()) + "%).",
            inadequateSentence(analysisPeriod, analysis));

    List<Chart> monthCharts = new ArrayList<>();
    for (AuditSummaryReport.Month month : summary.months()) {
      String name = ReportPeriod.monthName(YearMonth.parse(month.month()));
      monthCharts.add(Charts.monthJudgements("chart-month-" + month.month(), "Audit judgements " + name + " post moderation", month));
    }
    long inadequate = analysis.inadequate().count();
    List<Charts.Row> factorRows = new ArrayList<>();
    List<String> findings = new ArrayList<>();
    analysis.inadequate().factors().forEach((code, n) -> {
      String label = factorLabel(code);
      factorRows.add(new Charts.Row(label, n, n + " of " + inadequate, Charts.factorFill()));
      findings.add(finding(label, n, inadequate));
    });

    Map<String, ReportTable> tables = new LinkedHashMap<>();
    tables.put("trend", judgementTable("trend", "Audit judgements post moderation, " + trendPeriod.rangeLabel(), trend));
    tables.put("judgements", judgementTable("judgements", "Audit judgements post moderation, " + period.label(), summary));
    tables.put("moderation", moderationTable(period, summary));
    tables.put("grade-changes", gradeChangeTable(period, summary));
    tables.put("inadequate", inadequateTable(analysisPeriod, analysis));
    tables.put("downgrades", downgradeTable(analysisPeriod, analysis));
    tables.put("factors", factorTable(analysisPeriod, analysis));
    tables.put("dip-samples", dipSampleTable(period, dips));

    return new ReportView(
        period, trendPeriod, analysisPeriod, summary, trend, analysis, dips, sentences,
        Charts.judgementsByMonth("chart-trend", "Audit judgements post moderation, " + trendPeriod.rangeLabel(), trend),
        monthCharts,
        Charts.factors("chart-factors", "Contributory factors of inadequate audits, " + analysisPeriod.rangeLabel(), factorRows, inadequate),
        findings, tables);
  }

  // ---- sentences, as the council writes them ----

  /** "… has reduced over the last year (February 2023 35% versus January 2024 13%)." */
  static String trendSentence(AuditSummaryReport trend) {
    List<AuditSummaryReport.Month> withAudits = trend.months().stream().filter(m -> m.audits() > 0).toList();
    if (withAudits.size() < 2) {
      return "There are too few months with audits to show a trend over the last year.";
    }
    AuditSummaryReport.Month first = withAudits.get(0);
    AuditSummaryReport.Month last = withAudits.get(withAudits.size() - 1);
    int compare = Double.compare(last.inadequatePercent(), first.inadequatePercent());
    String change = compare < 0 ? "has reduced" : compare > 0 ? "has increased" : "has not changed";
    return "The amount of work graded Inadequate " + change + " over the last year ("
        + ReportPeriod.monthName(YearMonth.parse(first.month())) + " " + Percent.whole(first.inadequate(), first.audits())
        + " versus " + ReportPeriod.monthName(YearMonth.parse(last.month())) + " " + Percent.whole(last.inadequate(), last.audits())
        + ").";
  }

  /** Whether good work was found in each of the last three months, and which grade most work received. */
  static String mostWorkSentence(AuditSummaryReport trend) {
    if (trend.audits() == 0) {
      return "No audits were completed in the last year.";
    }
    long[] totals = new long[Grade.values().length];
    trend.months().forEach(m -> {
      for (Grade g : Grade.values()) {
        totals[g.ordinal()] += m.count(g);
      }
    });
    Grade most = Grade.REQUIRES_IMPROVEMENT;
    for (Grade g : Grade.values()) {
      if (totals[g.ordinal()] > totals[most.ordinal()]) {
        most = g;
      }
    }
    List<AuditSummaryReport.Month> months = trend.months();
    List<AuditSummaryReport.Month> lastThree = months.subList(Math.max(0, months.size() - 3), months.size());
    boolean goodEachMonth = lastThree.stream().allMatch(m -> m.good() + m.outstanding() > 0);
    String start = goodEachMonth ? "Good work has been identified each month in the last 3 months; most work audited is graded '"
        : "Most work audited is graded '";
    return start + most.label() + "'.";
  }

  /** "Since the last report, 35 deep dive audits have been completed … 14 of these audits were moderated (40%) …" */
  static String activitySentence(ReportPeriod period, AuditSummaryReport s) {
    StringBuilder text = new StringBuilder("Since the last report, ")
        .append(s.audits()).append(s.audits() == 1 ? " deep dive audit has" : " deep dive audits have")
        .append(" been completed across Children's Social Care (").append(period.label()).append("). ")
        .append(s.moderated()).append(s.moderated() == 1 ? " of these audits was moderated (" : " of these audits were moderated (")
        .append(Percent.whole(s.moderated(), s.audits())).append(")");
    if (s.gradeChanges().isEmpty()) {
      text.append(", which confirmed every grade.");
      return text.toString();
    }
    text.append(" which resulted in ");
    List<String> parts = new ArrayList<>();
    for (AuditSummaryReport.GradeChange change : s.gradeChanges()) {
      parts.add(change.count() + (change.count() == 1 ? " audit being " : " audits being ")
          + (change.downgrade() ? "downgraded" : "upgraded") + " from '" + change.from().label() + "' to '"
          + change.to().label() + "'");
    }
    text.append(join(parts)).append(" following moderation.");
    return text.toString();
  }

  /** "20 audits were graded inadequate during July 2023 – December 2023 (20% of all audits …). Of the 20 …" */
  static String inadequateSentence(ReportPeriod period, AuditSummaryReport s) {
    AuditSummaryReport.Inadequate i = s.inadequate();
    if (i.count() == 0) {
      return "No audits were graded inadequate during " + period.rangeLabel() + ".";
    }
    StringBuilder text = new StringBuilder()
        .append(i.count()).append(i.count() == 1 ? " audit was" : " audits were").append(" graded inadequate during ")
        .append(period.rangeLabel()).append(" (").append(Percent.whole(i.count(), s.audits()))
        .append(" of all audits undertaken during this period). Of the ").append(i.count()).append(" graded 'inadequate', ")
        .append(i.moderated()).append(i.moderated() == 1 ? " was" : " were").append(" moderated (")
        .append(Percent.whole(i.moderated(), i.count())).append(")");
    if (i.downgradedToInadequate().isEmpty()) {
      return text.append(".").toString();
    }
    List<String> parts = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<Grade, Long> e : i.downgradedToInadequate().entrySet()) {
      parts.add(e.getValue() + (first ? (e.getValue() == 1 ? " of these was" : " of these were") + " graded '" : " '")
          + e.getKey().label() + "'");
      first = false;
    }
    return text.append(" and ").append(join(parts))
        .append(" prior to being downgraded to 'Inadequate' following moderation.").toString();
  }

  /** "For most children, …" when a factor played a part in more than half; otherwise "In 9 out of 20, …". */
  static String finding(String label, long n, long outOf) {
    String what = label.substring(0, 1).toLowerCase(Locale.UK) + label.substring(1);
    String start = n * 2 > outOf ? "For most children, " : "In " + n + " out of " + outOf + ", ";
    return start + what + " contributed to the inadequate grade.";
  }

  private String factorLabel(String code) {
    return catalogues.factor(code).map(CatalogueEntry::label).orElse(code);
  }

  private static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  // ---- tables ----

  private static ReportTable judgementTable(String name, String caption, AuditSummaryReport s) {
    List<List<String>> rows = new ArrayList<>();
    long[] totals = new long[5];
    for (AuditSummaryReport.Month m : s.months()) {
      rows.add(List.of(ReportPeriod.monthName(YearMonth.parse(m.month())), n(m.audits()), n(m.outstanding()), n(m.good()),
          n(m.requiresImprovement()), n(m.inadequate()), Percent.oneDecimal(m.inadequatePercent())));
      totals[0] += m.audits();
      totals[1] += m.outstanding();
      totals[2] += m.good();
      totals[3] += m.requiresImprovement();
      totals[4] += m.inadequate();
    }
    rows.add(List.of("Total", n(totals[0]), n(totals[1]), n(totals[2]), n(totals[3]), n(totals[4]),
        Percent.oneDecimal(s.inadequate().percentOfAudits())));
    return new ReportTable(name, caption,
        List.of("Month", "Audits", "Outstanding", "Good", "Requires improvement to be good", "Inadequate", "Inadequate (%)"),
        rows, true);
  }

  private static ReportTable moderationTable(ReportPeriod period, AuditSummaryReport s) {
    return new ReportTable("moderation", "Moderation, " + period.label(),
        List.of("Period", "Audits", "Moderated", "Moderated (%)", "Grade changed by moderation"),
        List.of(List.of(period.rangeLabel(), n(s.audits()), n(s.moderated()), Percent.oneDecimal(s.moderatedPercent()),
            n(s.gradeChanges().stream().mapToLong(AuditSummaryReport.GradeChange::count).sum()))),
        true);
  }

  private static ReportTable gradeChangeTable(ReportPeriod period, AuditSummaryReport s) {
    List<List<String>> rows = new ArrayList<>();
    for (AuditSummaryReport.GradeChange c : s.gradeChanges()) {
      rows.add(List.of(c.from().label(), c.to().label(), n(c.count())));
    }
    return new ReportTable("grade-changes", "Grades changed by moderation, " + period.label(),
        List.of("Auditor's grade", "Grade after moderation", "Audits"), rows, false);
  }

  private static ReportTable inadequateTable(ReportPeriod period, AuditSummaryReport s) {
    AuditSummaryReport.Inadequate i = s.inadequate();
    return new ReportTable("inadequate", "Audits graded inadequate, " + period.rangeLabel(),
        List.of("Period", "Audits", "Inadequate", "Inadequate (% of audits)", "Inadequate and moderated", "Moderated (% of inadequate)"),
        List.of(List.of(period.rangeLabel(), n(s.audits()), n(i.count()), Percent.oneDecimal(i.percentOfAudits()),
            n(i.moderated()), Percent.oneDecimal(i.moderatedPercent()))),
        true);
  }

  private static ReportTable downgradeTable(ReportPeriod period, AuditSummaryReport s) {
    List<List<String>> rows = new ArrayList<>();
    s.inadequate().downgradedToInadequate().forEach((grade, n) -> rows.add(List.of(grade.label(), n(n))));
    return new ReportTable("downgrades", "Downgraded to inadequate by moderation, " + period.rangeLabel(),
        List.of("Auditor's grade", "Audits downgraded to inadequate"), rows, true);
  }

  private ReportTable factorTable(ReportPeriod period, AuditSummaryReport s) {
    long outOf = s.inadequate().count();
    List<List<String>> rows = new ArrayList<>();
    s.inadequate().factors().forEach((code, n) ->
        rows.add(List.of(factorLabel(code), n(n), n(outOf), Percent.oneDecimal(Percent.of(n, outOf)))));
    return new ReportTable("factors", "Contributory factors of inadequate audits, " + period.rangeLabel(),
        List.of("Contributory factor", "Inadequate audits", "Out of", "Share (%)"), rows, true);
  }

  private static ReportTable dipSampleTable(ReportPeriod period, DipSampleSummary dips) {
    List<List<String>> rows = new ArrayList<>();
    for (DipSampleSummary.Month m : dips.months()) {
      for (DipSampleSummary.Theme t : m.themes()) {
        rows.add(List.of(ReportPeriod.monthName(YearMonth.parse(m.month())), t.theme(), n(t.count())));
      }
    }
    return new ReportTable("dip-samples", "Thematic dip samples, " + period.label(),
        List.of("Month", "Theme", "Cases sampled"), rows, false);
  }

  private static String n(long value) {
    return String.valueOf(value);
  }
}
