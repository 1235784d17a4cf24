package org.learningloop.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Puts the demo users (and, later in start-up order, the demo data) in place when switched on. */
@Component
class DemoStartup implements ApplicationRunner {

  private final DemoProperties properties;
  private final DemoUsers users;
  private final DemoAudits audits;

  DemoStartup(DemoProperties properties, DemoUsers users, DemoAudits audits) {
    this.properties = properties;
    this.users = users;
    this.audits = audits;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.users()) {
      users.ensurePresent();
      // The demo data names the demo users, so it comes only with them.
      if (properties.data()) {
        audits.ensurePresent();
      }
    }
  }
}
