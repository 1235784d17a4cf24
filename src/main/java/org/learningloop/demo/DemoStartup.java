package org.learningloop.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Puts the demo users (and, later in start-up order, the demo data) in place when switched on. */
@Component
class DemoStartup implements ApplicationRunner {

  private final DemoProperties properties;
  private final DemoUsers users;

  DemoStartup(DemoProperties properties, DemoUsers users) {
    this.properties = properties;
    this.users = users;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.users()) {
      users.ensurePresent();
    }
  }
}
