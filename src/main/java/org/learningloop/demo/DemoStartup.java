package org.learningloop.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the demo users (and, after them, the demo data: the year's story) in place when switched on.
 * A runner, so it finishes before the application reports ready: nobody is sent here before the
 * demo users exist and the story is written.
 */
@Component
@Order(DemoStartup.ORDER)
class DemoStartup implements ApplicationRunner {

  /** After the initial administrator. */
  static final int ORDER = 100;

  private final DemoProperties properties;
  private final DemoUsers users;
  private final DemoStory story;
  private final DemoDipSamples dipSamples;

  DemoStartup(
      DemoProperties properties, DemoUsers users, DemoStory story, DemoDipSamples dipSamples) {
    this.properties = properties;
    this.users = users;
    this.story = story;
    this.dipSamples = dipSamples;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.users()) {
      users.ensurePresent();
      // The demo data names the demo users, so it comes only with them.
      if (properties.data()) {
        story.ensurePresent();
        dipSamples.ensurePresent();
      }
    }
  }
}
