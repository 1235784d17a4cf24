package org.learningloop.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows of audit import files, by what became of them: created, updated, unchanged (counted once the
 * import is committed) or in a rejected file (nothing of which was written).
 */
@Component
class AuditImportMetrics {

  private final Counter created;
  private final Counter updated;
  private final Counter unchanged;
  private final Counter rejected;

  AuditImportMetrics(MeterRegistry registry) {
    this.created = counter(registry, "created");
    this.updated = counter(registry, "updated");
    this.unchanged = counter(registry, "unchanged");
    this.rejected = counter(registry, "rejected");
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("learningloop.audit.import.rows")
        .description("Rows of audit import files, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Counts the rows of an import once its transaction commits. */
  void imported(AuditImportResult result) {
    Runnable count =
        () -> {
          created.increment(result.created());
          updated.increment(result.updated());
          unchanged.increment(result.unchanged());
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              count.run();
            }
          });
    } else {
      count.run();
    }
  }

  void rejected(long rows) {
    rejected.increment(rows);
  }
}
