package org.learningloop.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, in the council's time zone; tests replace it to move time.
 */
@Configuration
public class TimeConfiguration {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Bean
  Clock clock() {
    return Clock.system(LONDON);
  }
}
