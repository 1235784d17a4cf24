package org.learningloop.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.learningloop.security.LoginFailure.KeyType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lock-out after repeated failed sign-ins, per account and per client address. Failures are rows in
 * a table, so every app node sharing the database sees the same count; counting rows (not updating
 * a counter) means two nodes recording at once never lose one.
 */
@Service
class LoginThrottle {

  /** Which key is locked and for how much longer. */
  record Lock(String reason, Duration remaining) {

    /** Whole minutes, rounded up, for people. */
    long minutes() {
      return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }
  }

  private final LoginFailures failures;
  private final SecuritySettings.SignIn settings;
  private final Clock clock;

  LoginThrottle(LoginFailures failures, SecuritySettings settings, Clock clock) {
    this.failures = failures;
    this.settings = settings.signIn();
    this.clock = clock;
  }

  /**
   * Whether a sign-in as this user from this address must be refused without checking the password.
   */
  @Transactional(readOnly = true)
  Optional<Lock> lockFor(String username, String clientAddress) {
    Optional<Lock> account =
        lock(KeyType.ACCOUNT, account(username), settings.maxFailuresPerAccount(), "account");
    if (account.isPresent()) {
      return account;
    }
    return lock(KeyType.CLIENT, client(clientAddress), settings.maxFailuresPerClient(), "client");
  }

  /** Counts a failure against both keys; its own transaction, as the failed request rolls back. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void failed(String username, String clientAddress) {
    Instant now = clock.instant();
    if (username != null && !username.isBlank()) {
      failures.save(new LoginFailure(KeyType.ACCOUNT, account(username), now));
    }
    failures.save(new LoginFailure(KeyType.CLIENT, client(clientAddress), now));
  }

  /**
   * A successful sign-in clears the account's failures (not the address's: one good account must
   * not unlock it).
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void succeeded(String username) {
    String key = account(username);
    if (failures.lastFailure(KeyType.ACCOUNT, key).isPresent()) {
      failures.deleteAllFor(KeyType.ACCOUNT, key);
    }
  }

  /** Failures older than both the window and the lock no longer count: drop them. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  @Transactional
  void forgetOldFailures() {
    Duration keep =
        settings.window().compareTo(settings.lockDuration()) > 0
            ? settings.window()
            : settings.lockDuration();
    failures.deleteOlderThan(clock.instant().minus(keep));
  }

  private Optional<Lock> lock(KeyType type, String key, int maxFailures, String reason) {
    Instant now = clock.instant();
    if (failures.countSince(type, key, now.minus(settings.window())) < maxFailures) {
      return Optional.empty();
    }
    return failures
        .lastFailure(type, key)
        .map(last -> Duration.between(now, last.plus(settings.lockDuration())))
        .filter(remaining -> !remaining.isNegative() && !remaining.isZero())
        .map(remaining -> new Lock(reason, remaining));
  }

  static String account(String username) {
    return clip(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
  }

  private static String client(String address) {
    return clip(address == null ? "unknown" : address);
  }

  private static String clip(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100);
  }
}
