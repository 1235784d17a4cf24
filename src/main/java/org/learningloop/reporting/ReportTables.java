package org.learningloop.reporting;

import static org.learningloop.reporting.ReportWords.longDate;
import static org.learningloop.reporting.ReportWords.n;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report's tables, each as the page shows it and its CSV holds it: the same figures as the
 * sentences and charts beside them.
 */
final class ReportTables {

  /** Every table's name, in page order: also the names of their CSV downloads. */
  static final List<String> NAMES =
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

  private ReportTables() {}

  /** Every table of a report, by name, in page order. */
  static Map<String, ReportTable> of(ReportFigures f, Function<String, String> factorLabel) {
    ReportPeriod period = f.period();
    ReportPeriod analysisPeriod = f.analysisPeriod();
    AuditSummaryReport summary = f.summary();
    AuditSummaryReport analysis = f.analysis();
    FollowUpKpis kpis = f.followUps();
    Map<String, ReportTable> tables = new LinkedHashMap<>();
    tables.put(
        "trend",
        judgementTable(
            "trend",
            "Audit judgements post moderation, " + f.trendPeriod().rangeLabel(),
            f.trend()));
    tables.put(
        "judgements",
        judgementTable(
            "judgements", "Audit judgements post moderation, " + period.label(), summary));
    tables.put("moderation", moderationTable(period, summary));
    tables.put("grade-changes", gradeChangeTable(period, summary));
    tables.put("inadequate", inadequateTable(analysisPeriod, analysis));
    tables.put("downgrades", downgradeTable(analysisPeriod, analysis));
    tables.put("factors", factorTable(analysisPeriod, analysis, factorLabel));
    tables.put("follow-ups", followUpTable(analysisPeriod, kpis));
    tables.put("follow-up-stages", followUpStageTable(analysisPeriod, kpis));
    tables.put("follow-up-timeliness", timelinessTable(analysisPeriod, kpis));
    tables.put("support", supportTable(analysisPeriod, kpis));
    tables.put("re-audits", reAuditTable(analysisPeriod, kpis));
    tables.put("dip-samples", dipSampleTable(period, f.dipSamples()));
    return tables;
  }

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

  private static ReportTable factorTable(
      ReportPeriod period, AuditSummaryReport s, Function<String, String> factorLabel) {
    long outOf = s.inadequate().count();
    List<List<String>> rows = new ArrayList<>();
    s.inadequate()
        .factors()
        .forEach(
            (code, n) ->
                rows.add(
                    List.of(
                        factorLabel.apply(code),
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

  private static ReportTable followUpTable(ReportPeriod period, FollowUpKpis k) {
    long overdue = k.openOverdue();
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
      rows.add(supportRow("Total", k.supportTotal()));
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
    for (DipSampleSummary.DipSample d : dips.dipSamples()) {
      rows.add(
          List.of(
              ReportPeriod.monthName(YearMonth.parse(d.month())),
              d.ref(),
              d.theme(),
              d.serviceArea() == null ? "" : d.serviceArea(),
              d.unit().label(),
              n(d.sampleSize()),
              n(d.audits()),
              n(d.actions().set()),
              n(d.actions().done()),
              n(d.actions().doneOnTime()),
              n(d.actions().open()),
              n(d.actions().overdue())));
    }
    return new ReportTable(
        "dip-samples",
        "Thematic dip samples and their actions, " + period.label(),
        List.of(
            "Month",
            "Reference",
            "Theme",
            "Service area",
            "Unit",
            "Sample size",
            "Audits recorded",
            "Actions set",
            "Done",
            "Done on time",
            "Open",
            "Overdue"),
        rows,
        false);
  }
}
