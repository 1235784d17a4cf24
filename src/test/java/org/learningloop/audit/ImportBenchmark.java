package org.learningloop.audit;

import static org.learningloop.audit.AuditFiles.csv;
import static org.learningloop.audit.AuditFiles.row;
import static org.learningloop.audit.AuditFiles.with;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.learningloop.LearningLoopApplication;
import org.learningloop.support.BenchmarkArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark program, not a test: starts the application (profile {@code mysql}) on a fresh
 * MariaDB/MySQL schema ({@code learningloop_import_bench}) and times the CSV import through the
 * real import service, in one transaction each as the endpoint runs it. Run it with (see README,
 * "CSV import"):
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.mainClass=org.learningloop.audit.ImportBenchmark \
 *     -Dexec.classpathScope=test -Dbenchmark.rows=5000
 * </pre>
 *
 * Each round imports a file of N new audits (about one in seven Inadequate, each opening a
 * follow-up and starting its process), the same file again (all unchanged), and the file with the
 * notes of one row in ten changed. Rounds use their own refs, so round 2 onwards runs on a warm JVM
 * and a non-empty register.
 */
public final class ImportBenchmark {

  private static final String SCHEMA = "learningloop_import_bench";
  private static final String IMPORTER = "auditor@learningloop.example";

  /**
   * -Dbenchmark.statements=false leaves out the statement counts (and the little time they take).
   */
  private static final boolean COUNT_STATEMENTS =
      Boolean.parseBoolean(System.getProperty("benchmark.statements", "true"));

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("benchmark.rows", 5_000);
    int rounds = Integer.getInteger("benchmark.rounds", 2);
    String server = System.getProperty("benchmark.db.host", "127.0.0.1:3306");
    String user = System.getProperty("benchmark.db.username", "root");
    String password = System.getProperty("benchmark.db.password", "");
    String url =
        "jdbc:mysql://"
            + server
            + "/"
            + SCHEMA
            + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true"
            + "&useUnicode=true&characterEncoding=UTF-8";

    try (Connection c =
            DriverManager.getConnection("jdbc:mysql://" + server + "/", user, password);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + SCHEMA);
      s.execute("create database " + SCHEMA + " character set utf8mb4 collate utf8mb4_unicode_ci");
    }

    // As arguments, so that they win over the profile's configuration.
    List<String> arguments =
        BenchmarkArguments.against(
            url,
            user,
            password,
            // Emails are queued in the outbox inside the import's transaction (timed); sending
            // them is not.
            "--learning-loop.mail.sender.enabled=false",
            "--learning-loop.mail.drop-folder=target/benchmark-mail",
            "--logging.level.root=WARN");
    if (COUNT_STATEMENTS) {
      // Counts and times every statement the import sends (see Statements below).
      arguments.add(
          "--spring.datasource.hikari.data-source-properties.queryInterceptors="
              + Statements.class.getName());
    }
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(LearningLoopApplication.class)
            .profiles("mysql")
            .run(arguments.toArray(String[]::new))) {
      AuditCsvImport importer = app.getBean(AuditCsvImport.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      for (int round = 1; round <= rounds; round++) {
        String prefix = "BENCH" + round;
        List<Map<String, String>> file = file(prefix, rows, 0, 7);
        List<Map<String, String>> changed = file(prefix, rows, 10, 7);
        byte[] first = csv(file).getBytes(StandardCharsets.UTF_8);
        byte[] tenth = csv(changed).getBytes(StandardCharsets.UTF_8);
        time(
            round,
            "first import",
            () -> importer.importFile(first, new AuditCsvImport.Importer(IMPORTER, true)));
        time(
            round,
            "re-import, all unchanged",
            () -> importer.importFile(first, new AuditCsvImport.Importer(IMPORTER, true)));
        time(
            round,
            "re-import, 10% changed",
            () -> importer.importFile(tenth, new AuditCsvImport.Importer(IMPORTER, true)));
        System.out.printf(
            "round %d: %,d audits, %,d follow-ups, %,d running processes in the database%n",
            round,
            jdbc.queryForObject("select count(*) from audit", Long.class),
            jdbc.queryForObject("select count(*) from follow_up", Long.class),
            jdbc.queryForObject(
                "select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null", Long.class));
      }
    }
  }

  /**
   * Imports a file of {@code rows} new audits, every {@code inadequateEvery}th Inadequate (each
   * opening a follow-up and starting its process), through the real import service in one
   * transaction, as the endpoint runs it; for the county-scale benchmark ({@code
   * org.learningloop.bench}). Answers how many audits it created.
   */
  public static long importNew(
      ApplicationContext app, String prefix, int rows, int inadequateEvery) {
    byte[] content = csv(file(prefix, rows, 0, inadequateEvery)).getBytes(StandardCharsets.UTF_8);
    return app.getBean(AuditCsvImport.class)
        .importFile(content, new AuditCsvImport.Importer(IMPORTER, true))
        .created();
  }

  /**
   * N rows in 5 teams with 60 practitioners, every {@code inadequateEvery}th Inadequate; {@code
   * changeEvery} > 0 gives every such row other notes.
   */
  private static List<Map<String, String>> file(
      String prefix, int rows, int changeEvery, int inadequateEvery) {
    List<Map<String, String>> file = new ArrayList<>(rows);
    String people = prefix.toLowerCase();
    for (int i = 1; i <= rows; i++) {
      int team = i % 5;
      Map<String, String> row =
          with(
              row(prefix + "-" + i),
              "audit_date",
              LocalDate.of(2023, 1, 1).plusDays(i % 360).toString(),
              "team",
              prefix + " Team " + team,
              "practitioner_email",
              people + ".p" + (i % 60) + "@council.example",
              "team_manager_email",
              people + ".m" + team + "@council.example",
              "grade",
              i % inadequateEvery == 0 ? "INADEQUATE" : "REQUIRES_IMPROVEMENT",
              "factors",
              i % inadequateEvery == 0 ? "PLANNING;RECORDING" : "",
              "notes",
              "Audit " + i + " of the benchmark file.");
      if (changeEvery > 0 && i % changeEvery == 0) {
        row = with(row, "notes", "Audit " + i + " of the benchmark file, revised.");
      }
      file.add(row);
    }
    return file;
  }

  private static void time(int round, String what, Supplier<AuditImportResult> run) {
    Statements.reset();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    AuditImportResult result = run.get();
    // The machine may be busy with other work: the importing thread's own CPU time varies less than
    // the wall time.
    System.out.printf(
        "round %d: %-26s %8.1f s, %5.1f s on the CPU  (created %,d, updated %,d, unchanged %,d)%n",
        round,
        what,
        (System.nanoTime() - start) / 1e9,
        (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
        result.created(),
        result.updated(),
        result.unchanged());
    if (COUNT_STATEMENTS) {
      Statements.print();
    }
  }

  /**
   * A Connector/J query interceptor: how many statements of each kind (verb and table) the import
   * sent, and the time from sending each to its answer. Round trips, not Java, are where an import
   * spends its time.
   */
  public static final class Statements implements QueryInterceptor {

    private static final Map<String, long[]> BY_KIND = new ConcurrentHashMap<>();
    private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

    /** How much of a statement names it when no table can be made out (-Dbenchmark.sql-chars). */
    private static final int SQL_SHOWN = Integer.getInteger("benchmark.sql-chars", 60);

    private static final Pattern TABLE =
        Pattern.compile("\\b(?:from|into|update)\\s+`?(\\w+)", Pattern.CASE_INSENSITIVE);

    static void reset() {
      BY_KIND.clear();
    }

    static void print() {
      long count = BY_KIND.values().stream().mapToLong(v -> v[0]).sum();
      long nanos = BY_KIND.values().stream().mapToLong(v -> v[1]).sum();
      System.out.printf(
          "    %,d statements, %.1f s waiting for them; the most frequent:%n", count, nanos / 1e9);
      BY_KIND.entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
          .limit(Integer.getInteger("benchmark.statement-kinds", 12))
          .forEach(
              e ->
                  System.out.printf(
                      "    %,8d  %6.1f s  %s%n",
                      e.getValue()[0], e.getValue()[1] / 1e9, e.getKey()));
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
      return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
      STARTED.set(System.nanoTime());
      return null;
    }

    @Override
    public <T extends Resultset> T postProcess(
        Supplier<String> sql, Query query, T result, ServerSession session) {
      Long started = STARTED.get();
      if (started != null) {
        long[] totals = BY_KIND.computeIfAbsent(kind(sql.get()), k -> new long[2]);
        synchronized (totals) {
          totals[0]++;
          totals[1] += System.nanoTime() - started;
        }
      }
      return null;
    }

    /** A statement's kind: its verb and first table, or its start when no table can be made out. */
    public static String kind(String sql) {
      if (sql == null) {
        return "?";
      }
      String head = sql.strip();
      head = head.length() > 4000 ? head.substring(0, 4000) : head;
      String verb = head.split("\\s+", 2)[0];
      Matcher table = TABLE.matcher(head);
      if (table.find()) {
        return (verb + " " + table.group(1)).toLowerCase(Locale.ROOT);
      }
      return head.substring(0, Math.min(SQL_SHOWN, head.length())).replaceAll("\\s+", " ");
    }

    @Override
    public boolean executeTopLevelOnly() {
      return true;
    }

    @Override
    public void destroy() {}
  }
}
