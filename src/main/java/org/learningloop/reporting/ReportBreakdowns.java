package org.learningloop.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.learningloop.audit.AuditStatistics;
import org.learningloop.audit.AuditStatistics.PlaceTally;
import org.learningloop.audit.AuditType;
import org.learningloop.audit.Grade;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.followup.FollowUpStatistics;
import org.learningloop.followup.FollowUpStatistics.FollowUpFigures;
import org.learningloop.security.AccessScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Breaks the inadequate analysis and the follow-ups down by service area and team, limited to what
 * the reader may see: PI leads and officers every area; Service Managers and Assistant Directors
 * their own service area; Team Managers their team; auditors and moderators the audit figures of
 * every area but not the follow-ups (case work they do not see); administrators and anyone else
 * nothing. Published reports (the committee's) show every area with small numbers suppressed. Three
 * aggregate queries and the follow-up KPI rows of the period, whatever the number of audits.
 */
@Service
@Transactional(readOnly = true)
class ReportBreakdowns {

  static final String FEWER_THAN_5 = "fewer than 5";
  static final String NOT_SHOWN = "not shown";

  private final AuditStatistics statistics;
  private final FollowUpStatistics followUpStatistics;
  private final FollowUpKpiReports kpis;
  private final Catalogues catalogues;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  ReportBreakdowns(
      AuditStatistics statistics,
      FollowUpStatistics followUpStatistics,
      FollowUpKpiReports kpis,
      Catalogues catalogues,
      WorkingDayCalendar calendar,
      Clock clock) {
    this.statistics = statistics;
    this.followUpStatistics = followUpStatistics;
    this.kpis = kpis;
    this.catalogues = catalogues;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * @param suppress show counts of 1 to 4 as "fewer than 5" (and the shares made from them as "not
   *     shown"), as anything published must
   */
  ReportBreakdown breakdown(ReportPeriod period, AccessScope scope, boolean suppress) {
    Predicate<PlaceTally> visible;
    String scopeText;
    boolean followUpsVisible = true;
    if (scope instanceof AccessScope.All) {
      visible = t -> true;
      scopeText = "all service areas";
    } else if (scope instanceof AccessScope.ServiceArea s) {
      visible = t -> t.serviceAreaId() == s.serviceAreaId();
      scopeText = "your service area";
    } else if (scope instanceof AccessScope.Team team) {
      visible = t -> t.teamId() == team.teamId();
      scopeText = "your team";
    } else if (scope instanceof AccessScope.Register) {
      visible = t -> true;
      scopeText = "all service areas (audit figures only: follow-ups are not in your view)";
      followUpsVisible = false;
    } else {
      return new ReportBreakdown(
          period,
          "none",
          List.of(),
          suppress,
          "Your role gives no view of case data, so there is no breakdown to show.");
    }
    boolean withFollowUps = followUpsVisible;
    List<PlaceTally> tallies =
        statistics.placeTallies(AuditType.DEEP_DIVE, period.from(), period.to()).stream()
            .filter(visible)
            .toList();
    Map<Long, List<AuditStatistics.PlaceFactor>> factors =
        statistics.inadequateFactorsByTeam(AuditType.DEEP_DIVE, period.from(), period.to()).stream()
            .collect(Collectors.groupingBy(AuditStatistics.PlaceFactor::teamId));

    List<FollowUpFigures> rows =
        followUpsVisible ? followUpStatistics.ofAuditsDated(period.from(), period.to()) : List.of();
    Map<Long, FollowUpStatistics.Place> places =
        followUpsVisible
            ? followUpStatistics.placesOfAuditsDated(period.from(), period.to())
            : Map.of();
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));

    // Service area → team → tallies, in name order (the query's).
    Map<Long, Map<Long, List<PlaceTally>>> byArea = new LinkedHashMap<>();
    for (PlaceTally t : tallies) {
      byArea
          .computeIfAbsent(t.serviceAreaId(), id -> new LinkedHashMap<>())
          .computeIfAbsent(t.teamId(), id -> new ArrayList<>())
          .add(t);
    }
    // The follow-up KPIs of the audits in a place, when the reader may see follow-ups.
    Function<Predicate<FollowUpStatistics.Place>, FollowUpKpis> kpisWhere =
        in -> withFollowUps ? kpisOf(period, today, rows, places, in) : null;
    Counts.Formatter f = new Counts.Formatter(suppress);
    List<ReportBreakdown.Row> out = new ArrayList<>();
    byArea.forEach(
        (areaId, teams) -> {
          List<PlaceTally> all = teams.values().stream().flatMap(List::stream).toList();
          String areaName = all.get(0).serviceArea();
          Map<String, Long> areaFactors = new LinkedHashMap<>();
          teams
              .keySet()
              .forEach(
                  teamId ->
                      factors
                          .getOrDefault(teamId, List.of())
                          .forEach(
                              pf -> areaFactors.merge(pf.factorCode(), pf.count(), Long::sum)));
          out.add(
              row(
                  f,
                  areaName,
                  null,
                  all,
                  areaFactors,
                  kpisWhere.apply(p -> Objects.equals(p.serviceAreaId(), areaId))));
          teams.forEach(
              (teamId, teamTallies) -> {
                Map<String, Long> teamFactors = new LinkedHashMap<>();
                factors
                    .getOrDefault(teamId, List.of())
                    .forEach(pf -> teamFactors.merge(pf.factorCode(), pf.count(), Long::sum));
                out.add(
                    row(
                        f,
                        areaName,
                        teamTallies.get(0).team(),
                        teamTallies,
                        teamFactors,
                        kpisWhere.apply(p -> Objects.equals(p.teamId(), teamId))));
              });
        });
    return new ReportBreakdown(period, scopeText, List.copyOf(out), suppress, null);
  }

  private FollowUpKpis kpisOf(
      ReportPeriod period,
      LocalDate today,
      List<FollowUpFigures> rows,
      Map<Long, FollowUpStatistics.Place> places,
      Predicate<FollowUpStatistics.Place> in) {
    List<FollowUpFigures> mine =
        rows.stream()
            .filter(r -> places.containsKey(r.id()) && in.test(places.get(r.id())))
            .toList();
    return kpis.compute(period, today, mine, List.of());
  }

  private ReportBreakdown.Row row(
      Counts.Formatter f,
      String area,
      String team,
      List<PlaceTally> tallies,
      Map<String, Long> factorCounts,
      FollowUpKpis followUps) {
    long audits = tallies.stream().mapToLong(PlaceTally::count).sum();
    long inadequate =
        tallies.stream()
            .filter(t -> t.effectiveGrade() == Grade.INADEQUATE)
            .mapToLong(PlaceTally::count)
            .sum();
    long moderated =
        tallies.stream().filter(t -> t.moderatedGrade() != null).mapToLong(PlaceTally::count).sum();
    String factorText =
        factorCounts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(3)
            .map(e -> factorLabel(e.getKey()) + " (" + f.count(e.getValue()) + ")")
            .collect(Collectors.joining("; "));
    return new ReportBreakdown.Row(
        area,
        team,
        f.count(audits),
        f.count(inadequate),
        f.percent(inadequate, audits),
        f.count(moderated),
        factorText.isEmpty() ? "None" : factorText,
        followUps == null ? "–" : f.count(followUps.followUps()),
        followUps == null ? "–" : f.count(followUps.open()),
        followUps == null ? "–" : f.count(followUps.overdue()),
        followUps == null
            ? "–"
            : followUps.closed() == 0
                ? "none closed"
                : f.count(followUps.closedWithinTarget()) + " of " + f.count(followUps.closed()));
  }

  private String factorLabel(String code) {
    return catalogues.factor(code).map(CatalogueEntry::label).orElse(code);
  }
}
