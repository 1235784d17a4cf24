package org.learningloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The calendar and deadline settings as the application binds them: application.yml's defaults, and
 * refusals.
 */
class DeadlineConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({CalendarProperties.class, DeadlineProperties.class})
  @Import({WorkingDayCalendar.class, Deadlines.class})
  static class CalendarModule {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withInitializer(new ConfigDataApplicationContextInitializer())
          .withUserConfiguration(CalendarModule.class);

  @Test
  void applicationYmlShipsTheProductDefaults() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(DeadlineProperties.class))
              .isEqualTo(DeadlinesTest.productDefaults());
          CalendarProperties calendar = context.getBean(CalendarProperties.class);
          assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/London"));
          assertThat(calendar.endOfWorkingDay()).isEqualTo(LocalTime.of(17, 0));
          assertThat(calendar.closureDays()).isEmpty();
          assertThat(calendar.additionalBankHolidays()).isEmpty();
        });
  }

  @Test
  void closureDaysAndTheEndOfTheWorkingDayComeFromConfiguration() {
    runner
        .withPropertyValues(
            "learning-loop.calendar.closure-days=2023-12-27,2023-12-28,2023-12-29",
            "learning-loop.calendar.end-of-working-day=16:30")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
              assertThat(calendar.isWorkingDay(LocalDate.of(2023, 12, 28))).isFalse();
              assertThat(calendar.addWorkingDays(LocalDate.of(2023, 12, 22), 1))
                  .isEqualTo(LocalDate.of(2024, 1, 2));
              assertThat(
                      context
                          .getBean(Deadlines.class)
                          .escalations(LocalDate.of(2023, 12, 22))
                          .get(2)
                          .at())
                  .as("Service Manager: 3 working days after 22 December, at 16:30")
                  .isEqualTo(java.time.Instant.parse("2024-01-04T16:30:00Z"));
            });
  }

  @Test
  void aNegativeTargetStopsStartUpNamingTheSetting() {
    runner
        .withPropertyValues("learning-loop.deadlines.allocation=-1")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("learning-loop.deadlines")
                    .hasMessageContaining("allocation")
                    .hasMessageContaining("must be greater than or equal to 0"));
  }

  @Test
  void aRungThatIsNotLaterThanTheOneBeforeItStopsStartUp() {
    runner
        .withPropertyValues(
            "learning-loop.deadlines.escalation[0].overdue-by=0",
            "learning-loop.deadlines.escalation[0].recipients=ASSIGNEE,PI_LEAD",
            "learning-loop.deadlines.escalation[1].overdue-by=5",
            "learning-loop.deadlines.escalation[1].recipients=SERVICE_MANAGER",
            "learning-loop.deadlines.escalation[2].overdue-by=3",
            "learning-loop.deadlines.escalation[2].recipients=ASSISTANT_DIRECTOR")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("escalationInOrder")
                    .hasMessageContaining("escalation rungs must come in order"));
  }

  @Test
  void aRungTellingSomeoneMoreJuniorThanAnEarlierRungStopsStartUp() {
    runner
        .withPropertyValues(
            "learning-loop.deadlines.escalation[0].overdue-by=0",
            "learning-loop.deadlines.escalation[0].recipients=ASSIGNEE",
            "learning-loop.deadlines.escalation[1].overdue-by=3",
            "learning-loop.deadlines.escalation[1].recipients=ASSISTANT_DIRECTOR",
            "learning-loop.deadlines.escalation[2].overdue-by=5",
            "learning-loop.deadlines.escalation[2].recipients=SERVICE_MANAGER")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("escalation rungs must come in order"));
  }

  @Test
  void closureBeforeTheConversationsStopsStartUp() {
    runner
        .withPropertyValues("learning-loop.deadlines.closure=10")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("closure must not come before conversations-held"));
  }

  @Test
  void anEmptyLadderOrANonPositiveReAuditPeriodStopsStartUp() {
    runner
        .withPropertyValues("learning-loop.deadlines.re-audit-after=P0D")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("re-audit-after must be a positive period"));
    runner
        .withPropertyValues("learning-loop.deadlines.escalation[0].overdue-by=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("recipients")
                    .hasMessageContaining("must not be empty"));
  }
}
