package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.Grade;
import org.learningloop.calendar.DeadlineProperties;
import org.learningloop.calendar.EscalationRecipient;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.followup.FollowUpStage;
import org.learningloop.followup.FollowUpStatistics.FollowUpFigures;
import org.learningloop.followup.FollowUpStatistics.SupportTally;

/**
 * The follow-up KPIs from hand-made rows: working days as the deadlines count them, medians,
 * targets and grammar.
 */
class FollowUpKpiReportsTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final ReportPeriod PERIOD =
      new ReportPeriod(YearMonth.of(2023, 12), YearMonth.of(2024, 1));
  static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

  final FollowUpKpiReports reports =
      new FollowUpKpiReports(
          null,
          WorkingDayCalendar.englandAndWales(),
          new DeadlineProperties(
              2,
              1,
              20,
              60,
              2,
              5,
              20,
              2,
              List.of(
                  new DeadlineProperties.EscalationRung(0, List.of(EscalationRecipient.ASSIGNEE))),
              Period.ofMonths(3),
              LocalTime.of(7, 0)),
          new ShippedSupportCatalogue(),
          Clock.systemUTC());

  long ids;

  @Test
  void christmasBankHolidaysAreNotWorkingDays() {
    // Allocated Friday 22 December 2023; the joint conversation held Wednesday 3 January 2024: 27,
    // 28, 29 December,
    // 2 and 3 January (25, 26 December and 1 January are bank holidays).
    FollowUpKpis k =
        compute(
            row("CLOSURE", "OPEN", null)
                .createdAndAllocated(at(2023, 12, 21, 11), at(2023, 12, 22, 10))
                .bothHeld(at(2024, 1, 3, 14))
                .build());
    assertThat(timeliness(k, FollowUpStage.ALLOCATION).medianWorkingDays()).isEqualTo(1.0);
    assertThat(timeliness(k, FollowUpStage.CONVERSATIONS).medianWorkingDays()).isEqualTo(5.0);
    assertThat(timeliness(k, FollowUpStage.CONVERSATIONS).withinTarget()).isEqualTo(1);
    assertThat(timeliness(k, FollowUpStage.CLOSURE).reached()).isZero();
    assertThat(timeliness(k, FollowUpStage.CLOSURE).medianWorkingDays()).isNull();
  }

  @Test
  void somethingArrivingOnFridayEveningCountsFromMonday() {
    FollowUpFigures friday =
        row("CONVERSATIONS", "OPEN", null)
            .createdAndAllocated(at(2024, 3, 8, 18), at(2024, 3, 11, 9))
            .build();
    assertThat(timeliness(compute(friday), FollowUpStage.ALLOCATION).medianWorkingDays()).isZero();
  }

  @Test
  void mediansTakeTheMiddleOrTheMeanOfTheTwoMiddleValues() {
    assertThat(FollowUpKpiReports.median(List.of(7, 1, 3))).isEqualTo(3.0);
    assertThat(FollowUpKpiReports.median(List.of(4, 1, 2, 9))).isEqualTo(3.0);
    assertThat(FollowUpKpiReports.median(List.of(1, 2))).isEqualTo(1.5);
    assertThat(FollowUpKpiReports.median(List.of())).isNull();
  }

  @Test
  void closureWithinTargetIsCountedOnTheClosedOnes() {
    Instant allocated = at(2024, 1, 8, 10); // a Monday
    List<FollowUpFigures> rows = new ArrayList<>();
    // 60 working days after Monday 8 January 2024 is Wednesday 3 April (Good Friday and Easter
    // Monday are holidays).
    rows.add(
        row("DONE", "CLOSED", "GOOD")
            .createdAndAllocated(allocated, allocated)
            .closed(at(2024, 4, 3, 16))
            .build());
    rows.add(
        row("AWAITING_RE_AUDIT", "CLOSED", null)
            .createdAndAllocated(allocated, allocated)
            .closed(at(2024, 4, 4, 9))
            .build());
    rows.add(row("CLOSURE", "OPEN", null).createdAndAllocated(allocated, allocated).build());
    FollowUpKpis k = compute(rows);
    FollowUpKpis.Timeliness closure = timeliness(k, FollowUpStage.CLOSURE);
    assertThat(closure.reached()).isEqualTo(2);
    assertThat(closure.medianWorkingDays()).isEqualTo(60.5);
    assertThat(k.closedWithinTarget()).isEqualTo(1);
    assertThat(k.closedWithinTargetPercent()).isEqualTo(50.0);
    assertThat(k.closed()).isEqualTo(2);
    assertThat(k.open()).isEqualTo(1);
    assertThat(k.reAudits().awaiting()).isEqualTo(1);
    assertThat(k.reAudits().recorded()).isEqualTo(1);
    assertThat(k.reAudits().grades()).containsExactly(Map.entry(Grade.GOOD, 1L));
  }

  @Test
  void overdueMeansTheDueDateHasPassedNotThatItIsToday() {
    List<FollowUpFigures> rows =
        List.of(
            row("ALLOCATION", "OPEN", null).due(TODAY.minusDays(1)).build(),
            row("ALLOCATION", "OPEN", null).due(TODAY).build(),
            row("SIGN_OFF", "OPEN", null).due(TODAY.minusDays(30)).build(),
            row("RE_AUDIT", "CLOSED", null).due(TODAY.minusDays(2)).build(),
            row("ENDED", "GRADE_REVISED", null).build(),
            row("ENDED", "WITHDRAWN", null).build());
    FollowUpKpis k = compute(rows);
    assertThat(k.stages())
        .extracting(FollowUpKpis.StageCount::stage)
        .containsExactly(
            FollowUpStage.ALLOCATION,
            FollowUpStage.CONVERSATIONS,
            FollowUpStage.CLOSURE,
            FollowUpStage.SIGN_OFF,
            FollowUpStage.RE_AUDIT);
    assertThat(stage(k, FollowUpStage.ALLOCATION))
        .isEqualTo(
            new FollowUpKpis.StageCount(
                FollowUpStage.ALLOCATION, "Waiting for a PI officer", 2, 1));
    assertThat(stage(k, FollowUpStage.SIGN_OFF).overdue()).isEqualTo(1);
    assertThat(stage(k, FollowUpStage.RE_AUDIT).overdue()).isEqualTo(1);
    assertThat(k.overdue()).isEqualTo(3);
    assertThat(k.openOverdue()).isEqualTo(2);
    assertThat(k.gradeRevised()).isEqualTo(1);
    assertThat(k.withdrawn()).isEqualTo(1);
    assertThat(k.asAt()).isEqualTo(TODAY);
  }

  @Test
  void supportIsCountedByTypeInCatalogueOrderWithItsCompletionRate() {
    FollowUpKpis k =
        reports.compute(
            PERIOD,
            TODAY,
            List.of(),
            List.of(
                new SupportTally("TEAM_SESSION", "COMPLETED", 1),
                new SupportTally("INDIVIDUAL_COACHING", "ACCEPTED", 1),
                new SupportTally("INDIVIDUAL_COACHING", "COMPLETED", 2),
                new SupportTally("INDIVIDUAL_COACHING", "DECLINED", 1),
                new SupportTally("RETIRED_TYPE", "WITHDRAWN", 1)));
    assertThat(k.support())
        .containsExactly(
            new FollowUpKpis.SupportType(
                "INDIVIDUAL_COACHING", "Individual coaching", 4, 1, 2, 1, 0, 50.0),
            new FollowUpKpis.SupportType("TEAM_SESSION", "Team session", 1, 0, 1, 0, 0, 100.0),
            new FollowUpKpis.SupportType("RETIRED_TYPE", "RETIRED_TYPE", 1, 0, 0, 0, 1, 0.0));
    assertThatThrownBy(
            () ->
                reports.compute(
                    PERIOD, TODAY, List.of(), List.of(new SupportTally("TEAM_SESSION", "LOST", 1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LOST");
  }

  @Test
  void sentencesAreWrittenFromTheFigures() {
    assertThat(ReportSentences.followUpSentences(PERIOD, compute(List.of())))
        .containsExactly(
            "No follow-ups have been opened for audits graded inadequate during December 2023 – January 2024.");

    Instant allocated = at(2024, 1, 8, 10);
    List<FollowUpFigures> rows =
        List.of(
            row("CONVERSATIONS", "OPEN", null)
                .createdAndAllocated(at(2024, 1, 5, 10), allocated)
                .due(TODAY.plusDays(3))
                .build(),
            row("ENDED", "GRADE_REVISED", null).build());
    FollowUpKpis k =
        reports.compute(
            PERIOD, TODAY, rows, List.of(new SupportTally("TEAM_SESSION", "OFFERED", 1)));
    assertThat(ReportSentences.followUpSentences(PERIOD, k))
        .containsExactly(
            "2 follow-ups were opened by the Practice Improvement team for audits graded inadequate during December 2023 –"
                + " January 2024. As at 1 March 2024, 0 are closed (0%) and 1 is open, on time; 1 ended because moderation"
                + " revised the grade.",
            "A PI officer was allocated in a median of 1 working day (target 2, met in 1 of 1).",
            "1 support item was offered: team session (1). Of these, 0 have been completed (0%) and 1 is in progress.");
  }

  @Test
  void repeatInadequateReAuditsAndReAuditsThatCouldNotHappenAreCountedAndSaid() {
    Instant closed = at(2024, 1, 10, 10);
    List<FollowUpFigures> rows =
        List.of(
            row("DONE", "CLOSED", "INADEQUATE").closed(closed).build(),
            row("DONE", "CLOSED", "GOOD").closed(closed).build(),
            row("DONE", "CLOSED", null).closed(closed).reAuditNotPossible().build(),
            row("RE_AUDIT", "CLOSED", null).closed(closed).due(TODAY.plusDays(5)).build());
    FollowUpKpis.ReAudits r = compute(rows).reAudits();

    assertThat(r.recorded()).as("linked re-audits only").isEqualTo(2);
    assertThat(r.repeatInadequate()).isEqualTo(1);
    assertThat(r.notPossible()).isEqualTo(1);
    assertThat(r.due()).isEqualTo(1);
    assertThat(ReportSentences.followUpSentences(PERIOD, compute(rows)))
        .contains(
            "1 re-audit was graded Inadequate again (a repeat Inadequate): it has a follow-up of its own.",
            "1 re-audit could not take place (for example, the practitioner had left); the reason is"
                + " recorded on each follow-up.");
    assertThat(
            ReportSentences.followUpSentences(
                PERIOD, compute(List.of(row("DONE", "CLOSED", "GOOD").closed(closed).build()))))
        .contains("No re-audit was graded Inadequate again.");
  }

  // ---- rows ----

  FollowUpKpis compute(List<FollowUpFigures> rows) {
    return reports.compute(PERIOD, TODAY, rows, List.of());
  }

  FollowUpKpis compute(FollowUpFigures... rows) {
    return compute(List.of(rows));
  }

  static FollowUpKpis.Timeliness timeliness(FollowUpKpis k, FollowUpStage stage) {
    return k.timeliness().stream().filter(t -> t.stage() == stage).findFirst().orElseThrow();
  }

  static FollowUpKpis.StageCount stage(FollowUpKpis k, FollowUpStage stage) {
    return k.stages().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
  }

  static Instant at(int year, int month, int day, int hour) {
    return LocalDateTime.of(year, month, day, hour, 0).atZone(LONDON).toInstant();
  }

  RowBuilder row(String stage, String status, String reAuditGrade) {
    return new RowBuilder(++ids, stage, status, reAuditGrade);
  }

  static final class RowBuilder {
    final long id;
    final String stage;
    final String status;
    final String reAuditGrade;
    LocalDate due;
    Instant created = at(2024, 1, 2, 10);
    Instant allocated;
    Instant bothHeld;
    Instant closed;
    boolean notPossible;

    RowBuilder(long id, String stage, String status, String reAuditGrade) {
      this.id = id;
      this.stage = stage;
      this.status = status;
      this.reAuditGrade = reAuditGrade;
    }

    RowBuilder due(LocalDate day) {
      due = day;
      return this;
    }

    /** Opened at {@code created} and given to an officer at {@code allocated}. */
    RowBuilder createdAndAllocated(Instant created, Instant allocated) {
      this.created = created;
      this.allocated = allocated;
      return this;
    }

    RowBuilder bothHeld(Instant at) {
      bothHeld = at;
      return this;
    }

    RowBuilder closed(Instant at) {
      closed = at;
      return this;
    }

    /** The re-audit stage ended without a re-audit, with a reason. */
    RowBuilder reAuditNotPossible() {
      notPossible = true;
      return this;
    }

    FollowUpFigures build() {
      return new FollowUpFigures(
          id,
          status,
          stage,
          due,
          created,
          allocated,
          null,
          bothHeld,
          closed,
          reAuditGrade,
          "INADEQUATE".equals(reAuditGrade),
          notPossible);
    }
  }
}
