package org.learningloop.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the demo users (and, after them, the demo data) in place when switched on. A runner, so it
 * finishes before the application reports ready: nobody is sent here before the demo users exist.
 */
@Component
@Order(DemoStartup.ORDER)
class DemoStartup implements ApplicationRunner {

  /** After the initial administrator. */
  static final int ORDER = 100;

  private final DemoProperties properties;
  private final DemoUsers users;
  private final DemoAudits audits;
  @org.springframework.beans.factory.annotation.Autowired private DemoDipSamples dipSamples;

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
        dipSamples.ensurePresent();
      }
    }
  }
}
