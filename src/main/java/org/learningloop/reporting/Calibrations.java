package org.learningloop.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.learningloop.audit.AuditStatistics;
import org.learningloop.audit.AuditStatistics.ModerationPair;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Builds the auditors' calibration of a period from one aggregate query ({@link
 * AuditStatistics#moderationPairs}: moderated audits counted by auditor, month and both grades), so
 * its cost grows with auditors × months, not with audits. Auditors' names come from the directory.
 * Over time, all auditors are shown month by month, and each auditor quarter by quarter: a month of
 * one auditor would nearly always hold fewer than 5 moderated audits.
 */
@Service
@PreAuthorize(CalibrationPageController.READ)
class Calibrations {

  static final String ALL = "All auditors";

  private final AuditStatistics statistics;
  private final Directory directory;

  Calibrations(AuditStatistics statistics, Directory directory) {
    this.statistics = statistics;
    this.directory = directory;
  }

  Calibration of(ReportPeriod period) {
    List<ModerationPair> pairs = statistics.moderationPairs(period.from(), period.to());

    GradeAgreement overall = new GradeAgreement();
    Map<Long, GradeAgreement> byAuditor = new HashMap<>();
    Map<YearMonth, GradeAgreement> byMonth = new TreeMap<>();
    period.months().forEach(m -> byMonth.put(m, new GradeAgreement()));
    Map<Long, Map<YearMonth, GradeAgreement>> byAuditorQuarter = new HashMap<>();
    for (ModerationPair p : pairs) {
      overall.add(p.auditorGrade(), p.moderatedGrade(), p.count());
      byAuditor
          .computeIfAbsent(p.auditorId(), id -> new GradeAgreement())
          .add(p.auditorGrade(), p.moderatedGrade(), p.count());
      byMonth.get(p.month()).add(p.auditorGrade(), p.moderatedGrade(), p.count());
      byAuditorQuarter
          .computeIfAbsent(p.auditorId(), id -> new TreeMap<>())
          .computeIfAbsent(quarterStart(p.month()), q -> new GradeAgreement())
          .add(p.auditorGrade(), p.moderatedGrade(), p.count());
    }

    Map<Long, String> names = new HashMap<>();
    byAuditor
        .keySet()
        .forEach(
            id ->
                names.put(
                    id, directory.findById(id).map(Person::displayName).orElse("Auditor " + id)));
    List<Long> auditorOrder =
        byAuditor.keySet().stream()
            .sorted(Comparator.comparing((Long id) -> names.get(id)).thenComparing(id -> id))
            .toList();

    // Every row by a key, with its number of moderated audits, and the sums that bind them.
    Map<String, Long> counts = new LinkedHashMap<>();
    List<List<String>> lines = new ArrayList<>();
    counts.put("all", overall.moderated());
    List<String> auditorLine = new ArrayList<>(List.of("all"));
    List<String> monthLine = new ArrayList<>(List.of("all"));
    byAuditor.forEach(
        (id, agreement) -> {
          counts.put(auditorKey(id), agreement.moderated());
          auditorLine.add(auditorKey(id));
        });
    byMonth.forEach(
        (month, agreement) -> {
          counts.put(monthKey(month), agreement.moderated());
          monthLine.add(monthKey(month));
        });
    lines.add(auditorLine);
    lines.add(monthLine);
    Map<YearMonth, List<String>> quarterLines = new TreeMap<>();
    byMonth
        .keySet()
        .forEach(
            m ->
                quarterLines
                    .computeIfAbsent(quarterStart(m), q -> new ArrayList<>())
                    .add(monthKey(m)));
    byAuditorQuarter.forEach(
        (id, quarters) -> {
          List<String> ownLine = new ArrayList<>(List.of(auditorKey(id)));
          quarters.forEach(
              (quarter, agreement) -> {
                String key = quarterKey(id, quarter);
                counts.put(key, agreement.moderated());
                ownLine.add(key);
                quarterLines.get(quarter).add(key);
              });
          lines.add(ownLine);
        });
    lines.addAll(quarterLines.values());
    SmallCountSuppression.Hidden<String> hidden = SmallCountSuppression.hide(counts, lines);

    String periodLabel = period.rangeLabel();
    Calibration.Row overallRow = row(ALL, periodLabel, overall, "all", hidden);
    List<Calibration.Row> auditorRows = new ArrayList<>();
    List<Calibration.Row> quarterRows = new ArrayList<>();
    for (Long id : auditorOrder) {
      auditorRows.add(row(names.get(id), periodLabel, byAuditor.get(id), auditorKey(id), hidden));
      byAuditorQuarter
          .get(id)
          .forEach(
              (quarter, agreement) ->
                  quarterRows.add(
                      row(
                          names.get(id),
                          quarterLabel(quarter, period),
                          agreement,
                          quarterKey(id, quarter),
                          hidden)));
    }
    List<Calibration.Row> monthRows = new ArrayList<>();
    byMonth.forEach(
        (month, agreement) ->
            monthRows.add(
                row(ALL, ReportPeriod.monthName(month), agreement, monthKey(month), hidden)));
    return new Calibration(period, overallRow, auditorRows, monthRows, quarterRows, overall);
  }

  private static Calibration.Row row(
      String auditor,
      String period,
      GradeAgreement agreement,
      String key,
      SmallCountSuppression.Hidden<String> hidden) {
    return new Calibration.Row(
        auditor, period, agreement, hidden.hides(key) ? hidden.label(key) : null);
  }

  /** The first month of the calendar quarter holding {@code month}. */
  static YearMonth quarterStart(YearMonth month) {
    return month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
  }

  /** "January 2024 – March 2024", or the part of it inside the period. */
  static String quarterLabel(YearMonth quarterStart, ReportPeriod period) {
    YearMonth first = quarterStart.isBefore(period.from()) ? period.from() : quarterStart;
    YearMonth end = quarterStart.plusMonths(2);
    YearMonth last = end.isAfter(period.to()) ? period.to() : end;
    return new ReportPeriod(first, last).rangeLabel();
  }

  private static String auditorKey(long id) {
    return "auditor:" + id;
  }

  private static String monthKey(YearMonth month) {
    return "month:" + month;
  }

  private static String quarterKey(long id, YearMonth quarter) {
    return "quarter:" + id + ":" + quarter;
  }
}
