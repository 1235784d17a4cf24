package org.learningloop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures of one run: {@code target/bench/results.json}, and the table between the markers in
 * {@code docs/benchmarks.md} (the rest of that page, the analysis, is written by hand and kept).
 */
final class Results {

  static final Path JSON = Path.of("target/bench/results.json");
  static final Path PAGE = Path.of("docs/benchmarks.md");
  static final String BEGIN = "<!-- bench:results:begin -->";
  static final String END = "<!-- bench:results:end -->";

  /** Each target: the key, the comparison and the bound (or the key it is measured against). */
  private record Target(String key, String what, String op, String bound, String boundKey) {}

  private static final List<Target> TARGETS =
      List.of(
          new Target(
              "lifecycleRatio", "Follow-up lifecycle, median ours / bare", "<=", "1.3", null),
          new Target(
              "sqlPerStepApp",
              "SQL statements per business step, ours",
              "<=",
              "+ 2",
              "sqlPerStepBare"),
          new Target(
              "taskListP95Ms",
              "Task lists (mine, team, overdue; 50 rows), p95 ms",
              "<=",
              "50",
              null),
          new Target("dashboardP95Ms", "PI lead's dashboard, p95 ms", "<=", "200", null),
          new Target("reportMs", "12-month report, the slower, median ms", "<=", "1000", null),
          new Target("reportRatio", "That report / bare GROUP BY", "<=", "3", null),
          new Target(
              "importRowsPerSec",
              "CSV import, 10,000 rows, 20% inadequate, rows/s",
              ">=",
              "1000",
              null),
          new Target("sweepMs", "Reminder sweep over the open tasks, ms", "<=", "5000", null),
          new Target("jobsPerSec", "Outbox, due notifications sent a second", "", "", null),
          new Target("duplicateMails", "Outbox, emails sent twice", "<=", "0", null));

  private final Map<String, Object> values = new LinkedHashMap<>();

  void put(String key, Object value) {
    values.put(key, value);
  }

  /** When, where and on what: the date, the cores, memory, JDK, database server and load. */
  void machine(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    put("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    put("host", hostName());
    put("cores", Runtime.getRuntime().availableProcessors());
    put("memoryGb", memoryGb());
    put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
    put("database", jdbc.queryForObject("select version()", String.class));
    put(
        "innodbBufferPoolMb",
        jdbc.queryForObject("select @@innodb_buffer_pool_size", Long.class) / (1024 * 1024));
    put("loadAverageAtStart", loadAverage());
  }

  void write() throws IOException {
    put("loadAverageAtEnd", loadAverage());
    Files.createDirectories(JSON.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(JSON.toFile(), values);
    String table = table();
    String page =
        Files.exists(PAGE)
            ? Files.readString(PAGE, StandardCharsets.UTF_8)
            : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin < 0 || end < begin) {
      page = page + "\n" + BEGIN + "\n" + END + "\n";
      begin = page.indexOf(BEGIN);
      end = page.indexOf(END);
    }
    page = page.substring(0, begin + BEGIN.length()) + "\n" + table + page.substring(end);
    Files.writeString(PAGE, page, StandardCharsets.UTF_8);
    System.out.println("Wrote " + JSON + " and " + PAGE);
  }

  private String table() {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            "Run of %s on %s: %s cores, %s GB, %s, MariaDB %s (buffer pool %s MB); load average %s"
                + " at the start, %s at the end; whole run %s s. Data: %s.\n\n",
            values.get("date"),
            values.get("host"),
            values.get("cores"),
            values.get("memoryGb"),
            values.get("jdk"),
            values.get("database"),
            values.get("innodbBufferPoolMb"),
            values.get("loadAverageAtStart"),
            values.get("loadAverageAtEnd"),
            values.get("totalRuntimeS"),
            values.get("seed")));
    md.append("| key | what | measured | target | met |\n|---|---|---|---|---|\n");
    for (Target t : TARGETS) {
      Object measured = values.get(t.key());
      String target;
      String met;
      if (t.op().isEmpty()) {
        target = "recorded";
        met = "";
      } else if (t.boundKey() != null) {
        Object base = values.get(t.boundKey());
        double bound = number(base) + 2;
        target = "<= " + t.boundKey() + " + 2 = " + CountyScaleBenchmark.round1(bound);
        met = measured == null ? "?" : number(measured) <= bound ? "yes" : "**no**";
      } else {
        double bound = Double.parseDouble(t.bound());
        target = t.op() + " " + t.bound();
        met =
            measured == null
                ? "?"
                : (t.op().equals("<=") ? number(measured) <= bound : number(measured) >= bound)
                    ? "yes"
                    : "**no**";
      }
      md.append(
          String.format(
              "| `%s` | %s | %s | %s | %s |\n", t.key(), t.what(), measured, target, met));
    }
    md.append(
        "\nEvery figure of the run (`target/bench/results.json`):\n\n| key | value |\n|---|---|\n");
    values.forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    return md.toString();
  }

  private static double number(Object value) {
    return value == null ? Double.NaN : ((Number) value).doubleValue();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long memoryGb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return Math.round(Runtime.getRuntime().maxMemory() / 1e9);
  }

  private static double loadAverage() {
    return CountyScaleBenchmark.round2(
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
