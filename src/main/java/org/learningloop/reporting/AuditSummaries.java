package org.learningloop.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningloop.audit.AuditStatistics;
import org.learningloop.audit.AuditStatistics.GradeTally;
import org.learningloop.audit.AuditType;
import org.learningloop.audit.Grade;
import org.springframework.stereotype.Service;

/**
 * Builds the audit summary of a period from the database's tallies. Judgements are of deep-dive
 * audits only, as in the council's report ("35 deep dive audits"); thematic dip samples are
 * reported on their own.
 */
@Service
class AuditSummaries {

  private final AuditStatistics statistics;

  AuditSummaries(AuditStatistics statistics) {
    this.statistics = statistics;
  }

  AuditSummaryReport summarise(ReportPeriod period) {
    List<GradeTally> tallies =
        statistics.gradeTallies(AuditType.DEEP_DIVE, period.from(), period.to());

    Map<YearMonth, EnumMap<Grade, Long>> byMonth = new LinkedHashMap<>();
    period.months().forEach(m -> byMonth.put(m, zeroes()));
    long audits = 0;
    long moderated = 0;
    long inadequate = 0;
    long inadequateModerated = 0;
    Map<Grade, Long> downgraded = new EnumMap<>(Grade.class);
    Map<List<Grade>, Long> changes = new LinkedHashMap<>();
    for (GradeTally t : tallies) {
      byMonth.get(t.month()).merge(t.effectiveGrade(), t.count(), Long::sum);
      audits += t.count();
      if (t.moderated()) {
        moderated += t.count();
        if (t.moderatedGrade() != t.auditorGrade()) {
          changes.merge(List.of(t.auditorGrade(), t.moderatedGrade()), t.count(), Long::sum);
        }
      }
      if (t.effectiveGrade() == Grade.INADEQUATE) {
        inadequate += t.count();
        if (t.moderated()) {
          inadequateModerated += t.count();
          if (t.auditorGrade() != Grade.INADEQUATE) {
            downgraded.merge(t.auditorGrade(), t.count(), Long::sum);
          }
        }
      }
    }

    List<AuditSummaryReport.GradeChange> gradeChanges = new ArrayList<>();
    changes.forEach(
        (pair, n) ->
            gradeChanges.add(new AuditSummaryReport.GradeChange(pair.get(0), pair.get(1), n)));
    gradeChanges.sort(
        Comparator.comparing(AuditSummaryReport.GradeChange::count)
            .reversed()
            .thenComparing(AuditSummaryReport.GradeChange::from)
            .thenComparing(AuditSummaryReport.GradeChange::to));

    List<AuditSummaryReport.Month> months = new ArrayList<>();
    byMonth.forEach((month, counts) -> months.add(month(month, counts)));

    Map<String, Long> factors =
        inadequate == 0
            ? Map.of()
            : statistics.inadequateFactorCounts(AuditType.DEEP_DIVE, period.from(), period.to());
    return new AuditSummaryReport(
        period.from().toString(),
        period.to().toString(),
        audits,
        moderated,
        Percent.of(moderated, audits),
        gradeChanges,
        months,
        new AuditSummaryReport.Inadequate(
            inadequate,
            Percent.of(inadequate, audits),
            inadequateModerated,
            Percent.of(inadequateModerated, inadequate),
            downgraded,
            new LinkedHashMap<>(factors)));
  }

  private static AuditSummaryReport.Month month(YearMonth month, Map<Grade, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long inadequate = counts.get(Grade.INADEQUATE);
    return new AuditSummaryReport.Month(
        month.toString(),
        total,
        counts.get(Grade.OUTSTANDING),
        counts.get(Grade.GOOD),
        counts.get(Grade.REQUIRES_IMPROVEMENT),
        inadequate,
        Percent.of(inadequate, total));
  }

  private static EnumMap<Grade, Long> zeroes() {
    EnumMap<Grade, Long> counts = new EnumMap<>(Grade.class);
    for (Grade g : Grade.values()) {
      counts.put(g, 0L);
    }
    return counts;
  }
}
