package org.learningloop.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingDayCalendarTest {

  /**
   * One calendar for the class: building a year's table asks Jollyday, which is slow the first
   * time.
   */
  static final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

  /**
   * England and Wales bank holidays as published on GOV.UK, substitute and one-off days included.
   */
  static final List<LocalDate> GOV_UK_BANK_HOLIDAYS =
      List.of(
          of(2018, 1, 1),
          of(2018, 3, 30),
          of(2018, 4, 2),
          of(2018, 5, 7),
          of(2018, 5, 28),
          of(2018, 8, 27),
          of(2018, 12, 25),
          of(2018, 12, 26),
          of(2019, 1, 1),
          of(2019, 4, 19),
          of(2019, 4, 22),
          of(2019, 5, 6),
          of(2019, 5, 27),
          of(2019, 8, 26),
          of(2019, 12, 25),
          of(2019, 12, 26),
          // 2020: early May moved to VE Day, Friday 8 May; Boxing Day on a Saturday, substitute
          // Monday 28 December.
          of(2020, 1, 1),
          of(2020, 4, 10),
          of(2020, 4, 13),
          of(2020, 5, 8),
          of(2020, 5, 25),
          of(2020, 8, 31),
          of(2020, 12, 25),
          of(2020, 12, 28),
          // 2021: Christmas on Saturday and Boxing Day on Sunday, substitutes Monday 27 and Tuesday
          // 28 December.
          of(2021, 1, 1),
          of(2021, 4, 2),
          of(2021, 4, 5),
          of(2021, 5, 3),
          of(2021, 5, 31),
          of(2021, 8, 30),
          of(2021, 12, 27),
          of(2021, 12, 28),
          // 2022: New Year substitute 3 January; spring moved to 2 June, Platinum Jubilee 3 June;
          // the Queen's
          // state funeral 19 September; Christmas on Sunday, substitute Tuesday 27 December.
          of(2022, 1, 3),
          of(2022, 4, 15),
          of(2022, 4, 18),
          of(2022, 5, 2),
          of(2022, 6, 2),
          of(2022, 6, 3),
          of(2022, 8, 29),
          of(2022, 9, 19),
          of(2022, 12, 26),
          of(2022, 12, 27),
          // 2023: New Year substitute 2 January; the King's coronation 8 May.
          of(2023, 1, 2),
          of(2023, 4, 7),
          of(2023, 4, 10),
          of(2023, 5, 1),
          of(2023, 5, 8),
          of(2023, 5, 29),
          of(2023, 8, 28),
          of(2023, 12, 25),
          of(2023, 12, 26),
          of(2024, 1, 1),
          of(2024, 3, 29),
          of(2024, 4, 1),
          of(2024, 5, 6),
          of(2024, 5, 27),
          of(2024, 8, 26),
          of(2024, 12, 25),
          of(2024, 12, 26),
          of(2025, 1, 1),
          of(2025, 4, 18),
          of(2025, 4, 21),
          of(2025, 5, 5),
          of(2025, 5, 26),
          of(2025, 8, 25),
          of(2025, 12, 25),
          of(2025, 12, 26),
          of(2026, 1, 1),
          of(2026, 4, 3),
          of(2026, 4, 6),
          of(2026, 5, 4),
          of(2026, 5, 25),
          of(2026, 8, 31),
          of(2026, 12, 25),
          of(2026, 12, 28),
          of(2027, 1, 1),
          of(2027, 3, 26),
          of(2027, 3, 29),
          of(2027, 5, 3),
          of(2027, 5, 31),
          of(2027, 8, 30),
          of(2027, 12, 27),
          of(2027, 12, 28));

  @Test
  void bankHolidaysAreThoseGovUkPublishesForEnglandAndWales() {
    List<LocalDate> fromCalendar = new ArrayList<>();
    for (int year = 2018; year <= 2027; year++) {
      fromCalendar.addAll(calendar.bankHolidays(year));
    }
    assertThat(fromCalendar).containsExactlyElementsOf(GOV_UK_BANK_HOLIDAYS);
  }

  @Test
  void noBankHolidayAndNoWeekendDayIsAWorkingDay() {
    assertThat(GOV_UK_BANK_HOLIDAYS).noneMatch(calendar::isWorkingDay);
    assertThat(calendar.isWorkingDay(of(2024, 6, 1))).as("Saturday").isFalse();
    assertThat(calendar.isWorkingDay(of(2024, 6, 2))).as("Sunday").isFalse();
    assertThat(calendar.isWorkingDay(of(2024, 6, 3))).as("Monday").isTrue();
    assertThat(calendar.isWorkingDay(of(2022, 12, 25))).as("Christmas on a Sunday").isFalse();
  }

  static Stream<Arguments> holidaysSkipped() {
    return Stream.of(
        Arguments.of("Christmas and Boxing Day 2023", of(2023, 12, 22), of(2023, 12, 27)),
        Arguments.of(
            "Boxing Day and Christmas substitute 2022", of(2022, 12, 23), of(2022, 12, 28)),
        Arguments.of("Boxing Day substitute 2020", of(2020, 12, 24), of(2020, 12, 29)),
        Arguments.of("New Year's Day 2024", of(2023, 12, 29), of(2024, 1, 2)),
        Arguments.of("New Year substitute 2023", of(2022, 12, 30), of(2023, 1, 3)),
        Arguments.of("Good Friday and Easter Monday 2024", of(2024, 3, 28), of(2024, 4, 2)),
        Arguments.of("Early May 2024", of(2024, 5, 3), of(2024, 5, 7)),
        Arguments.of("Early May 2023", of(2023, 4, 28), of(2023, 5, 2)),
        Arguments.of("Coronation 2023", of(2023, 5, 5), of(2023, 5, 9)),
        Arguments.of("Spring 2024", of(2024, 5, 24), of(2024, 5, 28)),
        Arguments.of("Spring moved and Platinum Jubilee 2022", of(2022, 6, 1), of(2022, 6, 6)),
        Arguments.of("Summer 2024", of(2024, 8, 23), of(2024, 8, 27)),
        Arguments.of("State funeral 2022", of(2022, 9, 16), of(2022, 9, 20)));
  }

  @ParameterizedTest(name = "{0}: one working day after {1} is {2}")
  @MethodSource("holidaysSkipped")
  void oneWorkingDayLaterSkipsTheWeekendAndTheBankHolidays(
      String holiday, LocalDate from, LocalDate expected) {
    assertThat(calendar.addWorkingDays(from, 1)).isEqualTo(expected);
    assertThat(calendar.nextWorkingDay(from)).isEqualTo(expected);
    assertThat(calendar.previousWorkingDay(expected)).isEqualTo(from);
    assertThat(calendar.workingDaysBetween(from, expected)).isEqualTo(1);
  }

  @Test
  void nothingFallsDueOnAWeekendOrABankHolidayWhateverTheStartAndTarget() {
    for (LocalDate start = of(2018, 1, 1); start.getYear() <= 2027; start = start.plusDays(1)) {
      for (int n : new int[] {0, 1, 2, 3, 5, 20, 60}) {
        LocalDate due = calendar.addWorkingDays(start, n);
        assertThat(due.getDayOfWeek())
            .as("%s + %d", start, n)
            .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(GOV_UK_BANK_HOLIDAYS).as("%s + %d", start, n).doesNotContain(due);
      }
    }
  }

  @Test
  void addingNoWorkingDaysKeepsAWorkingDayAndMovesAnyOtherDayToTheNextWorkingDay() {
    assertThat(calendar.addWorkingDays(of(2024, 3, 28), 0)).isEqualTo(of(2024, 3, 28));
    assertThat(calendar.addWorkingDays(of(2024, 3, 29), 0))
        .as("Good Friday")
        .isEqualTo(of(2024, 4, 2));
    assertThat(calendar.addWorkingDays(of(2024, 6, 1), 0)).as("Saturday").isEqualTo(of(2024, 6, 3));
    assertThat(calendar.addWorkingDays(of(2024, 6, 1), 1))
        .as("Saturday + 1")
        .isEqualTo(of(2024, 6, 4));
  }

  @Test
  void subtractingMirrorsAdding() {
    assertThat(calendar.subtractWorkingDays(of(2024, 1, 2), 1)).isEqualTo(of(2023, 12, 29));
    assertThat(calendar.subtractWorkingDays(of(2024, 1, 2), 3)).isEqualTo(of(2023, 12, 27));
    assertThat(calendar.subtractWorkingDays(of(2024, 1, 2), 4)).isEqualTo(of(2023, 12, 22));
    assertThat(calendar.subtractWorkingDays(of(2024, 6, 2), 0))
        .as("Sunday")
        .isEqualTo(of(2024, 5, 31));
    assertThat(calendar.subtractWorkingDays(of(2024, 4, 1), 1))
        .as("Easter Monday")
        .isEqualTo(of(2024, 3, 27));
  }

  @Test
  void workingDaysBetweenCountsTheLastDayButNotTheFirst() {
    assertThat(calendar.workingDaysBetween(of(2023, 12, 22), of(2024, 1, 3))).isEqualTo(5);
    assertThat(calendar.workingDaysBetween(of(2024, 1, 3), of(2023, 12, 22))).isEqualTo(-5);
    assertThat(calendar.workingDaysBetween(of(2024, 1, 3), of(2024, 1, 3))).isZero();
    assertThat(calendar.workingDaysBetween(of(2023, 12, 23), of(2023, 12, 26)))
        .as("weekend to Boxing Day")
        .isZero();
    // 2023: 365 days, 105 weekend days, 9 bank holidays on weekdays.
    assertThat(calendar.workingDaysBetween(of(2022, 12, 31), of(2023, 12, 31))).isEqualTo(251);
  }

  @Test
  void countingAgreesWithWalkingDayByDay() {
    Random random = new Random(20231222);
    LocalDate origin = of(2015, 1, 1);
    for (int i = 0; i < 2_000; i++) {
      LocalDate a = origin.plusDays(random.nextInt(365 * 15));
      LocalDate b = a.plusDays(random.nextInt(800));
      int walked = 0;
      for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
        walked += calendar.isWorkingDay(d) ? 1 : 0;
      }
      assertThat(calendar.workingDaysBetween(a, b)).as("%s to %s", a, b).isEqualTo(walked);

      int n = random.nextInt(300);
      LocalDate stepped = calendar.isWorkingDay(a) ? a : calendar.nextWorkingDay(a);
      for (int k = 0; k < n; k++) {
        stepped = calendar.nextWorkingDay(stepped);
      }
      assertThat(calendar.addWorkingDays(a, n)).as("%s + %d", a, n).isEqualTo(stepped);
      assertThat(calendar.workingDaysBetween(calendar.subtractWorkingDays(stepped, n), stepped))
          .isEqualTo(n);
    }
  }

  @Test
  void negativeWorkingDaysAreRefused() {
    assertThatThrownBy(() -> calendar.addWorkingDays(of(2024, 1, 2), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> calendar.subtractWorkingDays(of(2024, 1, 2), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void yearsOutsideTheCalendarAreRefusedWithTheRangeItCovers() {
    assertThatThrownBy(() -> calendar.isWorkingDay(of(3000, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1900 to 2999");
  }

  @Test
  void closureDaysFromConfigurationAreSkipped() {
    WorkingDayCalendar closedOverChristmas =
        new WorkingDayCalendar(
            CalendarProperties.englandAndWales()
                .withClosureDays(List.of(of(2023, 12, 27), of(2023, 12, 28), of(2023, 12, 29))));

    assertThat(closedOverChristmas.isWorkingDay(of(2023, 12, 28))).isFalse();
    assertThat(closedOverChristmas.addWorkingDays(of(2023, 12, 22), 1)).isEqualTo(of(2024, 1, 2));
    assertThat(closedOverChristmas.workingDaysBetween(of(2023, 12, 22), of(2024, 1, 3)))
        .isEqualTo(2);
    assertThat(closedOverChristmas.bankHolidays(2023)).doesNotContain(of(2023, 12, 27));
    assertThat(calendar.isWorkingDay(of(2023, 12, 28))).as("other calendars unaffected").isTrue();
  }

  @Test
  void additionalBankHolidaysFromConfigurationAreSkipped() {
    CalendarProperties defaults = CalendarProperties.englandAndWales();
    WorkingDayCalendar withOneOff =
        new WorkingDayCalendar(
            new CalendarProperties(
                defaults.zone(),
                defaults.endOfWorkingDay(),
                List.of(),
                List.of(of(2028, Month.JUNE, 5))));

    assertThat(withOneOff.bankHolidays(2028)).contains(of(2028, 6, 5));
    assertThat(withOneOff.addWorkingDays(of(2028, 6, 2), 1)).isEqualTo(of(2028, 6, 6));
  }

  @ParameterizedTest(name = "{1} working days from {0}: due {2}")
  @CsvSource({
    // Winter: London is on GMT, so 17:00 is 17:00Z.
    "2024-01-08T10:00:00Z, 2, 2024-01-10T17:00:00Z",
    // Exactly at the end of a working day still counts as that day; a minute later counts from the
    // next one.
    "2024-01-08T17:00:00Z, 2, 2024-01-10T17:00:00Z",
    "2024-01-08T17:01:00Z, 2, 2024-01-11T17:00:00Z",
    // Friday evening and the weekend count from Monday.
    "2024-01-12T18:00:00Z, 2, 2024-01-17T17:00:00Z",
    "2024-01-13T09:00:00Z, 0, 2024-01-15T17:00:00Z",
    // Summer: 17:00 British Summer Time is 16:00Z; 16:30Z is 17:30 in London, after the working
    // day.
    "2024-06-03T16:30:00Z, 1, 2024-06-05T16:00:00Z",
    // Over Easter 2024, which is also when the clocks went forward.
    "2024-03-28T09:00:00Z, 1, 2024-04-02T16:00:00Z"
  })
  void somethingGivenWorkingDaysFromAMomentIsDueAtTheEndOfTheLastWorkingDay(
      Instant from, int workingDays, Instant due) {
    assertThat(calendar.endOfWorkingDayAfter(from, workingDays)).isEqualTo(due);
  }
}
