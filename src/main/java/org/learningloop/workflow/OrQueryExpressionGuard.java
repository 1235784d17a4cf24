package org.learningloop.workflow;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Refuses a task query that carries an expression in any of its "or" branches. The engine's own
 * switches ({@code enable-expressions-in-adhoc-queries} / {@code -stored-queries}: false) check the
 * main query only; an expression inside {@code orQueries} (for example through {@code POST
 * /engine-rest/task}) would still be evaluated, and an expression can call any bean method. The
 * same holds for a task filter: saving one whose query has such a branch is refused, and so is
 * executing a filter whose stored or extending query has one.
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
      if (expressionsForbidden()) {
        if (command instanceof TaskQueryImpl query && hasExpression(query)) {
          throw refused();
        }
        if (command instanceof SaveFilterCmd save
            && field(SaveFilterCmd.class, "filter", save) instanceof Filter filter
            && filter.getQuery() instanceof TaskQueryImpl query
            && hasExpression(query)) {
          throw refused();
        }
        if (command instanceof AbstractExecuteFilterCmd execute) {
          refuseFilterExecutionWithExpressions(execute);
        }
      }
      return next.execute(command);
    }

    /**
     * A filter's stored query runs inside the filter command, not as a command of its own: check
     * the stored query (saved before this guard, or behind its back) and the query extending it.
     */
    private void refuseFilterExecutionWithExpressions(AbstractExecuteFilterCmd execute) {
      if (field(AbstractExecuteFilterCmd.class, "extendingQuery", execute)
              instanceof TaskQueryImpl extending
          && hasExpression(extending)) {
        throw refused();
      }
      if (field(AbstractExecuteFilterCmd.class, "filterId", execute) instanceof String filterId) {
        Filter filter = configuration.getFilterService().getFilter(filterId);
        if (filter != null
            && filter.getQuery() instanceof TaskQueryImpl stored
            && hasExpression(stored)) {
          throw refused();
        }
      }
    }

    /** The engine's commands keep what they act on in protected fields, with no getter. */
    private static Object field(Class<?> type, String name, Object command) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (ReflectiveOperationException e) {
        // An engine upgrade renamed it: refuse rather than let an unchecked query through.
        throw new IllegalStateException("Cannot check " + type.getSimpleName() + "." + name, e);
      }
    }

    private static BadUserRequestException refused() {
      return new BadUserRequestException(
          "Expressions are forbidden in adhoc and stored queries, including their 'or' queries.");
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
