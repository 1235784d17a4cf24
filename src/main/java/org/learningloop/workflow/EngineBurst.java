package org.learningloop.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.learningloop.common.Burst;
import org.springframework.stereotype.Component;

/**
 * A burst as one engine command, inside the caller's transaction: every engine call the work makes
 * joins that command (the engine reuses an open command context), so the engine flushes once, when
 * the work returns, and sends its inserts as JDBC batches rather than a round of statements per
 * process started.
 */
@Component
class EngineBurst implements Burst {

  private final ProcessEngine engine;

  EngineBurst(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void run(Runnable work) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              work.run();
              return null;
            });
  }
}
