package org.learningloop.support;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test of pages in a real headless Chromium. Every browser test extends this, so they all have
 * the same configuration and share one application context (and its random port); each class gets
 * one browser, opened on first use and closed after the class, and {@link #browser()} hands it over
 * signed out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class BrowserJourney {

  private static Browser browser;

  @LocalServerPort protected int port;

  /** The class's browser, signed out. */
  protected Browser browser() {
    if (browser == null) {
      browser = Browser.open(port);
    }
    return browser.forgetSession();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
