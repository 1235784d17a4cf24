package org.learningloop.reporting;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.learningloop.audit.AuditStatistics;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A benchmark program, not a test: loads N audits into a fresh MariaDB/MySQL schema ({@code learningloop_bench}) and
 * times the reports' queries. Run it with (see README, "Reports"):
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.mainClass=org.learningloop.reporting.AuditSummaryBenchmark \
 *     -Dexec.classpathScope=test -Dbenchmark.audits=200000
 * </pre>
 *
 * The audits are spread over {@code benchmark.years} years (default: one per 100,000 audits, at least one), so the
 * timed twelve months hold about 100,000 audits whatever N is: as many as 1,000,000 audits over ten years would.
 */
public final class AuditSummaryBenchmark {

  private static final String[] GRADES = {"OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"};
  private static final String[] FACTORS = {
    "PERMANENCE_DRIFT_DELAY", "ASSESSMENT_QUALITY", "SIGNIFICANT_HARM_RISK", "OVERSIGHT_ESCALATION", "CHILD_VOICE", "PLANNING"
  };

  private AuditSummaryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int audits = Integer.getInteger("benchmark.audits", 200_000);
    int years = Integer.getInteger("benchmark.years", Math.max(1, audits / 100_000));
    String server = System.getProperty("benchmark.db.host", "127.0.0.1:3306");
    String url = "jdbc:mysql://" + server + "/learningloop_bench?createDatabaseIfNotExist=true&rewriteBatchedStatements=true"
        + "&sendFractionalSeconds=false&nullDatabaseMeansCurrent=true";
    String user = System.getProperty("benchmark.db.username", "root");
    String password = System.getProperty("benchmark.db.password", "");

    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("drop database if exists learningloop_bench");
      s.execute("create database learningloop_bench character set utf8mb4 collate utf8mb4_unicode_ci");
    }
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/mysql").load().migrate();

    YearMonth last = YearMonth.of(2025, 12);
    YearMonth first = last.minusYears(years).plusMonths(1);
    long started = System.nanoTime();
    load(dataSource.getConnection(), audits, first, last);
    System.out.printf("Loaded %,d audits over %s to %s in %.1f s%n", audits, first, last, (System.nanoTime() - started) / 1e9);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze table audit, audit_factor");
    }

    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean(NamedParameterJdbcTemplate.class, () -> new NamedParameterJdbcTemplate(dataSource));
      // The audit module keeps its query class package-private; the benchmark registers it as the application would.
      context.registerBean(Class.forName("org.learningloop.audit.AuditStatisticsQueries"));
      context.refresh();
      AuditStatistics statistics = context.getBean(AuditStatistics.class);
      AuditSummaries summaries = new AuditSummaries(statistics);
      DipSamples dipSamples = new DipSamples(statistics);
      ReportPeriod twelveMonths = new ReportPeriod(last.minusMonths(11), last);
      ReportPeriod twoMonths = new ReportPeriod(last.minusMonths(1), last);
      for (int round = 1; round <= 5; round++) {
        time("round " + round + ": audit summary, 12 months", () -> summaries.summarise(twelveMonths).audits());
        time("round " + round + ": audit summary, 2 months", () -> summaries.summarise(twoMonths).audits());
        time("round " + round + ": dip samples, 12 months", () -> dipSamples.summarise(twelveMonths).total());
      }
    }
  }

  private interface Measured {
    long run();
  }

  private static void time(String what, Measured measured) {
    long start = System.nanoTime();
    long n = measured.run();
    System.out.printf("%-45s %7.1f ms  (%,d audits)%n", what, (System.nanoTime() - start) / 1e6, n);
  }

  private static void load(Connection c, int audits, YearMonth first, YearMonth last) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("insert into service_area (id, name) values (1, 'Help and Protect'), (2, 'Corporate Parenting')");
      StringBuilder teams = new StringBuilder("insert into team (id, name, service_area_id) values ");
      for (int t = 1; t <= 40; t++) {
        teams.append(t == 1 ? "" : ",").append("(").append(t).append(", 'Team ").append(t).append("', ").append(1 + t % 2).append(")");
      }
      s.execute(teams.toString());
      StringBuilder staff = new StringBuilder("insert into staff (id, username, email, display_name, team_id) values ");
      for (int p = 1; p <= 400; p++) {
        staff.append(p == 1 ? "" : ",").append("(").append(p).append(", 'p").append(p).append("', 'p").append(p)
            .append("@bench.example', 'Person ").append(p).append("', ").append(1 + p % 40).append(")");
      }
      s.execute(staff.toString());
    }
    long days = last.atEndOfMonth().toEpochDay() - first.atDay(1).toEpochDay() + 1;
    Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
    SplittableRandom random = new SplittableRandom(20240312L);
    String insertAudit =
        "insert into audit (id, ref, audit_date, audit_type, theme, service_area_id, team_id, practitioner_id, team_manager_id,"
            + " auditor_id, child_ref, auditor_grade, moderator_id, moderation_date, moderated_grade, effective_grade,"
            + " created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    try (PreparedStatement audit = c.prepareStatement(insertAudit);
        PreparedStatement factor = c.prepareStatement("insert into audit_factor (audit_id, factor_code) values (?, ?)")) {
      for (int id = 1; id <= audits; id++) {
        LocalDate date = LocalDate.ofEpochDay(first.atDay(1).toEpochDay() + random.nextLong(days));
        boolean thematic = random.nextInt(10) == 0;
        String grade = GRADES[Math.min(3, Math.max(0, (int) Math.round(random.nextGaussian() * 0.8 + 2)))];
        boolean moderated = random.nextInt(10) < 4;
        String moderatedGrade = moderated ? (random.nextInt(10) == 0 ? GRADES[Math.min(3, Arrays.asList(GRADES).indexOf(grade) + 1)] : grade) : null;
        String effective = moderated ? moderatedGrade : grade;
        int team = 1 + random.nextInt(40);
        audit.setLong(1, id);
        audit.setString(2, "BENCH-" + id);
        audit.setDate(3, Date.valueOf(date));
        audit.setString(4, thematic ? "THEMATIC_DIP_SAMPLE" : "DEEP_DIVE");
        audit.setString(5, thematic ? "Theme " + random.nextInt(12) : null);
        audit.setLong(6, 1 + team % 2);
        audit.setLong(7, team);
        audit.setLong(8, 41 + random.nextInt(300));
        audit.setLong(9, 1 + random.nextInt(40));
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
          for (int f = 0; f < how; f++) {
            factor.setLong(1, id);
            factor.setString(2, FACTORS[(start + f) % FACTORS.length]);
            factor.addBatch();
          }
        }
        if (id % 5_000 == 0 || id == audits) {
          audit.executeBatch();
          factor.executeBatch();
          c.commit();
        }
      }
    }
    c.close();
  }
}
