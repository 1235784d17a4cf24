package org.learningloop.workflow;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A graceful end for the job executor: when the application starts to shut down, no more jobs are
 * acquired (so none are locked here and left for the lock to expire on another node), and the jobs
 * already running finish within {@code spring.lifecycle.timeout-per-shutdown-phase} before the
 * engine and the database pool close. Left to itself, the engine's thread pool would interrupt
 * running jobs at the first sign of shutdown.
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorShutdown {

  static final String TASK_EXECUTOR =
      DefaultJobConfiguration.JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER;

  @Bean
  static BeanPostProcessor jobsFinishOnShutdown() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (TASK_EXECUTOR.equals(beanName) && bean instanceof ThreadPoolTaskExecutor pool) {
          pool.setWaitForTasksToCompleteOnShutdown(true);
          pool.setAwaitTerminationSeconds(30);
        }
        return bean;
      }
    };
  }

  @Bean
  ApplicationListener<ContextClosedEvent> stopAcquiringJobsOnShutdown(
      ApplicationContext context, ObjectProvider<JobExecutor> jobExecutor) {
    // Stops the acquisition thread only; the jobs it handed to the pool run on.
    return event -> {
      if (event.getApplicationContext() == context) {
        jobExecutor.ifAvailable(JobExecutor::shutdown);
      }
    };
  }
}
