package org.learningloop.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.learningloop.audit.Grade;
import org.learningloop.calendar.DeadlineProperties;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.followup.FollowUpStage;
import org.learningloop.followup.FollowUpStatistics;
import org.learningloop.followup.FollowUpStatistics.FollowUpFigures;
import org.learningloop.followup.FollowUpStatistics.SupportTally;
import org.learningloop.followup.FollowUpStatus;
import org.springframework.stereotype.Service;

/**
 * The follow-up KPIs of a period, from the follow-up module's {@link FollowUpStatistics}. Working
 * days are counted as the deadlines count them ({@link WorkingDayCalendar#workingDayOf} of each
 * moment, then {@link WorkingDayCalendar#workingDaysBetween}), so "within target" here means what
 * "on time" means in the task lists.
 */
@Service
class FollowUpKpiReports {

  /**
   * The stages a follow-up can be overdue at, in process order, with the words the report uses for
   * them.
   */
  static final Map<FollowUpStage, String> STAGE_LABELS = stageLabels();

  static final Map<FollowUpStage, String> TIMELINESS_LABELS = timelinessLabels();

  private final FollowUpStatistics followUps;
  private final WorkingDayCalendar calendar;
  private final DeadlineProperties deadlines;
  private final Catalogues catalogues;
  private final Clock clock;

  FollowUpKpiReports(
      FollowUpStatistics followUps,
      WorkingDayCalendar calendar,
      DeadlineProperties deadlines,
      Catalogues catalogues,
      Clock clock) {
    this.followUps = followUps;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.catalogues = catalogues;
    this.clock = clock;
  }

  FollowUpKpis summarise(ReportPeriod period) {
    return compute(
        period,
        clock.instant(),
        followUps.ofAuditsDated(period.from(), period.to()),
        followUps.supportOfAuditsDated(period.from(), period.to()));
  }

  /** As at the start of {@code today}. */
  FollowUpKpis compute(
      ReportPeriod period,
      LocalDate today,
      List<FollowUpFigures> rows,
      List<SupportTally> support) {
    return compute(period, today.atStartOfDay(calendar.zone()).toInstant(), rows, support);
  }

  FollowUpKpis compute(
      ReportPeriod period, Instant now, List<FollowUpFigures> rows, List<SupportTally> support) {
    Deadlines rules = new Deadlines(deadlines, calendar);
    Map<FollowUpStatus, Long> byStatus = new EnumMap<>(FollowUpStatus.class);
    Map<FollowUpStage, long[]> byStage = new LinkedHashMap<>();
    STAGE_LABELS.keySet().forEach(s -> byStage.put(s, new long[2]));
    Map<Grade, Long> reAuditGrades = new EnumMap<>(Grade.class);
    long awaitingReAudit = 0;
    long reAuditDue = 0;
    long repeatInadequate = 0;
    long reAuditNotPossible = 0;
    long overdue = 0;
    for (FollowUpFigures row : rows) {
      byStatus.merge(FollowUpStatus.valueOf(row.status()), 1L, Long::sum);
      FollowUpStage stage = FollowUpStage.valueOf(row.stage());
      long[] counts = byStage.get(stage);
      if (counts != null) {
        counts[0]++;
        if (rules.isOverdue(row.dueDate(), now)) {
          counts[1]++;
          overdue++;
        }
      }
      if (stage == FollowUpStage.AWAITING_RE_AUDIT) {
        awaitingReAudit++;
      } else if (stage == FollowUpStage.RE_AUDIT) {
        reAuditDue++;
      }
      if (row.reAuditGrade() != null) {
        reAuditGrades.merge(Grade.valueOf(row.reAuditGrade()), 1L, Long::sum);
      }
      if (row.reAuditRepeatInadequate()) {
        repeatInadequate++;
      }
      if (row.reAuditNotPossible()) {
        reAuditNotPossible++;
      }
    }
    List<FollowUpKpis.StageCount> stages = new ArrayList<>();
    byStage.forEach(
        (stage, c) ->
            stages.add(new FollowUpKpis.StageCount(stage, STAGE_LABELS.get(stage), c[0], c[1])));

    FollowUpKpis.Timeliness allocation =
        timeliness(
            FollowUpStage.ALLOCATION,
            rows,
            FollowUpFigures::createdAt,
            FollowUpFigures::allocatedAt);
    FollowUpKpis.Timeliness safeguarding =
        timeliness(
            FollowUpStage.SAFEGUARDING_CHECK,
            rows,
            FollowUpFigures::createdAt,
            FollowUpFigures::safeguardingConfirmedAt);
    FollowUpKpis.Timeliness conversations =
        timeliness(
            FollowUpStage.CONVERSATIONS,
            rows,
            FollowUpFigures::allocatedAt,
            FollowUpFigures::bothConversationsHeldAt);
    FollowUpKpis.Timeliness closure =
        timeliness(
            FollowUpStage.CLOSURE, rows, FollowUpFigures::allocatedAt, FollowUpFigures::closedAt);

    long recorded = reAuditGrades.values().stream().mapToLong(Long::longValue).sum();
    return new FollowUpKpis(
        period.from().toString(),
        period.to().toString(),
        now.atZone(calendar.zone()).toLocalDate(),
        rows.size(),
        byStatus.getOrDefault(FollowUpStatus.OPEN, 0L),
        byStatus.getOrDefault(FollowUpStatus.CLOSED, 0L),
        byStatus.getOrDefault(FollowUpStatus.GRADE_REVISED, 0L),
        byStatus.getOrDefault(FollowUpStatus.WITHDRAWN, 0L),
        overdue,
        closure.withinTarget(),
        closure.withinTargetPercent(),
        stages,
        List.of(allocation, safeguarding, conversations, closure),
        supportTypes(support),
        new FollowUpKpis.ReAudits(
            awaitingReAudit,
            reAuditDue,
            recorded,
            reAuditGrades,
            repeatInadequate,
            reAuditNotPossible));
  }

  private FollowUpKpis.Timeliness timeliness(
      FollowUpStage stage,
      List<FollowUpFigures> rows,
      Function<FollowUpFigures, Instant> start,
      Function<FollowUpFigures, Instant> end) {
    int target = stage.target(deadlines).orElseThrow();
    List<Integer> days = new ArrayList<>();
    for (FollowUpFigures row : rows) {
      Instant from = start.apply(row);
      Instant to = end.apply(row);
      if (from != null && to != null) {
        // Never negative: a conversation recorded as held before the allocation was written counts
        // as day 0.
        days.add(
            Math.max(
                0,
                calendar.workingDaysBetween(
                    calendar.workingDayOf(from), calendar.workingDayOf(to))));
      }
    }
    long within = days.stream().filter(d -> d <= target).count();
    return new FollowUpKpis.Timeliness(
        stage,
        TIMELINESS_LABELS.get(stage),
        days.size(),
        median(days),
        target,
        within,
        Percent.of(within, days.size()));
  }

  /** The middle value, or the mean of the two middle ones, to one decimal; null of nothing. */
  static Double median(List<Integer> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    BigDecimal middle =
        n % 2 == 1
            ? BigDecimal.valueOf(sorted.get(n / 2))
            : BigDecimal.valueOf(sorted.get(n / 2 - 1) + (long) sorted.get(n / 2))
                .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
    return middle.setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * Every type offered, in the catalogue's order (types since retired from the catalogue after
   * them).
   */
  private List<FollowUpKpis.SupportType> supportTypes(List<SupportTally> tallies) {
    Map<String, long[]> byType =
        new LinkedHashMap<>(); // offered, in progress, completed, declined, withdrawn
    catalogues.supportTypes().forEach(entry -> byType.put(entry.code(), null));
    for (SupportTally t : tallies) {
      long[] counts = byType.get(t.typeCode());
      if (counts == null) {
        counts = new long[5];
        byType.put(t.typeCode(), counts);
      }
      counts[0] += t.count();
      switch (t.state()) {
        case "OFFERED", "ACCEPTED" -> counts[1] += t.count();
        case "COMPLETED" -> counts[2] += t.count();
        case "DECLINED" -> counts[3] += t.count();
        case "WITHDRAWN" -> counts[4] += t.count();
        default -> throw new IllegalStateException("Unknown support item state " + t.state());
      }
    }
    List<FollowUpKpis.SupportType> types = new ArrayList<>();
    byType.forEach(
        (code, c) -> {
          if (c != null) {
            String label = catalogues.supportType(code).map(CatalogueEntry::label).orElse(code);
            types.add(
                new FollowUpKpis.SupportType(
                    code, label, c[0], c[1], c[2], c[3], c[4], Percent.of(c[2], c[0])));
          }
        });
    return types;
  }

  private static Map<FollowUpStage, String> stageLabels() {
    Map<FollowUpStage, String> labels = new LinkedHashMap<>();
    labels.put(FollowUpStage.ALLOCATION, "Waiting for a PI officer");
    labels.put(FollowUpStage.CONVERSATIONS, "Reflective learning conversations");
    labels.put(FollowUpStage.CLOSURE, "Support and closure");
    labels.put(FollowUpStage.SIGN_OFF, "Waiting for a PI lead's sign-off");
    labels.put(FollowUpStage.RE_AUDIT, "Effectiveness re-audit due");
    return java.util.Collections.unmodifiableMap(labels);
  }

  private static Map<FollowUpStage, String> timelinessLabels() {
    Map<FollowUpStage, String> labels = new EnumMap<>(FollowUpStage.class);
    labels.put(FollowUpStage.ALLOCATION, "PI officer allocated (from the follow-up opening)");
    labels.put(FollowUpStage.CONVERSATIONS, "Both conversations held (from allocation)");
    labels.put(FollowUpStage.CLOSURE, "Loop closed (from allocation)");
    labels.put(
        FollowUpStage.SAFEGUARDING_CHECK,
        "Child's safety review confirmed (risk of significant harm; from the follow-up opening)");
    return java.util.Collections.unmodifiableMap(labels);
  }
}
