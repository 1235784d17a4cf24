package org.learningloop.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.learningloop.LearningLoopApplication;
import org.learningloop.audit.ImportBenchmark;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.directory.Directory;
import org.learningloop.notification.OutboxDrainBenchmark;
import org.learningloop.reminder.DashboardBenchmark;
import org.learningloop.reminder.ReminderSweep;
import org.learningloop.reporting.AuditSummaryBenchmark;
import org.learningloop.support.BenchmarkArguments;
import org.learningloop.workflow.tasks.OpenTasks;
import org.learningloop.workflow.tasks.TaskListView;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The county-scale benchmark program (README "Benchmarks"): our cost next to the bare engine's at
 * the scale of a large county, on MariaDB. Run it with {@code ./mvnw -Pbench verify}; it writes
 * {@code target/bench/results.json} and the table in {@code docs/benchmarks.md}.
 *
 * <p>The data is loaded by bulk SQL, once: a million audits over ten years with their follow-ups
 * ({@link AuditSummaryBenchmark#seed}) and 100,000 open follow-ups with their open tasks ({@link
 * OpenFollowUpSeed}); a later run finds the schema with the same shape (table {@code bench_seed})
 * and reuses it. Everything measured then goes through the application's own services, started as
 * in production (profile {@code mysql}), with the statements counted by datasource-proxy:
 *
 * <ol>
 *   <li>a whole follow-up through our services next to the bare engine's ({@link BareEngine}),
 *       rounds interleaved in this JVM;
 *   <li>the task lists and a PI lead's dashboard with 100,000 open follow-ups;
 *   <li>the twelve-month audit summary and follow-up KPIs at 1,000,000 audits, next to a bare GROUP
 *       BY;
 *   <li>a CSV import of 10,000 rows, 20% inadequate;
 *   <li>a reminder sweep over the open tasks, and 10,000 due notifications drained by two outbox
 *       senders;
 * </ol>
 *
 * and the floors: a {@code SELECT 1} round trip and a one-row insert with its commit.
 *
 * <p>Database from the environment: {@code BENCH_DB_HOST} (127.0.0.1), {@code BENCH_DB_PORT}
 * (3306), {@code BENCH_DB_NAME} (bench), {@code BENCH_DB_USER} (root), {@code BENCH_DB_PASSWORD}
 * (empty); {@code BENCH_AUDITS} and {@code BENCH_OPEN_FOLLOW_UPS} change the scale, and {@code
 * BENCH_ARMS} (e.g. {@code import,sweep}; of lifecycle, lists, reports, import, sweep) runs only
 * those arms.
 */
public final class CountyScaleBenchmark {

  private static final int LIFECYCLE_WARM_UP = 3;
  private static final int LIFECYCLE_ROUNDS = 15;

  private CountyScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    long began = System.nanoTime();
    // As LearningLoopApplication.main pins it on every node.
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    String host = env("BENCH_DB_HOST", "127.0.0.1");
    String port = env("BENCH_DB_PORT", "3306");
    String name = env("BENCH_DB_NAME", "bench");
    String user = env("BENCH_DB_USER", "root");
    String password = env("BENCH_DB_PASSWORD", "");
    int audits = Integer.parseInt(env("BENCH_AUDITS", "1000000"));
    int openFollowUps = Integer.parseInt(env("BENCH_OPEN_FOLLOW_UPS", "100000"));
    String server = "jdbc:mysql://" + host + ":" + port + "/";
    String url =
        server
            + name
            + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&useUnicode=true"
            + "&characterEncoding=UTF-8&rewriteBatchedStatements=true";
    Results results = new Results();
    String shape = "v1 audits=" + audits + " openFollowUps=" + openFollowUps;

    try (Connection c = DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      s.execute(
          "create database if not exists "
              + name
              + " character set utf8mb4 collate utf8mb4_unicode_ci");
    }
    HikariDataSource pool = pool(url, user, password, 4);
    try {
      results.machine(pool);
      seed(pool, url, user, password, name, shape, audits, openFollowUps, results);
      floors(pool, results);

      StatementCounter counter = new StatementCounter();
      String run = Long.toString(System.currentTimeMillis(), 36);
      try (ConfigurableApplicationContext app = start(url, user, password, counter);
          HikariDataSource barePool = pool(url, user, password, 4);
          BareEngine bare = new BareEngine(counter.wrap(barePool, "bare"))) {
        if (arm("lifecycle")) {
          lifecycle(app, bare, counter, run, results);
        }
        if (arm("lists")) {
          taskLists(app, results);
        }
        if (arm("reports")) {
          reports(app, results);
        }
        if (arm("import")) {
          importArm(app, counter, run, results);
        }
        if (arm("sweep")) {
          sweepAndOutbox(app, run, results);
        }
      }
    } finally {
      pool.close();
    }
    results.put("totalRuntimeS", round1((System.nanoTime() - began) / 1e9));
    results.write();
    // Everything is written; exec:java would otherwise wait for threads a library left running.
    System.exit(0);
  }

  // ---- seeding ----

  private static void seed(
      HikariDataSource pool,
      String url,
      String user,
      String password,
      String name,
      String shape,
      int audits,
      int openFollowUps,
      Results results)
      throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(pool);
    boolean reuse = false;
    try {
      reuse =
          shape.equals(jdbc.queryForObject("select shape from bench_seed limit 1", String.class));
    } catch (RuntimeException e) {
      // no seed yet
    }
    long started = System.nanoTime();
    if (reuse) {
      System.out.println("Reusing the seeded schema " + name + " (" + shape + ")");
      results.put("seed", "reused: " + shape);
    } else {
      System.out.println("Seeding " + name + " (" + shape + ") by bulk SQL");
      jdbc.execute("drop database " + name);
      jdbc.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
      jdbc.execute("use " + name);
      pool.getHikariPoolMXBean().softEvictConnections();
      Flyway.configure()
          .dataSource(url, user, password)
          .locations("classpath:db/migration/mysql")
          .load()
          .migrate();
      String loaded = AuditSummaryBenchmark.seed(pool, audits);
      try (Connection c = pool.getConnection()) {
        OpenFollowUpSeed.load(
            c, openFollowUps, Instant.now(), WorkingDayCalendar.englandAndWales());
        c.setAutoCommit(true);
      }
      jdbc.execute("analyze table audit, audit_factor, follow_up, open_task");
      jdbc.execute("create table bench_seed (shape varchar(200) not null)");
      jdbc.update("insert into bench_seed (shape) values (?)", shape);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("Seeded in %.0f s: %s%n", seconds, loaded);
      results.put("seed", "loaded in " + Math.round(seconds) + " s: " + loaded);
    }
  }

  // ---- floors ----

  private static void floors(DataSource pool, Results results) throws Exception {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute(
            "create table if not exists bench_floor (id bigint not null auto_increment primary key,"
                + " v varchar(20) not null)");
        s.execute("truncate table bench_floor");
      }
      double[] select = new double[2000];
      try (PreparedStatement one = c.prepareStatement("select 1")) {
        for (int i = 0; i < select.length; i++) {
          long t = System.nanoTime();
          try (ResultSet rs = one.executeQuery()) {
            rs.next();
          }
          select[i] = (System.nanoTime() - t) / 1e6;
        }
      }
      c.setAutoCommit(false);
      double[] insert = new double[500];
      try (PreparedStatement row = c.prepareStatement("insert into bench_floor (v) values (?)")) {
        for (int i = 0; i < insert.length; i++) {
          long t = System.nanoTime();
          row.setString(1, "row " + i);
          row.executeUpdate();
          c.commit();
          insert[i] = (System.nanoTime() - t) / 1e6;
        }
      }
      c.setAutoCommit(true);
      results.put("select1Ms", round3(median(select)));
      results.put("insertCommitMs", round3(median(insert)));
    }
  }

  // ---- the application ----

  private static ConfigurableApplicationContext start(
      String url, String user, String password, StatementCounter counter) {
    String[] arguments =
        BenchmarkArguments.against(
                url,
                user,
                password,
                // The benchmark drives the sweep and the senders itself, and the engine's timers
                // lie weeks ahead.
                "--learning-loop.reminders.enabled=false",
                "--learning-loop.mail.sender.enabled=false",
                "--learning-loop.mail.drop-folder=target/bench/mail",
                "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=WARN")
            .toArray(String[]::new);
    return new SpringApplicationBuilder(LearningLoopApplication.class)
        .profiles("mysql")
        .initializers(
            context ->
                context
                    .getBeanFactory()
                    .addBeanPostProcessor(
                        new BeanPostProcessor() {
                          @Override
                          public Object postProcessAfterInitialization(
                              Object bean, String beanName) {
                            return bean instanceof DataSource dataSource
                                    && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)
                                ? counter.wrap(dataSource, beanName)
                                : bean;
                          }
                        }))
        .run(arguments);
  }

  // ---- arm 1: one follow-up, ours next to the bare engine's ----

  private static void lifecycle(
      ConfigurableApplicationContext app,
      BareEngine bare,
      StatementCounter counter,
      String run,
      Results results) {
    OurLifecycle ours = new OurLifecycle(app);
    int rounds = LIFECYCLE_WARM_UP + LIFECYCLE_ROUNDS;
    ours.prepare(rounds);
    double[] oursMs = new double[LIFECYCLE_ROUNDS];
    double[] bareMs = new double[LIFECYCLE_ROUNDS];
    long oursStatements = 0;
    long bareStatements = 0;

    Lifecycle.Steps steps =
        step -> {
          counter.resume();
          try {
            step.run();
          } finally {
            counter.pause();
          }
        };
    for (int round = 0; round < rounds; round++) {
      // Interleaved, and each goes first in every other round.
      for (int turn = 0; turn < 2; turn++) {
        boolean ourTurn = (round + turn) % 2 == 0;
        counter.reset();
        long t = System.nanoTime();
        if (ourTurn) {
          ours.run("LC-" + run + "-" + round, steps);
        } else {
          bare.run("BARE-" + run + "-" + round, steps);
        }
        double ms = (System.nanoTime() - t) / 1e6;
        if (round >= LIFECYCLE_WARM_UP) {
          int i = round - LIFECYCLE_WARM_UP;
          if (ourTurn) {
            oursMs[i] = ms;
            oursStatements += counter.count();
          } else {
            bareMs[i] = ms;
            bareStatements += counter.count();
          }
          if (i == LIFECYCLE_ROUNDS - 1) {
            results.put(
                ourTurn ? "lifecycleOursStatements" : "lifecycleBareStatements",
                counter.mostFrequent(40, 1));
          }
        }
      }
    }
    double oursMedian = median(oursMs);
    double bareMedian = median(bareMs);
    double perStepOurs = (double) oursStatements / LIFECYCLE_ROUNDS / Lifecycle.STEPS;
    double perStepBare = (double) bareStatements / LIFECYCLE_ROUNDS / Lifecycle.STEPS;
    System.out.printf(
        "Lifecycle: ours %.1f ms median (%.1f statements a step), bare %.1f ms (%.1f a step)%n",
        oursMedian, perStepOurs, bareMedian, perStepBare);
    results.put("lifecycleOursMs", round1(oursMedian));
    results.put("lifecycleBareMs", round1(bareMedian));
    results.put("lifecycleRatio", round2(oursMedian / bareMedian));
    results.put("sqlPerStepApp", round1(perStepOurs));
    results.put("sqlPerStepBare", round1(perStepBare));
  }

  // ---- arm 2: task lists and the dashboard ----

  private static void taskLists(ConfigurableApplicationContext app, Results results) {
    OpenTasks tasks = app.getBean(OpenTasks.class);
    Set<String> groups =
        app.getBean(Directory.class)
            .findByUsername(OpenFollowUpSeed.OFFICER)
            .orElseThrow()
            .groupIds();
    double worst = 0;
    for (TaskListView view : List.of(TaskListView.MINE, TaskListView.TEAM, TaskListView.OVERDUE)) {
      double p95 =
          p95(
              5,
              40,
              () -> tasks.list(view, OpenFollowUpSeed.OFFICER, groups, 0, 50).totalElements());
      System.out.printf("Task list %s: %.1f ms p95%n", view, p95);
      results.put("taskList" + view + "P95Ms", round1(p95));
      worst = Math.max(worst, p95);
    }
    results.put("taskListP95Ms", round1(worst));
    LongSupplier dashboard = () -> DashboardBenchmark.as(app, "pi-lead").getAsInt();
    double p95 = p95(2, 15, dashboard);
    System.out.printf("Dashboard: %.1f ms p95 (%,d open follow-ups)%n", p95, dashboard.getAsLong());
    results.put("dashboardP95Ms", round1(p95));
    results.put("dashboardOpenFollowUps", dashboard.getAsLong());
  }

  // ---- arm 3: the reports ----

  private static void reports(ConfigurableApplicationContext app, Results results) {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    java.time.LocalDate[] year = AuditSummaryBenchmark.twelveMonths();
    Map<String, String> bareQueries = new LinkedHashMap<>();
    bareQueries.put(
        "audit summary",
        "select effective_grade, count(*) from audit where audit_date >= ? and audit_date < ?"
            + " group by effective_grade");
    bareQueries.put(
        "follow-up KPIs",
        "select status, count(*) from follow_up where audit_date >= ? and audit_date < ?"
            + " group by status");
    double slowest = 0;
    double ratio = 0;
    for (Map.Entry<String, LongSupplier> report :
        AuditSummaryBenchmark.twelveMonthReports(app).entrySet()) {
      double ms = median(times(1, 5, report.getValue()));
      String bareSql = bareQueries.get(report.getKey());
      double bareMs =
          median(times(1, 5, () -> jdbc.queryForList(bareSql, year[0], year[1]).size()));
      System.out.printf(
          "Report %s, 12 months: %.0f ms median; bare GROUP BY %.0f ms%n",
          report.getKey(), ms, bareMs);
      String key = report.getKey().startsWith("audit") ? "auditSummary" : "followUpKpis";
      results.put(key + "Ms", Math.round(ms));
      results.put(key + "BareGroupByMs", Math.round(bareMs));
      if (ms > slowest) {
        slowest = ms;
        ratio = ms / bareMs;
      }
    }
    results.put("reportMs", Math.round(slowest));
    results.put("reportRatio", round2(ratio));
  }

  // ---- arm 4: the import ----

  private static void importArm(
      ConfigurableApplicationContext app, StatementCounter counter, String run, Results results) {
    int rows = 10_000;
    counter.reset();
    counter.resume();
    long t = System.nanoTime();
    long created = ImportBenchmark.importNew(app, "IMP" + run, rows, 5);
    double seconds = (System.nanoTime() - t) / 1e9;
    counter.pause();
    System.out.printf(
        "Import: %,d rows (%,d created) in %.1f s, %,d statements%n",
        rows, created, seconds, counter.count());
    results.put("importSeconds", round1(seconds));
    results.put("importRowsPerSec", Math.round(rows / seconds));
    results.put("importStatements", counter.count());
    results.put("importStatementKinds", counter.mostFrequent(12, 1));
  }

  // ---- arm 5: the reminder sweep and the outbox ----

  private static void sweepAndOutbox(
      ConfigurableApplicationContext app, String run, Results results) throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    // Each run starts the ladder afresh for the seeded follow-ups.
    jdbc.update("delete from escalation_notice");
    jdbc.update("delete from follow_up_event where follow_up_id > ?", OpenFollowUpSeed.FIRST_ID);
    ReminderSweep sweep = app.getBean(ReminderSweep.class);
    Instant now = app.getBean(Clock.class).instant();
    long open = jdbc.queryForObject("select count(*) from open_task", Long.class);
    long due =
        jdbc.queryForObject(
            "select count(*) from open_task where due_at < utc_timestamp()", Long.class);
    long t = System.nanoTime();
    sweep.escalate(now);
    double first = (System.nanoTime() - t) / 1e6;
    long rungs =
        jdbc.queryForObject("select count(distinct rung_key) from escalation_notice", Long.class);
    t = System.nanoTime();
    sweep.escalate(now.plusSeconds(300));
    double again = (System.nanoTime() - t) / 1e6;
    System.out.printf(
        "Sweep over %,d open tasks (%,d overdue): first %.0f ms (%,d rungs recorded), the next %.0f ms%n",
        open, due, first, rungs, again);
    results.put("sweepOpenTasks", open);
    results.put("sweepOverdueTasks", due);
    results.put("sweepFirstMs", Math.round(first));
    results.put("sweepRungsRecorded", rungs);
    results.put("sweepMs", Math.round(again));

    OutboxDrainBenchmark.seed(jdbc, "bench-drain-" + run, 10_000, now);
    OutboxDrainBenchmark.Drained drained = OutboxDrainBenchmark.drain(app, 2);
    System.out.printf(
        "Outbox: %,d delivered by two senders in %,d ms, %d twice%n",
        drained.delivered(), drained.millis(), drained.duplicates());
    results.put("outboxDelivered", drained.delivered());
    results.put("jobsPerSec", Math.round(drained.delivered() * 1000.0 / drained.millis()));
    results.put("duplicateMails", drained.duplicates());
  }

  // ---- measuring ----

  private static double[] times(int warmUp, int n, LongSupplier run) {
    for (int i = 0; i < warmUp; i++) {
      run.getAsLong();
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      run.getAsLong();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    return ms;
  }

  private static double p95(int warmUp, int n, LongSupplier run) {
    double[] ms = times(warmUp, n, run);
    Arrays.sort(ms);
    return ms[(int) Math.ceil(0.95 * n) - 1];
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return new HikariDataSource(config);
  }

  /** Whether to run this arm: all by default, or those named in BENCH_ARMS (comma-separated). */
  private static boolean arm(String name) {
    String arms = env("BENCH_ARMS", "");
    return arms.isEmpty() || List.of(arms.split(",")).contains(name);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
