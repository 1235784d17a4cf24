package org.learningloop.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's side of start-up work that replays time (the demo story): the engine's clock moved
 * with the application's ({@link org.learningloop.common.ApplicationClock}), its timers run at the
 * moments they fall due, one after another on the caller's thread, and the job executor held off
 * meanwhile so that no timer fires on another thread at a moment of its own. Not for use while the
 * application serves people.
 */
@Component
public class EngineTime {

  /** Jobs asked for at once; the loop asks again until none is due. */
  private static final int BATCH = 20;

  private final ManagementService management;
  private final ObjectProvider<JobExecutor> jobExecutor;
  private boolean executorWasActive;

  EngineTime(ManagementService management, ObjectProvider<JobExecutor> jobExecutor) {
    this.management = management;
    this.jobExecutor = jobExecutor;
  }

  /** Stops the job executor acquiring jobs, remembering whether it ran. */
  public synchronized void holdJobs() {
    JobExecutor executor = jobExecutor.getIfAvailable();
    executorWasActive = executor != null && executor.isActive();
    if (executorWasActive) {
      executor.shutdown();
    }
  }

  /** Starts the job executor again if {@link #holdJobs()} stopped it. */
  public synchronized void releaseJobs() {
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executorWasActive && executor != null) {
      executor.start();
    }
    executorWasActive = false;
  }

  /** The engine's clock at {@code moment}. */
  public void moveTo(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  /** The engine's clock back to the system's. */
  public void reset() {
    ClockUtil.reset();
  }

  /**
   * Runs every job due by the engine's clock (timers), earliest first, including any that running
   * one makes due; a job that fails throws.
   *
   * @return how many ran
   */
  public int runDueJobs() {
    int ran = 0;
    while (true) {
      List<Job> due =
          management
              .createJobQuery()
              .executable()
              .orderByJobDuedate()
              .asc()
              .orderByJobId()
              .asc()
              .listPage(0, BATCH);
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        ran++;
      }
    }
  }
}
