package org.learningloop.demo;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class DemoConfiguration {

  /** Static, so it runs before the configuration's other beans exist. */
  @Bean
  static BeanFactoryPostProcessor demoDatabaseGuard(Environment environment) {
    return new DemoDatabaseGuard(environment);
  }
}
