package org.learningloop.workflow;

import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.learningloop.common.ConcurrentChange;
import org.springframework.stereotype.Component;

/**
 * When two requests take the same step at once, the engine lets the first commit and refuses the
 * second with an {@link OptimisticLockingException} (or the database ends one as a deadlock
 * victim): for a person's request that is a {@link ConcurrentChange}, a 409 that says what
 * happened, not a 500. The whole request rolls back with it, so nothing is half-done. The job
 * executor's own commands are left alone: it expects the engine's exception and handles it (the job
 * runs again).
 */
@Component
class ConcurrentStepPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new Translator());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class Translator extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        if (Context.getJobExecutorContext() == null && lostARace(e)) {
          ConcurrentChange change = new ConcurrentChange();
          change.initCause(e);
          throw change;
        }
        throw e;
      }
    }

    private static boolean lostARace(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof OptimisticLockingException
            || t instanceof SQLTransactionRollbackException
            || t instanceof org.springframework.dao.PessimisticLockingFailureException) {
          return true;
        }
      }
      return false;
    }
  }
}
