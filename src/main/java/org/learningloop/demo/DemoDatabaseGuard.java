package org.learningloop.demo;

import java.util.Locale;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Refuses to start the application with the demo users (everyone's password is {@code demo}, one of
 * them an administrator) on anything but the embedded H2 database: a real installation must never
 * get them, whatever profile is or is not set. Runs before any bean is made, so nothing touches the
 * database first. Throwaway test databases may opt in with {@code
 * learning-loop.demo.allow-external-database=true}.
 */
final class DemoDatabaseGuard implements BeanFactoryPostProcessor {

  static final String ALLOW = "learning-loop.demo.allow-external-database";

  private final Environment environment;

  DemoDatabaseGuard(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    check(environment);
  }

  static void check(Environment environment) {
    boolean demoUsers = environment.getProperty("learning-loop.demo.users", Boolean.class, false);
    boolean allowed = environment.getProperty(ALLOW, Boolean.class, false);
    String url = environment.getProperty("spring.datasource.url", "");
    if (demoUsers && !allowed && !embedded(url)) {
      throw new IllegalStateException(
          "The demo users (password 'demo') are only for the embedded H2 database, and the"
              + " database here is "
              + url.replaceAll("//[^/@]*@", "//")
              + ". Set learning-loop.demo.users=false (the 'mysql' profile does).");
    }
  }

  private static boolean embedded(String url) {
    return url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
  }
}
