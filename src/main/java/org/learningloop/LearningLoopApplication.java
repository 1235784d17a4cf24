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

  public static void main(String[] args) {
    SpringApplication.run(LearningLoopApplication.class, args);
  }
}
