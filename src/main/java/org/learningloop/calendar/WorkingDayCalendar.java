package org.learningloop.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.springframework.stereotype.Service;

/**
 * Working days in England and Wales: every day but Saturdays, Sundays, bank holidays (with their
 * substitute days and one-off ones such as the coronation on 8 May 2023) and the council's
 * configured closure days.
 *
 * <p>Counting rules, used throughout:
 *
 * <ul>
 *   <li>{@link #addWorkingDays addWorkingDays(start, n)}: take {@code start} if it is a working
 *       day, else the next working day; that day is day 0, the result is the n-th working day after
 *       it. So {@code 0} moves a weekend or holiday forward to the next working day and leaves a
 *       working day alone; from Friday 22 December 2023, 1 is Wednesday 27 December.
 *   <li>{@link #workingDaysBetween workingDaysBetween(a, b)}: the working days {@code d} with
 *       {@code a < d <= b} (the first day excluded, the last included), negative when {@code b} is
 *       before {@code a}. For a working day {@code a}, {@code workingDaysBetween(a,
 *       addWorkingDays(a, n)) == n}.
 *   <li>{@link #nextWorkingDay} and {@link #previousWorkingDay} look strictly after and before the
 *       given day.
 * </ul>
 *
 * <p>Each year is worked out once, on first use, into a table of its working days; after that every
 * answer is a few array reads, so reports can count working days over thousands of follow-ups.
 * Years 1900 to 2999 are covered.
 */
@Service
public class WorkingDayCalendar {

  public static final int FIRST_YEAR = 1900;
  public static final int LAST_YEAR = 2999;

  private final ZoneId zone;
  private final LocalTime endOfWorkingDay;
  private final Set<LocalDate> closureDays;
  private final Set<LocalDate> additionalBankHolidays;
  private final BankHolidays bankHolidays;
  private final AtomicReferenceArray<YearTable> years =
      new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

  public WorkingDayCalendar(CalendarProperties properties) {
    this.zone = properties.zone();
    this.endOfWorkingDay = properties.endOfWorkingDay();
    this.closureDays = Set.copyOf(properties.closureDays());
    this.additionalBankHolidays = Set.copyOf(properties.additionalBankHolidays());
    this.bankHolidays = new BankHolidays();
  }

  /**
   * England and Wales with the shipped defaults (17:00 London time, no closure days); handy outside
   * Spring.
   */
  public static WorkingDayCalendar englandAndWales() {
    return new WorkingDayCalendar(CalendarProperties.englandAndWales());
  }

  public boolean isWorkingDay(LocalDate day) {
    return table(day.getYear()).isWorking(day.getDayOfYear() - 1);
  }

  /** The first working day strictly after {@code day}. */
  public LocalDate nextWorkingDay(LocalDate day) {
    return addWorkingDays(day.plusDays(1), 0);
  }

  /** The last working day strictly before {@code day}. */
  public LocalDate previousWorkingDay(LocalDate day) {
    return subtractWorkingDays(day.minusDays(1), 0);
  }

  /**
   * The n-th working day after {@code start}; {@code start} itself counts as day 0 when it is a
   * working day, else the next working day does.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Cannot add a negative number of working days: " + n);
    }
    int year = start.getYear();
    YearTable table = table(year);
    int day = start.getDayOfYear() - 1;
    // Index, among this year's working days, of the first one on or after start (may be one past
    // the last).
    long target = (long) table.workingUpTo(day) - (table.isWorking(day) ? 1 : 0) + n;
    while (target >= table.count()) {
      target -= table.count();
      table = table(++year);
    }
    return table.workingDay((int) target);
  }

  /**
   * The n-th working day before {@code start}: the mirror of {@link #addWorkingDays}; {@code start}
   * counts as day 0 when it is a working day, else the previous working day does.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public LocalDate subtractWorkingDays(LocalDate start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Cannot subtract a negative number of working days: " + n);
    }
    int year = start.getYear();
    YearTable table = table(year);
    // Index, among this year's working days, of the last one on or before start (-1 when there is
    // none).
    long target = (long) table.workingUpTo(start.getDayOfYear() - 1) - 1 - n;
    while (target < 0) {
      table = table(--year);
      target += table.count();
    }
    return table.workingDay((int) target);
  }

  /**
   * Working days after {@code a} up to and including {@code b}; negative when {@code b} is before
   * {@code a}.
   */
  public int workingDaysBetween(LocalDate a, LocalDate b) {
    if (b.isBefore(a)) {
      return -workingDaysBetween(b, a);
    }
    YearTable first = table(a.getYear());
    int upToA = first.workingUpTo(a.getDayOfYear() - 1);
    if (a.getYear() == b.getYear()) {
      return first.workingUpTo(b.getDayOfYear() - 1) - upToA;
    }
    int count = first.count() - upToA;
    for (int year = a.getYear() + 1; year < b.getYear(); year++) {
      count += table(year).count();
    }
    return count + table(b.getYear()).workingUpTo(b.getDayOfYear() - 1);
  }

  /** The moment the given day's work ends, e.g. 17:00 London time. */
  public Instant endOfWorkingDay(LocalDate day) {
    return ZonedDateTime.of(day, endOfWorkingDay, zone).toInstant();
  }

  /**
   * The working day a moment counts towards: its own day when that is a working day and the moment
   * is not after the end of the working day, otherwise the next working day (something arriving on
   * Friday evening or at the weekend counts from Monday).
   */
  public LocalDate workingDayOf(Instant moment) {
    ZonedDateTime local = moment.atZone(zone);
    LocalDate day = local.toLocalDate();
    if (isWorkingDay(day) && !local.toLocalTime().isAfter(endOfWorkingDay)) {
      return day;
    }
    return nextWorkingDay(day);
  }

  /**
   * When something given {@code n} working days from {@code moment} falls due: the end of the
   * working day that is {@code n} working days after {@link #workingDayOf the working day of the
   * moment}. With the defaults, 2 working days from Monday 10:00 is Wednesday 17:00, and so is 2
   * working days from Friday 18:00 or from the weekend, which count from Monday.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public Instant endOfWorkingDayAfter(Instant moment, int n) {
    return endOfWorkingDay(addWorkingDays(workingDayOf(moment), n));
  }

  /**
   * The bank holidays of a year in England and Wales, configured additional ones included, in date
   * order.
   */
  public List<LocalDate> bankHolidays(int year) {
    return table(year).bankHolidays;
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalTime endOfWorkingDay() {
    return endOfWorkingDay;
  }

  private YearTable table(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "The working-day calendar covers the years "
              + FIRST_YEAR
              + " to "
              + LAST_YEAR
              + ", not "
              + year);
    }
    int slot = year - FIRST_YEAR;
    YearTable table = years.get(slot);
    if (table == null) {
      // Two threads may build the same year at once; both get equal tables, so either may win.
      years.compareAndSet(slot, null, build(year));
      table = years.get(slot);
    }
    return table;
  }

  private YearTable build(int year) {
    Set<LocalDate> holidays = new HashSet<>(bankHolidays.in(year));
    additionalBankHolidays.stream().filter(day -> day.getYear() == year).forEach(holidays::add);
    List<LocalDate> sortedHolidays = holidays.stream().sorted().toList();
    int length = Year.of(year).length();
    LocalDate first = LocalDate.ofYearDay(year, 1);
    boolean[] working = new boolean[length];
    for (int i = 0; i < length; i++) {
      LocalDate day = first.plusDays(i);
      DayOfWeek weekday = day.getDayOfWeek();
      working[i] =
          weekday != DayOfWeek.SATURDAY
              && weekday != DayOfWeek.SUNDAY
              && !holidays.contains(day)
              && !closureDays.contains(day);
    }
    return new YearTable(first.toEpochDay(), working, sortedHolidays);
  }

  /** One year: how many working days up to each day, and the working days themselves in order. */
  private static final class YearTable {

    private final int[] workingUpTo;
    private final long[] workingEpochDays;
    private final List<LocalDate> bankHolidays;

    YearTable(long firstEpochDay, boolean[] working, List<LocalDate> bankHolidays) {
      this.workingUpTo = new int[working.length];
      List<Long> days = new ArrayList<>();
      int count = 0;
      for (int i = 0; i < working.length; i++) {
        if (working[i]) {
          count++;
          days.add(firstEpochDay + i);
        }
        workingUpTo[i] = count;
      }
      this.workingEpochDays = days.stream().mapToLong(Long::longValue).toArray();
      this.bankHolidays = List.copyOf(bankHolidays);
    }

    /** Working days from 1 January up to and including the day with this zero-based index. */
    int workingUpTo(int dayIndex) {
      return workingUpTo[dayIndex];
    }

    boolean isWorking(int dayIndex) {
      return workingUpTo[dayIndex] != (dayIndex == 0 ? 0 : workingUpTo[dayIndex - 1]);
    }

    int count() {
      return workingEpochDays.length;
    }

    LocalDate workingDay(int index) {
      return LocalDate.ofEpochDay(workingEpochDays[index]);
    }
  }
}
