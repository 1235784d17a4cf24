package org.learningloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.learningloop.calendar.EscalationRecipient.ASSIGNEE;
import static org.learningloop.calendar.EscalationRecipient.ASSISTANT_DIRECTOR;
import static org.learningloop.calendar.EscalationRecipient.PI_LEAD;
import static org.learningloop.calendar.EscalationRecipient.SERVICE_MANAGER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.calendar.DeadlineProperties.EscalationRung;

class DeadlinesTest {

  /** PRODUCT.md's targets; DeadlineConfigurationTest checks that application.yml ships the same. */
  static DeadlineProperties productDefaults() {
    return new DeadlineProperties(
        2,
        1,
        20,
        60,
        2,
        List.of(
            new EscalationRung(0, List.of(ASSIGNEE, PI_LEAD)),
            new EscalationRung(3, List.of(SERVICE_MANAGER)),
            new EscalationRung(5, List.of(ASSISTANT_DIRECTOR))),
        Period.ofMonths(3),
        LocalTime.of(7, 0));
  }

  private final Deadlines deadlines =
      new Deadlines(productDefaults(), WorkingDayCalendarTest.calendar);

  @Test
  void allocationAndSafeguardingCountFromCreationAcrossChristmas2023() {
    Instant created = Instant.parse("2023-12-22T10:00:00Z");

    assertThat(deadlines.due(Stage.SAFEGUARDING_CONFIRMATION, created))
        .isEqualTo(Instant.parse("2023-12-27T17:00:00Z"));
    assertThat(deadlines.due(Stage.ALLOCATION, created))
        .isEqualTo(Instant.parse("2023-12-28T17:00:00Z"));
    assertThat(deadlines.dueDate(Stage.ALLOCATION, created)).isEqualTo(LocalDate.of(2023, 12, 28));
  }

  @Test
  void conversationsAndClosureCountFromAllocation() {
    Instant allocated = Instant.parse("2024-01-02T09:00:00Z");

    assertThat(deadlines.due(Stage.CONVERSATIONS_HELD, allocated))
        .isEqualTo(Instant.parse("2024-01-30T17:00:00Z"));
    assertThat(deadlines.due(Stage.CLOSURE, allocated))
        .isEqualTo(Instant.parse("2024-03-26T17:00:00Z"));
  }

  @Test
  void conversationsAllocatedBeforeEaster2024AreDueTwoDaysLaterThanTheWeekdaysAlone() {
    // 20 working days from Monday 18 March 2024 skip Good Friday and Easter Monday; 17:00 BST is
    // 16:00Z.
    assertThat(deadlines.due(Stage.CONVERSATIONS_HELD, Instant.parse("2024-03-18T09:00:00Z")))
        .isEqualTo(Instant.parse("2024-04-17T16:00:00Z"));
  }

  @Test
  void eachEscalationRungFallsOnTheRightWorkingDayAcrossChristmas2023() {
    // Due Friday 22 December; 25, 26 December and 1 January are bank holidays.
    assertThat(deadlines.escalations(Instant.parse("2023-12-22T17:00:00Z")))
        .containsExactly(
            new Escalation(0, 0, ASSIGNEE, Instant.parse("2023-12-22T17:00:00Z")),
            new Escalation(0, 0, PI_LEAD, Instant.parse("2023-12-22T17:00:00Z")),
            new Escalation(1, 3, SERVICE_MANAGER, Instant.parse("2023-12-29T17:00:00Z")),
            new Escalation(2, 5, ASSISTANT_DIRECTOR, Instant.parse("2024-01-03T17:00:00Z")));
  }

  @Test
  void eachEscalationRungFallsOnTheRightWorkingDayAcrossEaster2024() {
    // Due Thursday 28 March; Good Friday 29 March and Easter Monday 1 April; the clocks go forward
    // on 31 March.
    assertThat(deadlines.escalations(LocalDate.of(2024, 3, 28)))
        .extracting(Escalation::recipient, Escalation::at)
        .containsExactly(
            tuple(ASSIGNEE, Instant.parse("2024-03-28T17:00:00Z")),
            tuple(PI_LEAD, Instant.parse("2024-03-28T17:00:00Z")),
            tuple(SERVICE_MANAGER, Instant.parse("2024-04-04T16:00:00Z")),
            tuple(ASSISTANT_DIRECTOR, Instant.parse("2024-04-08T16:00:00Z")));
  }

  @Test
  void aDueDateThatIsNotAWorkingDayEscalatesFromTheNextWorkingDay() {
    assertThat(deadlines.escalations(LocalDate.of(2024, 3, 29)).get(0).at())
        .isEqualTo(Instant.parse("2024-04-02T16:00:00Z"));
  }

  @Test
  void remindersStartTheConfiguredWorkingDaysBeforeTheDueDateAtDigestTime() {
    assertThat(deadlines.remindFrom(LocalDate.of(2024, 1, 2)))
        .isEqualTo(LocalDate.of(2023, 12, 28));
    assertThat(deadlines.remindFrom(Instant.parse("2024-01-02T17:00:00Z")))
        .isEqualTo(Instant.parse("2023-12-28T07:00:00Z"));
    assertThat(deadlines.remindFrom(Instant.parse("2024-04-03T16:00:00Z")))
        .as("the Wednesday after Easter: from Thursday before Good Friday, 07:00 GMT")
        .isEqualTo(Instant.parse("2024-03-28T07:00:00Z"));
  }

  @Test
  void theDigestGoesOutAtDigestTimeOnWorkingDaysOnly() {
    assertThat(deadlines.nextDigestAfter(Instant.parse("2023-12-22T06:00:00Z")))
        .isEqualTo(Instant.parse("2023-12-22T07:00:00Z"));
    assertThat(deadlines.nextDigestAfter(Instant.parse("2023-12-22T07:00:00Z")))
        .as("strictly after")
        .isEqualTo(Instant.parse("2023-12-27T07:00:00Z"));
    assertThat(deadlines.nextDigestAfter(Instant.parse("2024-06-01T12:00:00Z")))
        .as("Saturday, summer time")
        .isEqualTo(Instant.parse("2024-06-03T06:00:00Z"));
  }

  @Test
  void theEffectivenessReAuditFallsDueThreeMonthsAfterClosureOnAWorkingDay() {
    assertThat(deadlines.reAuditDate(LocalDate.of(2023, 11, 29)))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(deadlines.reAuditDate(LocalDate.of(2023, 9, 25)))
        .as("25 December moves to the first working day after Christmas")
        .isEqualTo(LocalDate.of(2023, 12, 27));
    assertThat(deadlines.reAuditAt(Instant.parse("2023-09-25T15:00:00Z")))
        .isEqualTo(Instant.parse("2023-12-27T07:00:00Z"));
  }

  @Test
  void targetsAreTheConfiguredWorkingDays() {
    assertThat(deadlines.target(Stage.ALLOCATION)).isEqualTo(2);
    assertThat(deadlines.target(Stage.SAFEGUARDING_CONFIRMATION)).isEqualTo(1);
    assertThat(deadlines.target(Stage.CONVERSATIONS_HELD)).isEqualTo(20);
    assertThat(deadlines.target(Stage.CLOSURE)).isEqualTo(60);
    assertThat(Stage.CLOSURE.countedFrom()).isEqualTo(Stage.CountedFrom.ALLOCATED);
    assertThat(Stage.ALLOCATION.countedFrom()).isEqualTo(Stage.CountedFrom.FOLLOW_UP_CREATED);
  }
}
