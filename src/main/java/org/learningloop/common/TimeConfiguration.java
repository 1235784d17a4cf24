package org.learningloop.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, in the council's time zone: an {@link ApplicationClock},
 * which start-up work that replays time (the demo story) may hold at a moment; tests replace it to
 * move time.
 */
@Configuration
public class TimeConfiguration {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Bean
  ApplicationClock clock() {
    return new ApplicationClock(Clock.system(LONDON));
  }
}
