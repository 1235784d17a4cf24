package org.learningloop.reporting;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.learningloop.audit.AuditStatistics;
import org.learningloop.calendar.DeadlineProperties;
import org.learningloop.calendar.EscalationRecipient;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.followup.FollowUpStatistics;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A benchmark program, not a test: loads N audits into a fresh MariaDB/MySQL schema ({@code
 * learningloop_bench}) and times the reports' queries. Run it with (see README, "Reports"):
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.mainClass=org.learningloop.reporting.AuditSummaryBenchmark \
 *     -Dexec.classpathScope=test -Dbenchmark.audits=200000
 * </pre>
 *
 * The audits are spread over {@code benchmark.years} years (default: one per 100,000 audits, at
 * least one), so the timed twelve months hold about 100,000 audits whatever N is: as many as
 * 1,000,000 audits over ten years would. Every audit whose effective grade is Inadequate also gets
 * a follow-up with a history as the follow-up module writes it (see {@link FollowUpLoader}), so the
 * follow-up KPIs ({@link FollowUpKpiReports}) are timed on the same data.
 */
public final class AuditSummaryBenchmark {

  private static final String[] GRADES = {
    "OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"
  };

  /**
   * The data's "now": the audits run to the end of 2025, and the follow-ups' histories stop here.
   */
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static final String[] FACTORS = {
    "PERMANENCE_DRIFT_DELAY",
    "ASSESSMENT_QUALITY",
    "SIGNIFICANT_HARM_RISK",
    "OVERSIGHT_ESCALATION",
    "CHILD_VOICE",
    "PLANNING"
  };

  private AuditSummaryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int audits = Integer.getInteger("benchmark.audits", 200_000);
    int years = Integer.getInteger("benchmark.years", Math.max(1, audits / 100_000));
    boolean inDateOrder = Boolean.getBoolean("benchmark.dateOrder");
    // Times the schema the last run loaded (with any migration added since), e.g. to try an index.
    boolean reuse = Boolean.getBoolean("benchmark.reuse");
    String server = System.getProperty("benchmark.db.host", "127.0.0.1:3306");
    String url =
        "jdbc:mysql://"
            + server
            + "/learningloop_bench?createDatabaseIfNotExist=true&rewriteBatchedStatements=true"
            + "&sendFractionalSeconds=false&nullDatabaseMeansCurrent=true";
    String user = System.getProperty("benchmark.db.username", "root");
    String password = System.getProperty("benchmark.db.password", "");

    if (!reuse) {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute("drop database if exists learningloop_bench");
        s.execute(
            "create database learningloop_bench character set utf8mb4 collate utf8mb4_unicode_ci");
      }
    }
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/mysql")
        .load()
        .migrate();

    YearMonth last = LAST_MONTH;
    YearMonth first = last.minusYears(years).plusMonths(1);
    WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
    if (reuse) {
      System.out.println("Reusing the schema learningloop_bench as it is");
    } else {
      long started = System.nanoTime();
      FollowUpLoader followUps =
          load(dataSource.getConnection(), audits, first, last, calendar, inDateOrder);
      System.out.printf(
          "Loaded %,d audits over %s to %s (%s) in %.1f s%n",
          audits,
          first,
          last,
          inDateOrder ? "ids in date order" : "dates at random",
          (System.nanoTime() - started) / 1e9);
      System.out.printf(
          "  with %,d follow-ups (%,d open, %,d closed, %,d withdrawn), %,d conversations, %,d support items%n",
          followUps.followUps,
          followUps.open,
          followUps.closed,
          followUps.withdrawn,
          followUps.conversations,
          followUps.supportItems);
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "analyze table audit, audit_factor, follow_up, follow_up_conversation, support_item");
    }

    // Timed through a pool as in the application.
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(2);
    try (HikariDataSource pooled = new HikariDataSource(pool);
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean(
          NamedParameterJdbcTemplate.class, () -> new NamedParameterJdbcTemplate(pooled));
      // The audit and follow-up modules keep their query classes package-private; the benchmark
      // registers them as the application would.
      context.registerBean(Class.forName("org.learningloop.audit.AuditStatisticsQueries"));
      context.registerBean(Class.forName("org.learningloop.followup.FollowUpStatisticsQueries"));
      context.refresh();
      AuditStatistics statistics = context.getBean(AuditStatistics.class);
      AuditSummaries summaries = new AuditSummaries(statistics);
      FollowUpKpiReports followUpKpis =
          new FollowUpKpiReports(
              context.getBean(FollowUpStatistics.class),
              calendar,
              SHIPPED_DEADLINES,
              new ShippedSupportCatalogue(),
              Clock.systemDefaultZone());
      ReportPeriod twelveMonths = new ReportPeriod(last.minusMonths(11), last);
      ReportPeriod twoMonths = new ReportPeriod(last.minusMonths(1), last);
      for (int round = 1; round <= 5; round++) {
        time(
            "round " + round + ": audit summary, 12 months",
            "audits",
            () -> summaries.summarise(twelveMonths).audits());
        time(
            "round " + round + ": audit summary, 2 months",
            "audits",
            () -> summaries.summarise(twoMonths).audits());
        time(
            "round " + round + ": audits of one dip sample (theme, month, area)",
            "audits",
            () -> statistics.dipSampleAuditRefs("DS-BENCH", "Theme 3", last, 1L).size());
        time(
            "round " + round + ": follow-up KPIs, 12 months",
            "follow-ups",
            () -> followUpKpis.summarise(twelveMonths).followUps());
        time(
            "round " + round + ": follow-up KPIs, 2 months",
            "follow-ups",
            () -> followUpKpis.summarise(twoMonths).followUps());
      }
    }
  }

  /**
   * Loads {@code audits} audits (one year per 100,000, to the end of 2025, dates at random) with
   * their factors and follow-ups into the migrated schema behind {@code dataSource}, as {@link
   * #main} does; for the county-scale benchmark ({@code org.learningloop.bench}). Answers what it
   * loaded, in a sentence.
   */
  public static String seed(DataSource dataSource, int audits) throws SQLException {
    YearMonth first = LAST_MONTH.minusYears(Math.max(1, audits / 100_000)).plusMonths(1);
    FollowUpLoader followUps =
        load(
            dataSource.getConnection(),
            audits,
            first,
            LAST_MONTH,
            WorkingDayCalendar.englandAndWales(),
            false);
    return String.format(
        "%,d audits over %s to %s, %,d follow-ups (%,d open), %,d conversations, %,d support items",
        audits,
        first,
        LAST_MONTH,
        followUps.followUps,
        followUps.open,
        followUps.conversations,
        followUps.supportItems);
  }

  /**
   * The twelve-month audit summary and follow-up KPIs of the seeded data's last year, as the
   * application's own report services run them; each answers how many audits or follow-ups it
   * covered.
   */
  public static Map<String, LongSupplier> twelveMonthReports(ApplicationContext app) {
    ReportPeriod twelveMonths = new ReportPeriod(LAST_MONTH.minusMonths(11), LAST_MONTH);
    AuditSummaries summaries = app.getBean(AuditSummaries.class);
    FollowUpKpiReports kpis = app.getBean(FollowUpKpiReports.class);
    Map<String, LongSupplier> reports = new LinkedHashMap<>();
    reports.put("audit summary", () -> summaries.summarise(twelveMonths).audits());
    reports.put("follow-up KPIs", () -> kpis.summarise(twelveMonths).followUps());
    return reports;
  }

  /** The first day and the day after the last of {@link #twelveMonthReports}' period. */
  public static LocalDate[] twelveMonths() {
    return new LocalDate[] {LAST_MONTH.minusMonths(11).atDay(1), LAST_MONTH.plusMonths(1).atDay(1)};
  }

  private static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);

  private interface Measured {
    long run();
  }

  private static void time(String what, String unit, Measured measured) {
    long start = System.nanoTime();
    long n = measured.run();
    System.out.printf(
        "%-45s %7.1f ms  (%,d %s)%n", what, (System.nanoTime() - start) / 1e6, n, unit);
  }

  /**
   * With {@code inDateOrder}, the same audits, but the dates, drawn alike, are handed out in order,
   * so that ids (and the follow-ups' ids, which follow them) grow with the date as in a register
   * filled day by day; by default each audit's date is drawn at random, so a period's rows lie all
   * over the tables.
   */
  private static FollowUpLoader load(
      Connection c,
      int audits,
      YearMonth first,
      YearMonth last,
      WorkingDayCalendar calendar,
      boolean inDateOrder)
      throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute(
          "insert into service_area (id, name) values (1, 'Help and Protect'), (2, 'Corporate Parenting')");
      StringBuilder teams =
          new StringBuilder("insert into team (id, name, service_area_id) values ");
      for (int t = 1; t <= 40; t++) {
        teams
            .append(t == 1 ? "" : ",")
            .append("(")
            .append(t)
            .append(", 'Team ")
            .append(t)
            .append("', ")
            .append(1 + t % 2)
            .append(")");
      }
      s.execute(teams.toString());
      StringBuilder staff =
          new StringBuilder(
              "insert into staff (id, username, email, display_name, team_id) values ");
      for (int p = 1; p <= 400; p++) {
        staff
            .append(p == 1 ? "" : ",")
            .append("(")
            .append(p)
            .append(", 'p")
            .append(p)
            .append("', 'p")
            .append(p)
            .append("@bench.example', 'Person ")
            .append(p)
            .append("', ")
            .append(1 + p % 40)
            .append(")");
      }
      s.execute(staff.toString());
    }
    long days = last.atEndOfMonth().toEpochDay() - first.atDay(1).toEpochDay() + 1;
    long[] orderedDays = null;
    if (inDateOrder) {
      SplittableRandom dates = new SplittableRandom(20240313L);
      orderedDays = new long[audits];
      for (int i = 0; i < audits; i++) {
        orderedDays[i] = dates.nextLong(days);
      }
      Arrays.sort(orderedDays);
    }
    Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
    SplittableRandom random = new SplittableRandom(20240312L);
    String insertAudit =
        "insert into audit (id, ref, audit_date, audit_type, theme, service_area_id, team_id, practitioner_id, team_manager_id,"
            + " auditor_id, child_ref, auditor_grade, moderator_id, moderation_date, moderated_grade, effective_grade,"
            + " created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    FollowUpLoader followUps = new FollowUpLoader(c, calendar, audits, first.atDay(1), orderedDays);
    try (PreparedStatement audit = c.prepareStatement(insertAudit);
        PreparedStatement factor =
            c.prepareStatement("insert into audit_factor (audit_id, factor_code) values (?, ?)")) {
      for (int id = 1; id <= audits; id++) {
        long drawn =
            random.nextLong(days); // drawn in either case, so the rest of each audit is the same
        LocalDate date =
            LocalDate.ofEpochDay(
                first.atDay(1).toEpochDay() + (inDateOrder ? orderedDays[id - 1] : drawn));
        boolean thematic = random.nextInt(10) == 0;
        String grade =
            GRADES[Math.min(3, Math.max(0, (int) Math.round(random.nextGaussian() * 0.8 + 2)))];
        boolean moderated = random.nextInt(10) < 4;
        String moderatedGrade =
            moderated
                ? (random.nextInt(10) == 0
                    ? GRADES[Math.min(3, Arrays.asList(GRADES).indexOf(grade) + 1)]
                    : grade)
                : null;
        String effective = moderated ? moderatedGrade : grade;
        int team = 1 + random.nextInt(40);
        audit.setLong(1, id);
        audit.setString(2, "BENCH-" + id);
        audit.setDate(3, Date.valueOf(date));
        audit.setString(4, thematic ? "THEMATIC_DIP_SAMPLE" : "DEEP_DIVE");
        audit.setString(5, thematic ? "Theme " + random.nextInt(12) : null);
        audit.setLong(6, 1 + team % 2);
        audit.setLong(7, team);
        long practitioner = 41 + random.nextInt(300);
        long teamManager = 1 + random.nextInt(40);
        audit.setLong(8, practitioner);
        audit.setLong(9, teamManager);
        audit.setLong(10, 341 + random.nextInt(30));
        audit.setString(11, "C-" + (100000 + random.nextInt(900000)));
        audit.setString(12, grade);
        if (moderated) {
          audit.setLong(13, 371 + random.nextInt(30));
          audit.setDate(14, Date.valueOf(date));
        } else {
          audit.setNull(13, java.sql.Types.BIGINT);
          audit.setNull(14, java.sql.Types.DATE);
        }
        audit.setString(15, moderatedGrade);
        audit.setString(16, effective);
        audit.setTimestamp(17, now);
        audit.setTimestamp(18, now);
        audit.addBatch();
        if (effective.equals("INADEQUATE")) {
          int how = 1 + random.nextInt(3);
          int start = random.nextInt(FACTORS.length);
          boolean significantHarm = false;
          for (int f = 0; f < how; f++) {
            factor.setLong(1, id);
            factor.setString(2, FACTORS[(start + f) % FACTORS.length]);
            factor.addBatch();
            significantHarm |=
                FACTORS[(start + f) % FACTORS.length].equals("SIGNIFICANT_HARM_RISK");
          }
          followUps.add("BENCH-" + id, date, significantHarm, practitioner, teamManager, team);
        }
        if (id % 5_000 == 0 || id == audits) {
          audit.executeBatch();
          factor.executeBatch();
          followUps.executeBatch();
          c.commit();
        }
      }
    }
    followUps.close();
    c.close();
    return followUps;
  }

  static final DeadlineProperties SHIPPED_DEADLINES =
      new DeadlineProperties(
          2,
          1,
          20,
          60,
          2,
          5,
          20,
          2,
          List.of(new DeadlineProperties.EscalationRung(0, List.of(EscalationRecipient.ASSIGNEE))),
          Period.ofMonths(3),
          LocalTime.of(7, 0));

  /**
   * The follow-up of one inadequate audit, its conversations and support items, with a history
   * drawn at random (its own seed, so the audits are those of the benchmark without follow-ups):
   * opened 0 to 3 working days after the audit; a PI officer allocated mostly within a day or two,
   * now and then after a week; the child's safety review confirmed where there was a risk of
   * significant harm; the two conversations (joint or separate) held 5 to 45 working days after
   * allocation; 0 to 3 support items; closure proposed 10 to 50 working days after the
   * conversations and signed off within a week; the effectiveness re-audit three months on, mostly
   * graded. Whatever lies after the data's "now" (1 January 2026) has not happened yet, so the last
   * months' follow-ups are open at every stage; about 4% stall at a stage and stay open, overdue,
   * and about 3% are withdrawn by a PI lead.
   */
  static final class FollowUpLoader {

    private static final String[] GRADES_NOW = {
      "GOOD",
      "GOOD",
      "GOOD",
      "REQUIRES_IMPROVEMENT",
      "REQUIRES_IMPROVEMENT",
      "INADEQUATE",
      "OUTSTANDING"
    };
    private static final String[] SUPPORT_TYPES = {
      "ASSESSMENT_TRAINING_REFRESH",
      "ASSESSMENT_TRAINING_REFRESH",
      "CARE_PLANNING_VIDEO",
      "INDIVIDUAL_COACHING",
      "INDIVIDUAL_COACHING",
      "TEAM_SESSION",
      "OTHER"
    };
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW.minusSeconds(1), ZoneOffset.UTC);

    private final WorkingDayCalendar calendar;
    private final int audits;
    private final LocalDate firstDay;
    private final long[] orderedDays;
    private final SplittableRandom random = new SplittableRandom(20251201L);
    private final PreparedStatement followUp;
    private final PreparedStatement conversation;
    private final PreparedStatement support;
    long followUps;
    long open;
    long closed;
    long withdrawn;
    long conversations;
    long supportItems;

    FollowUpLoader(
        Connection c,
        WorkingDayCalendar calendar,
        int audits,
        LocalDate firstDay,
        long[] orderedDays)
        throws SQLException {
      this.calendar = calendar;
      this.audits = audits;
      this.firstDay = firstDay;
      this.orderedDays = orderedDays;
      followUp =
          c.prepareStatement(
              "insert into follow_up (id, audit_ref, audit_date, status, stage, practitioner_id, team_manager_id, team_id, service_area_id,"
                  + " significant_harm_risk, officer_username, joint_conversation, created_at, allocated_at, allocation_due,"
                  + " conversations_due, closure_due, due_date, safeguarding_due, safeguarding_confirmed_at,"
                  + " safeguarding_confirmed_by, closure_proposed_by, closure_proposed_at, closed_by, closed_at, ended_at,"
                  + " end_reason, re_audit_due, re_audit_ref, re_audit_grade, version)"
                  + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)");
      conversation =
          c.prepareStatement(
              "insert into follow_up_conversation (follow_up_id, attendees, status, starts_at, duration_minutes, location,"
                  + " notes, learning_points, not_held_reason, invite_sequence, version) values (?,?,?,?,?,?,?,?,?,?,0)");
      support =
          c.prepareStatement(
              "insert into support_item (follow_up_id, type_code, description, owner, due_date, state, reason, offered_by,"
                  + " offered_at, answered_at, completed_at, verified_by, verified_at, version)"
                  + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,0)");
    }

    /**
     * Adds the follow-up of the audit just batched (whose practitioner, team manager and team it
     * copies).
     */
    void add(
        String auditRef,
        LocalDate auditDate,
        boolean significantHarm,
        long practitioner,
        long teamManager,
        int team)
        throws SQLException {
      long id = ++followUps;
      LocalDate opened = calendar.addWorkingDays(auditDate, random.nextInt(4));
      if (opened.isAfter(TODAY)) {
        opened = auditDate;
      }
      Instant created = at(opened);
      // Where the history stops short of "now" for good: 0 runs on, 1 stalls at allocation, 2 at
      // the conversations,
      // 3 at support and closure, 4 at sign-off; 5 is withdrawn.
      int fate = random.nextInt(100);
      int stall = fate < 1 ? 1 : fate < 2 ? 2 : fate < 3 ? 3 : fate < 4 ? 4 : fate < 7 ? 5 : 0;

      int allocationDays =
          pick(new int[] {0, 1, 1, 1, 1, 1, 2, 2, 2, 3})
              + (random.nextInt(30) == 0 ? 3 + random.nextInt(6) : 0);
      LocalDate allocationDay = calendar.addWorkingDays(opened, allocationDays);
      Instant allocated = stall == 1 ? null : happened(at(allocationDay));
      boolean joint = random.nextInt(5) < 2;
      LocalDate conversationsDue =
          allocated == null ? null : calendar.addWorkingDays(allocationDay, 20);
      LocalDate closureDue = allocated == null ? null : calendar.addWorkingDays(allocationDay, 60);

      Instant safeguardingConfirmed = null;
      if (significantHarm) {
        safeguardingConfirmed =
            happened(
                at(
                    calendar.addWorkingDays(
                        opened, pick(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 3, 5}))));
      }

      LocalDate heldDay =
          allocated == null
              ? null
              : calendar.addWorkingDays(
                  allocationDay,
                  random.nextInt(100) < 80 ? 5 + random.nextInt(16) : 20 + random.nextInt(26));
      Instant heldMoment = heldDay == null ? null : at(heldDay);
      Instant held = heldMoment == null || stall == 2 ? null : happened(heldMoment);
      LocalDate proposedDay =
          heldDay == null ? null : calendar.addWorkingDays(heldDay, 10 + random.nextInt(41));
      Instant proposed = held == null || stall == 3 ? null : happened(at(proposedDay));
      LocalDate closedDay =
          proposedDay == null ? null : calendar.addWorkingDays(proposedDay, random.nextInt(6));
      Instant closedAt = proposed == null || stall == 4 ? null : happened(at(closedDay));
      LocalDate reAuditDue = closedAt == null ? null : closedDay.plusMonths(3);

      Instant ended = null;
      if (stall == 5 && allocated != null) {
        ended = happened(at(calendar.addWorkingDays(allocationDay, 1 + random.nextInt(30))));
        if (ended != null) {
          held = held != null && held.isBefore(ended) ? held : null;
          proposed = null;
          closedAt = null;
          reAuditDue = null;
        }
      }

      String status;
      String stage;
      LocalDate due;
      String reAuditRef = null;
      String reAuditGrade = null;
      if (ended != null) {
        status = "WITHDRAWN";
        stage = "ENDED";
        due = null;
        withdrawn++;
      } else if (closedAt != null) {
        status = "CLOSED";
        closed++;
        if (reAuditDue.isAfter(TODAY)) {
          stage = "AWAITING_RE_AUDIT";
          due = reAuditDue;
        } else if (random.nextInt(4) > 0) {
          stage = "DONE";
          due = null;
          reAuditRef = "BENCH-" + reAuditId(reAuditDue.plusDays(random.nextInt(21)));
          reAuditGrade = pick(GRADES_NOW);
        } else {
          stage = "RE_AUDIT";
          due = reAuditDue;
        }
      } else {
        status = "OPEN";
        open++;
        if (allocated == null) {
          stage = "ALLOCATION";
          due = calendar.addWorkingDays(opened, 2);
        } else if (held == null) {
          stage = "CONVERSATIONS";
          due =
              random.nextInt(10) == 0
                  ? conversationsDue.plusDays(10 + random.nextInt(20))
                  : conversationsDue; // some extended
        } else if (proposed == null) {
          stage = "CLOSURE";
          due = closureDue;
        } else {
          stage = "SIGN_OFF";
          due = closureDue;
        }
      }

      int p = 1;
      followUp.setLong(p++, id);
      followUp.setString(p++, auditRef);
      followUp.setObject(p++, auditDate);
      followUp.setString(p++, status);
      followUp.setString(p++, stage);
      followUp.setLong(p++, practitioner);
      followUp.setLong(p++, teamManager);
      followUp.setLong(p++, team);
      followUp.setLong(p++, 1 + team % 2);
      followUp.setBoolean(p++, significantHarm);
      followUp.setString(p++, allocated == null ? null : "p" + (301 + random.nextInt(20)));
      followUp.setBoolean(p++, joint);
      followUp.setObject(p++, utc(created));
      dateTime(followUp, p++, allocated);
      followUp.setObject(p++, calendar.addWorkingDays(opened, 2));
      followUp.setObject(p++, conversationsDue);
      followUp.setObject(p++, closureDue);
      date(followUp, p++, due);
      date(followUp, p++, significantHarm ? calendar.addWorkingDays(opened, 1) : null);
      dateTime(followUp, p++, safeguardingConfirmed);
      followUp.setString(p++, safeguardingConfirmed == null ? null : "p" + (1 + team % 40));
      followUp.setString(p++, proposed == null ? null : "p" + (301 + random.nextInt(20)));
      dateTime(followUp, p++, proposed);
      followUp.setString(p++, closedAt == null ? null : "p" + (321 + random.nextInt(5)));
      dateTime(followUp, p++, closedAt);
      dateTime(followUp, p++, ended);
      followUp.setString(
          p++, ended == null ? null : "Withdrawn: the practitioner has left the council");
      date(followUp, p++, reAuditDue);
      followUp.setString(p++, reAuditRef);
      followUp.setString(p, reAuditGrade);
      followUp.addBatch();

      if (allocated != null) {
        conversations(id, joint, heldDay, heldMoment, ended, stall == 2);
        if (held != null) {
          supportItems(id, heldDay, status, stage);
        }
      }
    }

    /**
     * One joint conversation, or the Team Manager's a few days before the practitioner's. Where the
     * follow-up stalls at the conversations, the (last) one did not take place.
     */
    private void conversations(
        long id,
        boolean joint,
        LocalDate heldDay,
        Instant heldMoment,
        Instant ended,
        boolean stalled)
        throws SQLException {
      if (joint) {
        conversation(id, "JOINT", heldMoment, ended, stalled);
      } else {
        conversation(
            id,
            "TEAM_MANAGER",
            at(calendar.subtractWorkingDays(heldDay, 1 + random.nextInt(3))),
            ended,
            false);
        conversation(id, "PRACTITIONER", heldMoment, ended, stalled);
      }
    }

    private void conversation(
        long id, String attendees, Instant startsAt, Instant ended, boolean stalled)
        throws SQLException {
      boolean past = startsAt.isBefore(NOW) && (ended == null || startsAt.isBefore(ended));
      String status;
      if (past) {
        status = stalled ? "NOT_HELD" : "HELD";
      } else if (ended != null) {
        status = "CANCELLED";
      } else if (stalled) {
        status = "NOT_HELD";
      } else {
        status = random.nextInt(4) == 0 ? "TO_BE_SCHEDULED" : "SCHEDULED";
      }
      boolean heldNow = status.equals("HELD");
      conversation.setLong(1, id);
      conversation.setString(2, attendees);
      conversation.setString(3, status);
      dateTime(conversation, 4, status.equals("TO_BE_SCHEDULED") ? null : startsAt);
      conversation.setInt(5, 45 + 15 * random.nextInt(4));
      conversation.setString(
          6, status.equals("TO_BE_SCHEDULED") ? null : "Team room " + (1 + random.nextInt(6)));
      conversation.setString(
          7, heldNow ? "Talked through the plan and the child's lived experience." : null);
      conversation.setString(8, heldNow ? "Record the reasons for delay; escalate drift." : null);
      conversation.setString(
          9, status.equals("NOT_HELD") ? "The practitioner was off sick." : null);
      conversation.setInt(10, status.equals("NOT_HELD") ? 2 : 1);
      conversation.addBatch();
      conversations++;
    }

    private void supportItems(long id, LocalDate heldDay, String status, String stage)
        throws SQLException {
      int n = pick(new int[] {0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3});
      for (int i = 0; i < n; i++) {
        LocalDate offeredDay = calendar.addWorkingDays(heldDay, random.nextInt(3));
        if (offeredDay.isAfter(TODAY)) {
          break;
        }
        LocalDate dueDay = calendar.addWorkingDays(offeredDay, 10 + random.nextInt(21));
        String state;
        if (status.equals("WITHDRAWN")) {
          state = "WITHDRAWN";
        } else if (status.equals("CLOSED") || stage.equals("SIGN_OFF")) {
          state =
              pick(
                  new String[] {
                    "COMPLETED",
                    "COMPLETED",
                    "COMPLETED",
                    "COMPLETED",
                    "COMPLETED",
                    "COMPLETED",
                    "DECLINED",
                    "WITHDRAWN"
                  });
        } else {
          state =
              pick(
                  new String[] {
                    "OFFERED", "ACCEPTED", "ACCEPTED", "COMPLETED", "COMPLETED", "DECLINED"
                  });
        }
        Instant offered = at(offeredDay);
        Instant answered =
            state.equals("OFFERED")
                ? null
                : latest(offered, at(calendar.addWorkingDays(offeredDay, random.nextInt(4))));
        Instant completed =
            state.equals("COMPLETED")
                ? latest(answered, at(dueDay.isAfter(TODAY) ? TODAY : dueDay))
                : null;
        support.setLong(1, id);
        support.setString(2, pick(SUPPORT_TYPES));
        support.setString(3, "Agreed in the reflective conversation");
        support.setString(
            4,
            pick(
                new String[] {
                  "PRACTITIONER", "PRACTITIONER", "PRACTITIONER", "TEAM_MANAGER", "WHOLE_TEAM"
                }));
        support.setObject(5, dueDay);
        support.setString(6, state);
        support.setString(
            7,
            state.equals("DECLINED")
                ? "Attended the same course last month"
                : state.equals("WITHDRAWN") ? "No longer needed" : null);
        support.setString(8, "p" + (301 + random.nextInt(20)));
        support.setObject(9, utc(offered));
        dateTime(support, 10, answered);
        dateTime(support, 11, completed);
        support.setString(12, completed == null ? null : "p" + (301 + random.nextInt(20)));
        dateTime(support, 13, completed == null ? null : completed.plusSeconds(3600));
        support.addBatch();
        supportItems++;
      }
    }

    /** An audit of about that day where the ids follow the dates, else any. */
    private long reAuditId(LocalDate day) {
      if (orderedDays == null) {
        return 1 + random.nextInt(audits);
      }
      int at = Arrays.binarySearch(orderedDays, day.toEpochDay() - firstDay.toEpochDay());
      return 1 + Math.min(audits - 1, at >= 0 ? at : -at - 1);
    }

    /** Follow-ups first: the conversations and support items refer to them. */
    void executeBatch() throws SQLException {
      followUp.executeBatch();
      conversation.executeBatch();
      support.executeBatch();
    }

    void close() throws SQLException {
      followUp.close();
      conversation.close();
      support.close();
    }

    /** The moment, but not past the data's "now" nor before {@code earliest}. */
    private static Instant latest(Instant earliest, Instant moment) {
      Instant bounded = moment.isBefore(NOW) ? moment : NOW.minusSeconds(60);
      return bounded.isBefore(earliest) ? earliest : bounded;
    }

    /** The moment if it has come by the data's "now", else null: it has not happened yet. */
    private static Instant happened(Instant moment) {
      return moment.isBefore(NOW) ? moment : null;
    }

    /** During the working day, London time, as the module records it. */
    private Instant at(LocalDate day) {
      return day.atTime(9, 0)
          .plusMinutes(random.nextInt(8 * 60))
          .atZone(calendar.zone())
          .toInstant();
    }

    private int pick(int[] values) {
      return values[random.nextInt(values.length)];
    }

    private String pick(String[] values) {
      return values[random.nextInt(values.length)];
    }

    /** Instants are stored as UTC date-times, as Hibernate writes them ({@code jdbc.time_zone}). */
    private static LocalDateTime utc(Instant instant) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void dateTime(PreparedStatement statement, int index, Instant instant)
        throws SQLException {
      if (instant == null) {
        statement.setNull(index, Types.TIMESTAMP);
      } else {
        statement.setObject(index, utc(instant));
      }
    }

    private static void date(PreparedStatement statement, int index, LocalDate date)
        throws SQLException {
      if (date == null) {
        statement.setNull(index, Types.DATE);
      } else {
        statement.setObject(index, date);
      }
    }
  }
}
