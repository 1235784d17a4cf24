package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffDetails;
import org.learningloop.directory.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Lock-out after repeated failures (per account, per client address, across nodes through the
 * table), the session and CSRF rules, and the security headers. Each test uses its own user and
 * client address, so counts never mix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SignInProtectionTest {

  private static final AtomicInteger NEXT = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired StaffRegistry staff;
  @Autowired LoginFailures failures;
  @Autowired SecuritySettings settings;
  @Autowired AccessLog accessLog;

  private String newUser(String password) {
    String username = "lockout-" + NEXT.incrementAndGet() + "-" + System.nanoTime();
    staff.addAbleToSignIn(
        List.of(
            new StaffDetails(
                username,
                username + "@learningloop.example",
                "Lock Out",
                Set.of(Role.AUDITOR),
                null,
                null,
                true)),
        password);
    return username;
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  /** The login form's POST, with its CSRF token, from the given client address. */
  private static MockHttpServletRequestBuilder login(
      String username, String password, String client) {
    return post("/login")
        .param("username", username)
        .param("password", password)
        .with(csrf())
        .with(from(client));
  }

  private static String address() {
    return "10.9." + (NEXT.incrementAndGet() % 250) + "." + (1 + NEXT.incrementAndGet() % 250);
  }

  @Test
  void fiveWrongPasswordsLockTheAccountAndTheLoginPageSaysSo() throws Exception {
    String user = newUser("right-password-123");
    String client = address();
    for (int i = 0; i < settings.signIn().maxFailuresPerAccount(); i++) {
      mvc.perform(login(user, "wrong", client)).andExpect(redirectedUrl("/login?error"));
    }
    // Even the right password is refused now, without being checked.
    mvc.perform(login(user, "right-password-123", client))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?locked=15"));
    mvc.perform(get("/login").param("locked", "15"))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "too many failed attempts to sign in. Try again in 15 minutes")));
    // From elsewhere too: the lock is on the account.
    mvc.perform(login(user, "right-password-123", address()))
        .andExpect(redirectedUrl("/login?locked=15"));

    assertThat(
            accessLog
                .search(new AccessLog.Filter(null, null, user, AccessLog.SIGN_IN, null), 0, 50)
                .entries())
        .extracting(AccessLog.Entry::action)
        .contains("SIGN_IN_FAILED", "SIGN_IN_LOCKED_OUT");
  }

  @Test
  void apiClientOfALockedAccountGetsTooManyRequestsWithRetryAfter() throws Exception {
    String user = newUser("right-password-123");
    for (int i = 0; i < settings.signIn().maxFailuresPerAccount(); i++) {
      mvc.perform(get("/api/admin/access-log").with(httpBasic(user, "wrong")).with(from(address())))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(
            get("/api/admin/access-log")
                .with(httpBasic(user, "right-password-123"))
                .with(from(address())))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", Matchers.matchesPattern("\\d+")))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.title").value("Too many failed sign-ins"));
    mvc.perform(get("/engine-rest/engine").with(httpBasic(user, "right-password-123")))
        .andExpect(status().isTooManyRequests());
  }

  @Test
  void successfulSignInClearsTheAccountsFailures() throws Exception {
    String user = newUser("right-password-123");
    String client = address();
    for (int i = 0; i < settings.signIn().maxFailuresPerAccount() - 1; i++) {
      mvc.perform(login(user, "wrong", client));
    }
    mvc.perform(login(user, "right-password-123", client))
        .andExpect(authenticated().withUsername(user));
    mvc.perform(login(user, "wrong", client)).andExpect(redirectedUrl("/login?error"));
    mvc.perform(login(user, "right-password-123", client))
        .andExpect(authenticated().withUsername(user));
  }

  @Test
  void oneClientAddressTryingManyAccountsIsLockedOut() throws Exception {
    String client = address();
    for (int i = 0; i < settings.signIn().maxFailuresPerClient(); i++) {
      failures.save(new LoginFailure(LoginFailure.KeyType.CLIENT, client, Instant.now()));
    }
    String user = newUser("right-password-123");
    mvc.perform(login(user, "right-password-123", client))
        .andExpect(redirectedUrl("/login?locked=15"));
    mvc.perform(login(user, "right-password-123", address())).andExpect(authenticated());
  }

  @Test
  void lockEndsOnceTheLockDurationHasPassedSinceTheLastFailure() {
    String user = newUser("right-password-123");
    // Whole milliseconds: the database keeps microseconds and may round.
    Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    LoginThrottle at = new LoginThrottle(failures, settings, Clock.fixed(start, ZoneOffset.UTC));
    for (int i = 0; i < settings.signIn().maxFailuresPerAccount(); i++) {
      at.failed(user, "10.8.0.1");
    }
    assertThat(at.lockFor(user, "10.8.0.2"))
        .hasValueSatisfying(
            lock -> {
              assertThat(lock.reason()).isEqualTo("account");
              assertThat(lock.remaining()).isEqualTo(settings.signIn().lockDuration());
            });
    Duration later = settings.signIn().lockDuration().plusSeconds(1);
    LoginThrottle afterwards =
        new LoginThrottle(failures, settings, Clock.fixed(start.plus(later), ZoneOffset.UTC));
    assertThat(afterwards.lockFor(user, "10.8.0.2")).isEmpty();
  }

  @Test
  void signingInGivesANewSessionId() throws Exception {
    MockHttpSession before = new MockHttpSession();
    String oldId = before.getId();
    var result =
        mvc.perform(login("auditor", "demo", address()).session(before))
            .andExpect(authenticated())
            .andReturn();
    assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(oldId);
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() throws Exception {
    mvc.perform(post("/login").param("username", "auditor").param("password", "demo"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/logout").with(httpBasic("auditor", "demo")))
        .andExpect(status().isForbidden());
    // The same form with its token is accepted.
    mvc.perform(login("auditor", "demo", address()))
        .andExpect(authenticated().withUsername("auditor"));
  }

  @Test
  void pagesSendTheSecurityHeaders() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")))
        .andExpect(header().string("Referrer-Policy", "same-origin"))
        .andExpect(header().string("Permissions-Policy", Matchers.containsString("camera=()")))
        .andExpect(header().doesNotExist("Strict-Transport-Security"));
    mvc.perform(get("/login").secure(true))
        .andExpect(
            header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
    mvc.perform(get("/engine-rest/engine").secure(true))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().exists("Strict-Transport-Security"));
  }

  @Test
  void loginPageOffersNoCouncilSignInWhenNoneIsConfigured() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.not(Matchers.containsString("Sign in with your council account"))));
  }
}
