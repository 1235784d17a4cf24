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
 * Puts a report together: the period's summary, the twelve-month trend, the inadequate analysis,
 * the follow-up of the inadequate audits and the dip samples; then the sentences, charts and tables
 * made from them. Three aggregate queries per summary and three for the follow-ups, whatever the
 * number of audits.
 */
@Service
class Reports {

  static final List<String> TABLE_NAMES =
      List.of(
          "trend",
          "judgements",
          "moderation",
          "grade-changes",
          "inadequate",
          "downgrades",
          "factors",
          "follow-ups",
          "follow-up-stages",
          "follow-up-timeliness",
          "support",
          "re-audits",
          "dip-samples");

  private final AuditSummaries summaries;
  private final DipSamples dipSamples;
  private final FollowUpKpiReports followUpKpis;
  private final Catalogues catalogues;

  Reports(
      AuditSummaries summaries,
      DipSamples dipSamples,
      FollowUpKpiReports followUpKpis,
      Catalogues catalogues) {
    this.summaries = summaries;
    this.dipSamples = dipSamples;
    this.followUpKpis = followUpKpis;
    this.catalogues = catalogues;
  }

  /** The reports page: the inadequate analysis covers the period itself. */
  ReportView forPage(ReportPeriod period) {
    return build(period, period);
  }

  /**
   * The committee report: the inadequate analysis covers the six months before the period's last
   * month.
   */
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
    AuditSummaryReport trend =
        trendPeriod.equals(period) ? summary : summaries.summarise(trendPeriod);
    AuditSummaryReport analysis =
        analysisPeriod.equals(period) ? summary : summaries.summarise(analysisPeriod);
    DipSampleSummary dips = dipSamples.summarise(period);
    FollowUpKpis kpis = followUpKpis.summarise(analysisPeriod);

    ReportView.Sentences sentences =
        new ReportView.Sentences(
            trendSentence(trend),
            mostWorkSentence(trend),
            activitySentence(period, summary),
            summary.moderated()
                + " of "
                + summary.audits()
                + " audits were moderated ("
                + Percent.oneDecimal(summary.moderatedPercent())
                + "%).",
            inadequateSentence(analysisPeriod, analysis),
            followUpSentences(analysisPeriod, kpis));

    List<Chart> monthCharts = new ArrayList<>();
    for (AuditSummaryReport.Month month : summary.months()) {
      String name = ReportPeriod.monthName(YearMonth.parse(month.month()));
      monthCharts.add(
          Charts.monthJudgements(
              "chart-month-" + month.month(),
              "Audit judgements " + name + " post moderation",
              month));
    }
    long inadequate = analysis.inadequate().count();
    List<Charts.Row> factorRows = new ArrayList<>();
    List<String> findings = new ArrayList<>();
    analysis
        .inadequate()
        .factors()
        .forEach(
            (code, n) -> {
              String label = factorLabel(code);
              factorRows.add(
                  new Charts.Row(label, n, n + " of " + inadequate, Charts.factorFill()));
              findings.add(finding(label, n, inadequate));
            });

    Map<String, ReportTable> tables = new LinkedHashMap<>();
    tables.put(
        "trend",
        judgementTable(
            "trend", "Audit judgements post moderation, " + trendPeriod.rangeLabel(), trend));
    tables.put(
        "judgements",
        judgementTable(
            "judgements", "Audit judgements post moderation, " + period.label(), summary));
    tables.put("moderation", moderationTable(period, summary));
    tables.put("grade-changes", gradeChangeTable(period, summary));
    tables.put("inadequate", inadequateTable(analysisPeriod, analysis));
    tables.put("downgrades", downgradeTable(analysisPeriod, analysis));
    tables.put("factors", factorTable(analysisPeriod, analysis));
    tables.put("follow-ups", followUpTable(analysisPeriod, kpis));
    tables.put("follow-up-stages", followUpStageTable(analysisPeriod, kpis));
    tables.put("follow-up-timeliness", timelinessTable(analysisPeriod, kpis));
    tables.put("support", supportTable(analysisPeriod, kpis));
    tables.put("re-audits", reAuditTable(analysisPeriod, kpis));
    tables.put("dip-samples", dipSampleTable(period, dips));

    return new ReportView(
        period,
        trendPeriod,
        analysisPeriod,
        summary,
        trend,
        analysis,
        dips,
        kpis,
        sentences,
        Charts.judgementsByMonth(
            "chart-trend", "Audit judgements post moderation, " + trendPeriod.rangeLabel(), trend),
        monthCharts,
        Charts.factors(
            "chart-factors",
            "Contributory factors of inadequate audits, " + analysisPeriod.rangeLabel(),
            factorRows,
            inadequate),
        followUpStatusChart(analysisPeriod, kpis),
        followUpTimelinessChart(analysisPeriod, kpis),
        findings,
        tables);
  }

  // ---- sentences, as the council writes them ----

  /** "… has reduced over the last year (February 2023 35% versus January 2024 13%)." */
  static String trendSentence(AuditSummaryReport trend) {
    List<AuditSummaryReport.Month> withAudits =
        trend.months().stream().filter(m -> m.audits() > 0).toList();
    if (withAudits.size() < 2) {
      return "There are too few months with audits to show a trend over the last year.";
    }
    AuditSummaryReport.Month first = withAudits.get(0);
    AuditSummaryReport.Month last = withAudits.get(withAudits.size() - 1);
    int compare = Double.compare(last.inadequatePercent(), first.inadequatePercent());
    String change = compare < 0 ? "has reduced" : compare > 0 ? "has increased" : "has not changed";
    return "The amount of work graded Inadequate "
        + change
        + " over the last year ("
        + ReportPeriod.monthName(YearMonth.parse(first.month()))
        + " "
        + Percent.whole(first.inadequate(), first.audits())
        + " versus "
        + ReportPeriod.monthName(YearMonth.parse(last.month()))
        + " "
        + Percent.whole(last.inadequate(), last.audits())
        + ").";
  }

  /**
   * Whether good work was found in each of the last three months, and which grade most work
   * received.
   */
  static String mostWorkSentence(AuditSummaryReport trend) {
    if (trend.audits() == 0) {
      return "No audits were completed in the last year.";
    }
    long[] totals = new long[Grade.values().length];
    trend
        .months()
        .forEach(
            m -> {
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
    List<AuditSummaryReport.Month> lastThree =
        months.subList(Math.max(0, months.size() - 3), months.size());
    boolean goodEachMonth = lastThree.stream().allMatch(m -> m.good() + m.outstanding() > 0);
    String start =
        goodEachMonth
            ? "Good work has been identified each month in the last 3 months; most work audited is graded '"
            : "Most work audited is graded '";
    return start + most.label() + "'.";
  }

  /**
   * "Since the last report, 35 deep dive audits have been completed … 14 of these audits were
   * moderated (40%) …"
   */
  static String activitySentence(ReportPeriod period, AuditSummaryReport s) {
    StringBuilder text =
        new StringBuilder("Since the last report, ")
            .append(s.audits())
            .append(s.audits() == 1 ? " deep dive audit has" : " deep dive audits have")
            .append(" been completed across Children's Social Care (")
            .append(period.label())
            .append("). ")
            .append(s.moderated())
            .append(
                s.moderated() == 1
                    ? " of these audits was moderated ("
                    : " of these audits were moderated (")
            .append(Percent.whole(s.moderated(), s.audits()))
            .append(")");
    if (s.gradeChanges().isEmpty()) {
      text.append(", which confirmed every grade.");
      return text.toString();
    }
    text.append(" which resulted in ");
    List<String> parts = new ArrayList<>();
    for (AuditSummaryReport.GradeChange change : s.gradeChanges()) {
      parts.add(
          change.count()
              + (change.count() == 1 ? " audit being " : " audits being ")
              + (change.downgrade() ? "downgraded" : "upgraded")
              + " from '"
              + change.from().label()
              + "' to '"
              + change.to().label()
              + "'");
    }
    text.append(join(parts)).append(" following moderation.");
    return text.toString();
  }

  /**
   * "20 audits were graded inadequate during July 2023 – December 2023 (20% of all audits …). Of
   * the 20 …"
   */
  static String inadequateSentence(ReportPeriod period, AuditSummaryReport s) {
    AuditSummaryReport.Inadequate i = s.inadequate();
    if (i.count() == 0) {
      return "No audits were graded inadequate during " + period.rangeLabel() + ".";
    }
    StringBuilder text =
        new StringBuilder()
            .append(i.count())
            .append(i.count() == 1 ? " audit was" : " audits were")
            .append(" graded inadequate during ")
            .append(period.rangeLabel())
            .append(" (")
            .append(Percent.whole(i.count(), s.audits()))
            .append(" of all audits undertaken during this period). Of the ")
            .append(i.count())
            .append(" graded 'inadequate', ")
            .append(i.moderated())
            .append(i.moderated() == 1 ? " was" : " were")
            .append(" moderated (")
            .append(Percent.whole(i.moderated(), i.count()))
            .append(")");
    if (i.downgradedToInadequate().isEmpty()) {
      return text.append(".").toString();
    }
    List<String> parts = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<Grade, Long> e : i.downgradedToInadequate().entrySet()) {
      parts.add(
          e.getValue()
              + (first
                  ? (e.getValue() == 1 ? " of these was" : " of these were") + " graded '"
                  : " '")
              + e.getKey().label()
              + "'");
      first = false;
    }
    return text.append(" and ")
        .append(join(parts))
        .append(" prior to being downgraded to 'Inadequate' following moderation.")
        .toString();
  }

  /** Open follow-ups past their stage's due date (re-audits, due after closure, left out). */
  static long openOverdue(FollowUpKpis k) {
    return k.stages().stream()
        .filter(s -> s.stage() != org.learningloop.followup.FollowUpStage.RE_AUDIT)
        .mapToLong(FollowUpKpis.StageCount::overdue)
        .sum();
  }

  /**
   * The follow-up of the inadequate audits, in the council's plain style: where they stand, how
   * long each stage took against its target, the support offered and what the re-audits found.
   */
  static List<String> followUpSentences(ReportPeriod period, FollowUpKpis k) {
    if (k.followUps() == 0) {
      return List.of(
          "No follow-ups have been opened for audits graded inadequate during "
              + period.rangeLabel()
              + ".");
    }
    List<String> sentences = new ArrayList<>();
    StringBuilder status =
        new StringBuilder()
            .append(k.followUps())
            .append(k.followUps() == 1 ? " follow-up was" : " follow-ups were")
            .append(" opened by the Practice Improvement team for audits graded inadequate during ")
            .append(period.rangeLabel())
            .append(". As at ")
            .append(longDate(k.asAt()))
            .append(", ")
            .append(k.closed())
            .append(k.closed() == 1 ? " is" : " are")
            .append(" closed (")
            .append(Percent.whole(k.closed(), k.followUps()))
            .append(") and ")
            .append(k.open())
            .append(k.open() == 1 ? " is open" : " are open");
    long overdue = openOverdue(k);
    if (k.open() > 0) {
      status.append(
          overdue == 0
              ? (k.open() == 1 ? ", on time" : ", none of them overdue")
              : k.open() == 1 ? ", overdue" : " (" + overdue + " of them overdue)");
    }
    List<String> ended = new ArrayList<>();
    if (k.gradeRevised() > 0) {
      ended.add(k.gradeRevised() + " ended because moderation revised the grade");
    }
    if (k.withdrawn() > 0) {
      ended.add(k.withdrawn() + (k.withdrawn() == 1 ? " was withdrawn" : " were withdrawn"));
    }
    if (!ended.isEmpty()) {
      status.append("; ").append(join(ended));
    }
    sentences.add(status.append(".").toString());

    List<String> times = new ArrayList<>();
    for (FollowUpKpis.Timeliness t : k.timeliness()) {
      if (t.reached() == 0) {
        continue;
      }
      String median = days(t.medianWorkingDays());
      times.add(
          switch (t.stage()) {
                case ALLOCATION -> "a PI officer was allocated in a median of " + median;
                case SAFEGUARDING_CHECK ->
                    "where there was a risk of significant harm, the child's safety review was confirmed in a median of "
                        + median;
                case CONVERSATIONS ->
                    "both reflective learning conversations were held a median of "
                        + median
                        + " after allocation";
                case CLOSURE -> "the loop was closed a median of " + median + " after allocation";
                default -> t.stage() + " took a median of " + median;
              }
              + " (target "
              + t.targetWorkingDays()
              + ", met in "
              + t.withinTarget()
              + " of "
              + t.reached()
              + ")");
    }
    if (!times.isEmpty()) {
      String text = String.join("; ", times) + ".";
      sentences.add(text.substring(0, 1).toUpperCase(Locale.UK) + text.substring(1));
    }

    FollowUpKpis.SupportType total = supportTotal(k);
    long offered = total.offered();
    if (offered == 0) {
      sentences.add("No support has been offered yet.");
    } else {
      long completed = total.completed();
      long declined = total.declined();
      long withdrawn = total.withdrawn();
      long inProgress = total.inProgress();
      List<String> parts = new ArrayList<>();
      parts.add(
          completed
              + (completed == 1 ? " has" : " have")
              + " been completed ("
              + Percent.whole(completed, offered)
              + ")");
      if (inProgress > 0) {
        parts.add(inProgress + (inProgress == 1 ? " is" : " are") + " in progress");
      }
      if (declined > 0) {
        parts.add(declined + (declined == 1 ? " was" : " were") + " declined");
      }
      if (withdrawn > 0) {
        parts.add(withdrawn + (withdrawn == 1 ? " was" : " were") + " withdrawn");
      }
      List<String> types =
          k.support().stream().map(s -> lowerFirst(s.label()) + " (" + s.offered() + ")").toList();
      sentences.add(
          offered
              + (offered == 1 ? " support item was" : " support items were")
              + " offered: "
              + join(types)
              + ". Of these, "
              + join(parts)
              + ".");
    }

    FollowUpKpis.ReAudits r = k.reAudits();
    if (r.recorded() > 0) {
      List<String> grades = new ArrayList<>();
      r.grades().forEach((grade, n) -> grades.add(n + " " + grade.label()));
      sentences.add(
          r.recorded()
              + (r.recorded() == 1
                  ? " effectiveness re-audit of the same practitioner's work has"
                  : " effectiveness re-audits of the same practitioners' work have")
              + " been graded since the loop was closed: "
              + join(grades)
              + ".");
    } else if (k.closed() > 0) {
      sentences.add(
          "No effectiveness re-audit has been graded yet: they fall due some months after closure.");
    }
    return sentences;
  }

  private static String longDate(java.time.LocalDate day) {
    return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
  }

  private static String days(Double median) {
    String n = median % 1 == 0 ? String.valueOf(median.longValue()) : String.valueOf(median);
    return n + (median == 1.0 ? " working day" : " working days");
  }

  /**
   * "For most children, …" when a factor played a part in more than half; otherwise "In 9 out of
   * 20, …".
   */
  static String finding(String label, long n, long outOf) {
    String what = lowerFirst(label);
    String start = n * 2 > outOf ? "For most children, " : "In " + n + " out of " + outOf + ", ";
    return start + what + " contributed to the inadequate grade.";
  }

  private String factorLabel(String code) {
    return catalogues.factor(code).map(CatalogueEntry::label).orElse(code);
  }

  /** "Individual coaching" as the middle of a sentence has it: "individual coaching". */
  private static String lowerFirst(String text) {
    return text.substring(0, 1).toLowerCase(Locale.UK) + text.substring(1);
  }

  private static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  // ---- tables ----

  private static ReportTable judgementTable(String name, String caption, AuditSummaryReport s) {
    List<List<String>> rows = new ArrayList<>();
    long[] totals = new long[5];
    for (AuditSummaryReport.Month m : s.months()) {
      rows.add(
          List.of(
              ReportPeriod.monthName(YearMonth.parse(m.month())),
              n(m.audits()),
              n(m.outstanding()),
              n(m.good()),
              n(m.requiresImprovement()),
              n(m.inadequate()),
              Percent.oneDecimal(m.inadequatePercent())));
      totals[0] += m.audits();
      totals[1] += m.outstanding();
      totals[2] += m.good();
      totals[3] += m.requiresImprovement();
      totals[4] += m.inadequate();
    }
    rows.add(
        List.of(
            "Total",
            n(totals[0]),
            n(totals[1]),
            n(totals[2]),
            n(totals[3]),
            n(totals[4]),
            Percent.oneDecimal(s.inadequate().percentOfAudits())));
    return new ReportTable(
        name,
        caption,
        List.of(
            "Month",
            "Audits",
            "Outstanding",
            "Good",
            "Requires improvement to be good",
            "Inadequate",
            "Inadequate (%)"),
        rows,
        true);
  }

  private static ReportTable moderationTable(ReportPeriod period, AuditSummaryReport s) {
    return new ReportTable(
        "moderation",
        "Moderation, " + period.label(),
        List.of("Period", "Audits", "Moderated", "Moderated (%)", "Grade changed by moderation"),
        List.of(
            List.of(
                period.rangeLabel(),
                n(s.audits()),
                n(s.moderated()),
                Percent.oneDecimal(s.moderatedPercent()),
                n(
                    s.gradeChanges().stream()
                        .mapToLong(AuditSummaryReport.GradeChange::count)
                        .sum()))),
        true);
  }

  private static ReportTable gradeChangeTable(ReportPeriod period, AuditSummaryReport s) {
    List<List<String>> rows = new ArrayList<>();
    for (AuditSummaryReport.GradeChange c : s.gradeChanges()) {
      rows.add(List.of(c.from().label(), c.to().label(), n(c.count())));
    }
    return new ReportTable(
        "grade-changes",
        "Grades changed by moderation, " + period.label(),
        List.of("Auditor's grade", "Grade after moderation", "Audits"),
        rows,
        false);
  }

  private static ReportTable inadequateTable(ReportPeriod period, AuditSummaryReport s) {
    AuditSummaryReport.Inadequate i = s.inadequate();
    return new ReportTable(
        "inadequate",
        "Audits graded inadequate, " + period.rangeLabel(),
        List.of(
            "Period",
            "Audits",
            "Inadequate",
            "Inadequate (% of audits)",
            "Inadequate and moderated",
            "Moderated (% of inadequate)"),
        List.of(
            List.of(
                period.rangeLabel(),
                n(s.audits()),
                n(i.count()),
                Percent.oneDecimal(i.percentOfAudits()),
                n(i.moderated()),
                Percent.oneDecimal(i.moderatedPercent()))),
        true);
  }

  private static ReportTable downgradeTable(ReportPeriod period, AuditSummaryReport s) {
    List<List<String>> rows = new ArrayList<>();
    s.inadequate()
        .downgradedToInadequate()
        .forEach((grade, n) -> rows.add(List.of(grade.label(), n(n))));
    return new ReportTable(
        "downgrades",
        "Downgraded to inadequate by moderation, " + period.rangeLabel(),
        List.of("Auditor's grade", "Audits downgraded to inadequate"),
        rows,
        true);
  }

  private ReportTable factorTable(ReportPeriod period, AuditSummaryReport s) {
    long outOf = s.inadequate().count();
    List<List<String>> rows = new ArrayList<>();
    s.inadequate()
        .factors()
        .forEach(
            (code, n) ->
                rows.add(
                    List.of(
                        factorLabel(code),
                        n(n),
                        n(outOf),
                        Percent.oneDecimal(Percent.of(n, outOf)))));
    return new ReportTable(
        "factors",
        "Contributory factors of inadequate audits, " + period.rangeLabel(),
        List.of("Contributory factor", "Inadequate audits", "Out of", "Share (%)"),
        rows,
        true);
  }

  private static Chart followUpStatusChart(ReportPeriod period, FollowUpKpis k) {
    long overdue = openOverdue(k);
    List<Charts.Row> rows = new ArrayList<>();
    rows.add(statusRow("Closed", k.closed(), k.followUps(), "#00703c"));
    rows.add(statusRow("Open, on time", k.open() - overdue, k.followUps(), "#1d70b8"));
    rows.add(statusRow("Open, overdue", overdue, k.followUps(), "#d4351c"));
    rows.add(
        statusRow(
            "Ended: grade revised by moderation", k.gradeRevised(), k.followUps(), "#505a5f"));
    rows.add(statusRow("Ended: withdrawn", k.withdrawn(), k.followUps(), "#505a5f"));
    return Charts.followUpStatus(
        "chart-follow-ups",
        "Follow-up of inadequate audits, " + period.rangeLabel(),
        rows,
        k.followUps());
  }

  private static Charts.Row statusRow(String label, long n, long outOf, String fill) {
    return new Charts.Row(label, n, n + " of " + outOf, fill);
  }

  private static Chart followUpTimelinessChart(ReportPeriod period, FollowUpKpis k) {
    List<Charts.Row> rows = new ArrayList<>();
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
            new Charts.Row(
                label, 0, "none yet (target " + t.targetWorkingDays() + ")", Charts.factorFill()));
        continue;
      }
      double median = t.medianWorkingDays();
      max = Math.max(max, Math.max(t.targetWorkingDays(), (long) Math.ceil(median)));
      rows.add(
          new Charts.Row(
              label,
              Math.round(median),
              days(median) + " (target " + t.targetWorkingDays() + ")",
              Charts.factorFill()));
    }
    return Charts.followUpTimeliness(
        "chart-follow-up-timeliness",
        "Median working days per stage of the follow-up, " + period.rangeLabel(),
        rows,
        max);
  }

  private static ReportTable followUpTable(ReportPeriod period, FollowUpKpis k) {
    long overdue = openOverdue(k);
    List<List<String>> rows =
        List.of(
            List.of("Follow-ups opened", n(k.followUps()), "100.0"),
            List.of(
                "Closed", n(k.closed()), Percent.oneDecimal(Percent.of(k.closed(), k.followUps()))),
            List.of(
                "Closed within target",
                n(k.closedWithinTarget()),
                Percent.oneDecimal(Percent.of(k.closedWithinTarget(), k.followUps()))),
            List.of("Open", n(k.open()), Percent.oneDecimal(Percent.of(k.open(), k.followUps()))),
            List.of(
                "Open and overdue",
                n(overdue),
                Percent.oneDecimal(Percent.of(overdue, k.followUps()))),
            List.of(
                "Ended: grade revised by moderation",
                n(k.gradeRevised()),
                Percent.oneDecimal(Percent.of(k.gradeRevised(), k.followUps()))),
            List.of(
                "Ended: withdrawn",
                n(k.withdrawn()),
                Percent.oneDecimal(Percent.of(k.withdrawn(), k.followUps()))));
    return new ReportTable(
        "follow-ups",
        "Follow-up of inadequate audits, " + period.rangeLabel() + ", as at " + longDate(k.asAt()),
        List.of("Follow-ups", "Number", "Share of follow-ups (%)"),
        k.followUps() == 0 ? List.of() : rows,
        true);
  }

  private static ReportTable followUpStageTable(ReportPeriod period, FollowUpKpis k) {
    List<List<String>> rows = new ArrayList<>();
    for (FollowUpKpis.StageCount s : k.stages()) {
      rows.add(List.of(s.label(), n(s.followUps()), n(s.overdue())));
    }
    return new ReportTable(
        "follow-up-stages",
        "Follow-ups in progress by stage, " + period.rangeLabel() + ", as at " + longDate(k.asAt()),
        List.of("Stage", "Follow-ups at this stage", "Overdue"),
        k.followUps() == 0 ? List.of() : rows,
        true);
  }

  private static ReportTable timelinessTable(ReportPeriod period, FollowUpKpis k) {
    List<List<String>> rows = new ArrayList<>();
    for (FollowUpKpis.Timeliness t : k.timeliness()) {
      rows.add(
          List.of(
              t.label(),
              n(t.reached()),
              t.medianWorkingDays() == null ? "" : Percent.oneDecimal(t.medianWorkingDays()),
              n(t.targetWorkingDays()),
              n(t.withinTarget()),
              Percent.oneDecimal(t.withinTargetPercent())));
    }
    return new ReportTable(
        "follow-up-timeliness",
        "Working days taken per stage, " + period.rangeLabel(),
        List.of(
            "Stage",
            "Follow-ups that reached it",
            "Median (working days)",
            "Target (working days)",
            "Within target",
            "Within target (%)"),
        k.followUps() == 0 ? List.of() : rows,
        true);
  }

  private static ReportTable supportTable(ReportPeriod period, FollowUpKpis k) {
    List<List<String>> rows = new ArrayList<>();
    for (FollowUpKpis.SupportType s : k.support()) {
      rows.add(supportRow(s.label(), s));
    }
    if (!rows.isEmpty()) {
      rows.add(supportRow("Total", supportTotal(k)));
    }
    return new ReportTable(
        "support",
        "Support offered by type, " + period.rangeLabel(),
        List.of(
            "Support",
            "Offered",
            "In progress",
            "Completed",
            "Declined",
            "Withdrawn",
            "Completed (% of offered)"),
        rows,
        true);
  }

  private static List<String> supportRow(String label, FollowUpKpis.SupportType s) {
    return List.of(
        label,
        n(s.offered()),
        n(s.inProgress()),
        n(s.completed()),
        n(s.declined()),
        n(s.withdrawn()),
        Percent.oneDecimal(s.completionPercent()));
  }

  /** Every type's support added up, for the sentence and the table's total row. */
  static FollowUpKpis.SupportType supportTotal(FollowUpKpis k) {
    long offered = 0;
    long inProgress = 0;
    long completed = 0;
    long declined = 0;
    long withdrawn = 0;
    for (FollowUpKpis.SupportType s : k.support()) {
      offered += s.offered();
      inProgress += s.inProgress();
      completed += s.completed();
      declined += s.declined();
      withdrawn += s.withdrawn();
    }
    return new FollowUpKpis.SupportType(
        "TOTAL",
        "Total",
        offered,
        inProgress,
        completed,
        declined,
        withdrawn,
        Percent.of(completed, offered));
  }

  private static ReportTable reAuditTable(ReportPeriod period, FollowUpKpis k) {
    List<List<String>> rows = new ArrayList<>();
    k.reAudits()
        .grades()
        .forEach(
            (grade, n) ->
                rows.add(
                    List.of(
                        grade.label(),
                        n(n),
                        Percent.oneDecimal(Percent.of(n, k.reAudits().recorded())))));
    return new ReportTable(
        "re-audits",
        "Effectiveness re-audits after closure by grade, " + period.rangeLabel(),
        List.of("Grade of the re-audit", "Re-audits", "Share (%)"),
        rows,
        true);
  }

  private static ReportTable dipSampleTable(ReportPeriod period, DipSampleSummary dips) {
    List<List<String>> rows = new ArrayList<>();
    for (DipSampleSummary.Month m : dips.months()) {
      for (DipSampleSummary.Theme t : m.themes()) {
        rows.add(
            List.of(ReportPeriod.monthName(YearMonth.parse(m.month())), t.theme(), n(t.count())));
      }
    }
    return new ReportTable(
        "dip-samples",
        "Thematic dip samples, " + period.label(),
        List.of("Month", "Theme", "Cases sampled"),
        rows,
        false);
  }

  private static String n(long value) {
    return String.valueOf(value);
  }
}
