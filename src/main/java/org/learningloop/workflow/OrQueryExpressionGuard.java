package org.learningloop.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Refuses a task query that carries an expression in any of its "or" branches. The engine's own
 * switches ({@code enable-expressions-in-adhoc-queries} / {@code -stored-queries}: false) check the
 * main query only; an expression inside {@code orQueries} (for example through {@code POST
 * /engine-rest/task}) would still be evaluated, and an expression can call any bean method.
 */
@Component
class OrQueryExpressionGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Guard(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private static final class Guard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof TaskQueryImpl query
          && expressionsForbidden()
          && hasExpression(query)) {
        throw new BadUserRequestException(
            "Expressions are forbidden in adhoc queries, including their 'or' queries.");
      }
      return next.execute(command);
    }

    private boolean expressionsForbidden() {
      return !configuration.isEnableExpressionsInAdhocQueries()
          || !configuration.isEnableExpressionsInStoredQueries();
    }

    private static boolean hasExpression(TaskQueryImpl query) {
      for (TaskQueryImpl branch : query.getQueries()) {
        if (branch.getExpressions() != null && !branch.getExpressions().isEmpty()) {
          return true;
        }
      }
      return false;
    }
  }
}
