package org.learningloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SenderPropertiesTest {

  @Test
  void backOffDoublesAfterEachFailureUpToTheMaximum() {
    var properties =
        new SenderProperties(
            true,
            Duration.ofSeconds(10),
            50,
            Duration.ofMinutes(2),
            8,
            Duration.ofSeconds(30),
            Duration.ofMinutes(5));
    assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.backoffAfter(60)).isEqualTo(Duration.ofMinutes(5));
  }
}
