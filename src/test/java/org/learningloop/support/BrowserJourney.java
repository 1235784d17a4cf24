package org.learningloop.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test of pages in a real headless Chromium. Every browser test extends this, so they all have
 * the same configuration and share one application context (and its random port); each class gets
 * one browser, opened on first use and closed after the class, and {@link #browser()} hands it over
 * signed out. Without Chromium or chromedriver every class fails before the application starts,
 * with one message naming the install command.
 */
@ExtendWith(BrowserJourney.ChromiumInstalled.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class BrowserJourney {

  /**
   * Runs before Spring starts the application: without Chromium or its driver, each page test class
   * fails at once with the one message of {@link Browser#requireInstalled}.
   */
  static final class ChromiumInstalled implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
      Browser.requireInstalled(Browser.chromium(), Browser.chromedriver());
    }
  }

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
