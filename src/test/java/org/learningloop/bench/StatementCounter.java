package org.learningloop.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.learningloop.audit.ImportBenchmark;

/**
 * Counts the statements sent through a data source wrapped by datasource-proxy: one per round trip
 * (a JDBC batch, which Connector/J rewrites into one multi-row statement, counts once), and by kind
 * (verb and first table, as the import's benchmark names them) with the time each kind took, as
 * evidence of where a step's time goes. Counting is switched on only around the steps measured, so
 * the benchmark's own look-ups are left out.
 */
final class StatementCounter implements QueryExecutionListener {

  private final AtomicLong statements = new AtomicLong();
  private final Map<String, long[]> byKind = new ConcurrentHashMap<>();
  private final ThreadLocal<Long> started = new ThreadLocal<>();
  private volatile boolean counting;

  DataSource wrap(DataSource dataSource, String name) {
    return ProxyDataSourceBuilder.create(dataSource).name(name).listener(this).build();
  }

  /** Forgets what was counted. */
  void reset() {
    statements.set(0);
    byKind.clear();
  }

  /** Counts from now on. */
  void resume() {
    counting = true;
  }

  /** Counts no more until {@link #resume()}. */
  void pause() {
    counting = false;
  }

  /** The statements counted since {@link #reset()}. */
  long count() {
    return statements.get();
  }

  /**
   * The most frequent kinds since {@link #reset()}, each as "count × kind (ms)", the count and time
   * divided by {@code per} (e.g. per lifecycle).
   */
  String mostFrequent(int limit, int per) {
    return byKind.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .limit(limit)
        .map(
            e ->
                String.format(
                    Locale.ROOT,
                    "%.1f × %s (%.1f ms)",
                    e.getValue()[0] / (double) per,
                    e.getKey(),
                    e.getValue()[1] / 1e6 / per))
        .collect(Collectors.joining("; "));
  }

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    started.set(System.nanoTime());
  }

  @Override
  public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    if (counting) {
      statements.incrementAndGet();
      String sql = queryInfoList.isEmpty() ? "?" : queryInfoList.get(0).getQuery();
      long[] totals =
          byKind.computeIfAbsent(ImportBenchmark.Statements.kind(sql), k -> new long[2]);
      synchronized (totals) {
        totals[0]++;
        totals[1] += System.nanoTime() - started.get();
      }
    }
  }
}
