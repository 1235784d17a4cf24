package org.learningloop.calendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Times the working-day arithmetic the reports lean on (medians of working days over thousands of
 * follow-ups). A program, not a test:
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.mainClass=org.learningloop.calendar.WorkingDayCalendarBenchmark \
 *     -Dexec.classpathScope=test
 * </pre>
 *
 * Dates are spread over 2015 to 2030 and targets over 0 to 120 working days, as follow-ups are.
 */
public final class WorkingDayCalendarBenchmark {

  private static final int CALLS = 1_000_000;
  private static final int ROUNDS = 5;

  private WorkingDayCalendarBenchmark() {}

  public static void main(String[] args) {
    WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
    Random random = new Random(42);
    LocalDate origin = LocalDate.of(2015, 1, 1);
    LocalDate[] starts = new LocalDate[CALLS];
    LocalDate[] ends = new LocalDate[CALLS];
    int[] targets = new int[CALLS];
    for (int i = 0; i < CALLS; i++) {
      starts[i] = origin.plusDays(random.nextInt(365 * 15));
      ends[i] = starts[i].plusDays(random.nextInt(180));
      targets[i] = random.nextInt(121);
    }

    long started = System.nanoTime();
    calendar.addWorkingDays(origin, 0);
    calendar.workingDaysBetween(origin, LocalDate.of(2031, 12, 31));
    System.out.printf(
        Locale.ROOT,
        "tables for 2015 to 2031 built from Jollyday in %.0f ms%n",
        (System.nanoTime() - started) / 1e6);

    long checksum = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      long begin = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        checksum += calendar.addWorkingDays(starts[i], targets[i]).toEpochDay();
      }
      long middle = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        checksum += calendar.workingDaysBetween(starts[i], ends[i]);
      }
      long end = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "round %d: addWorkingDays %,.0f ops/s, workingDaysBetween %,.0f ops/s%n",
          round,
          CALLS / ((middle - begin) / 1e9),
          CALLS / ((end - middle) / 1e9));
    }
    // Printed so the JIT cannot drop the calls as unused.
    System.out.println("checksum " + checksum);
  }
}
