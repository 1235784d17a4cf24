package org.learningloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;

/** Signing in and out in a real browser; every page on the way passes axe-core. */
class SignInJourneyTest extends BrowserJourney {

  @Test
  void aPersonSignsInSeesWhoTheyAreAndSignsOut() {
    Browser b = browser().go("/");
    assertThat(b.path()).isEqualTo("/login");
    b.assertAccessible("login");

    b.signIn("team-manager", "demo");
    assertThat(b.path()).startsWith("/").doesNotContain("login");
    assertThat(b.text())
        .contains("Welcome, Tom Manager", "Team Manager", "Help and Protect Team 1");
    b.assertAccessible("home");

    b.signOut();
    assertThat(b.path()).isEqualTo("/login?logout");
    assertThat(b.text()).contains("You have signed out");
    b.assertAccessible("signed-out");
  }

  @Test
  void aWrongPasswordShowsTheErrorSummary() {
    Browser b = browser().signIn("team-manager", "wrong");
    assertThat(b.path()).isEqualTo("/login?error");
    assertThat(b.text()).contains("There is a problem", "Enter a correct username and password");
    b.assertAccessible("login-error");
  }

  @Test
  void anUnknownPageShowsAFriendlyNotFoundPage() {
    Browser b = browser().signIn("practitioner", "demo").go("/no-such-page");
    assertThat(b.text()).contains("Page not found").doesNotContain("Exception", "Whitelabel");
    b.assertAccessible("not-found");
  }
}
