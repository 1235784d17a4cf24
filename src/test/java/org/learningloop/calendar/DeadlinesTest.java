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
        5,
        20,
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
  void somethingGivenWorkingDaysIsDueAtTheEndOfTheLastOneAcrossChristmas2023() {
    Instant created = Instant.parse("2023-12-22T10:00:00Z");

    assertThat(deadlines.after(1, created)).isEqualTo(Instant.parse("2023-12-27T17:00:00Z"));
    assertThat(deadlines.after(2, created)).isEqualTo(Instant.parse("2023-12-28T17:00:00Z"));
    assertThat(deadlines.dueDate(deadlines.after(2, created)))
        .isEqualTo(LocalDate.of(2023, 12, 28));
  }

  @Test
  void twentyWorkingDaysFromBeforeEaster2024SkipGoodFridayAndEasterMonday() {
    // 17:00 BST is 16:00Z.
    assertThat(deadlines.after(20, Instant.parse("2024-03-18T09:00:00Z")))
        .isEqualTo(Instant.parse("2024-04-17T16:00:00Z"));
  }

  @Test
  void overdueStartsAfterTheEndOfTheDueDaysWorkAndDueSoonTwoWorkingDaysBefore() {
    Instant due = Instant.parse("2024-01-03T17:00:00Z"); // Wednesday, after New Year's Day
    assertThat(deadlines.isOverdue(due, due)).isFalse();
    assertThat(deadlines.isOverdue(due, due.plusSeconds(1))).isTrue();
    assertThat(deadlines.isOverdue(LocalDate.of(2024, 1, 3), due.plusSeconds(1))).isTrue();
    assertThat(deadlines.isOverdue(LocalDate.of(2024, 1, 3), due)).isFalse();
    // Reminder lead 2 working days: from Friday 29 December (1 January is a bank holiday).
    assertThat(deadlines.isDueSoon(due, Instant.parse("2023-12-28T12:00:00Z"))).isFalse();
    assertThat(deadlines.isDueSoon(due, Instant.parse("2023-12-29T08:00:00Z"))).isTrue();
    assertThat(deadlines.isDueSoon(due, due.plusSeconds(1))).as("overdue, not due soon").isFalse();
    assertThat(deadlines.workingDaysOverdue(due, Instant.parse("2024-01-03T18:00:00Z"))).isZero();
    assertThat(deadlines.workingDaysOverdue(due, Instant.parse("2024-01-08T18:00:00Z")))
        .isEqualTo(3);
  }

  @Test
  void aConversationsOutcomeIsDueTwoWorkingDaysAfterItEndsAndVerificationFive() {
    // Ends Friday 22 December 2023 at 11:00: Boxing Day and Christmas Day do not count.
    assertThat(deadlines.conversationOutcomeDue(Instant.parse("2023-12-22T11:00:00Z")))
        .isEqualTo(Instant.parse("2023-12-28T17:00:00Z"));
    assertThat(deadlines.supportVerificationDue(Instant.parse("2023-12-22T11:00:00Z")))
        .isEqualTo(Instant.parse("2024-01-03T17:00:00Z"));
  }

  @Test
  void theReAuditIsDueTwentyWorkingDaysAfterItFallsDue() {
    // Falls due Wednesday 27 December 2023; 1 January is a bank holiday.
    assertThat(deadlines.reAuditTaskDue(LocalDate.of(2023, 12, 27)))
        .isEqualTo(Instant.parse("2024-01-25T17:00:00Z"));
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
}
