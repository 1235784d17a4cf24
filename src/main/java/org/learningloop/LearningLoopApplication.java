package org.learningloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Learning Loop: follow-up of inadequate case-file audits, from allocation until the loop is
 * closed.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LearningLoopApplication {

  /**
   * The JVM's own time zone, the same on every node: the JDBC driver converts timestamps (the
   * engine's timer due dates, claims, sent times) through it, so two nodes in different zones would
   * read each other's times hours apart. The council's zone, for working days and what people see,
   * is {@link org.learningloop.common.TimeConfiguration#LONDON}, set apart from this.
   */
  public static final String JVM_TIME_ZONE = "UTC";

  public static void main(String[] args) {
    pinTimeZone();
    SpringApplication.run(LearningLoopApplication.class, args);
  }

  /** Before anything reads the default zone. */
  static void pinTimeZone() {
    System.setProperty("user.timezone", JVM_TIME_ZONE);
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(JVM_TIME_ZONE));
  }
}
