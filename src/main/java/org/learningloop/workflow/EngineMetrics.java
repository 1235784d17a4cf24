package org.learningloop.workflow;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.learningloop.common.RecentReading;
import org.springframework.stereotype.Component;

/**
 * The workflow engine as operators watch it: this node's job acquisitions (the engine's own
 * counters: what it wrote to its metrics table for this node, plus what it has counted since its
 * last write), jobs that failed every retry, and open incidents (two counts per scrape).
 */
@Component
class EngineMetrics implements MeterBinder {

  private record Troubles(long failedJobs, long openIncidents) {}

  private final ProcessEngine engine;
  private final RecentReading<Troubles> troubles;

  EngineMetrics(ProcessEngine engine) {
    this.engine = engine;
    this.troubles =
        new RecentReading<>(
            () ->
                new Troubles(
                    engine.getManagementService().createJobQuery().noRetriesLeft().count(),
                    engine.getRuntimeService().createIncidentQuery().count()),
            Duration.ofSeconds(5));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(
        registry,
        "learningloop.engine.job.acquisitions",
        "Job acquisition attempts of this node's job executor",
        Metrics.JOB_ACQUISITION_ATTEMPT);
    counter(
        registry,
        "learningloop.engine.jobs.acquired",
        "Jobs this node's job executor acquired",
        Metrics.JOB_ACQUIRED_SUCCESS);
    counter(
        registry,
        "learningloop.engine.jobs.acquisition.failures",
        "Jobs this node's job executor tried to acquire but another node had",
        Metrics.JOB_ACQUIRED_FAILURE);
    counter(
        registry,
        "learningloop.engine.jobs.executed.failures",
        "Job executions on this node that failed (each retry counts)",
        Metrics.JOB_FAILED);
    Gauge.builder("learningloop.engine.jobs.failed", () -> troubles.get().failedJobs())
        .description("Jobs that failed every retry and wait for an operator")
        .register(registry);
    Gauge.builder("learningloop.engine.incidents.open", () -> troubles.get().openIncidents())
        .description("Open incidents in the workflow engine")
        .register(registry);
  }

  private void counter(MeterRegistry registry, String name, String description, String metric) {
    FunctionCounter.builder(name, engine, e -> count(e, metric))
        .description(description)
        .register(registry);
  }

  private static double count(ProcessEngine engine, String metric) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Meter unreported =
        configuration.getMetricsRegistry() == null
            ? null
            : configuration.getMetricsRegistry().getDbMeterByName(metric);
    long reported =
        engine
            .getManagementService()
            .createMetricsQuery()
            .name(metric)
            .reporter(configuration.getHostname())
            .sum();
    return reported + (unreported == null ? 0 : unreported.get());
  }
}
