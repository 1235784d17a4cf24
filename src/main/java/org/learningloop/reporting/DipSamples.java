package org.learningloop.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningloop.audit.AuditStatistics;
import org.springframework.stereotype.Service;

/** The thematic dip samples of a period, grouped by month, from the database's counts. */
@Service
class DipSamples {

  private final AuditStatistics statistics;

  DipSamples(AuditStatistics statistics) {
    this.statistics = statistics;
  }

  DipSampleSummary summarise(ReportPeriod period) {
    Map<YearMonth, List<DipSampleSummary.Theme>> byMonth = new LinkedHashMap<>();
    long total = 0;
    for (AuditStatistics.ThemeTally t : statistics.themeTallies(period.from(), period.to())) {
      byMonth
          .computeIfAbsent(t.month(), m -> new ArrayList<>())
          .add(new DipSampleSummary.Theme(t.theme(), t.count()));
      total += t.count();
    }
    List<DipSampleSummary.Month> months = new ArrayList<>();
    byMonth.forEach(
        (month, themes) -> months.add(new DipSampleSummary.Month(month.toString(), themes)));
    return new DipSampleSummary(period.from().toString(), period.to().toString(), total, months);
  }
}
