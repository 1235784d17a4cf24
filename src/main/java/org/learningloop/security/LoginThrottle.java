package org.learningloop.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.learningloop.security.LoginFailure.KeyType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lock-out after repeated failed sign-ins, per account and per client address. Failures are rows in
 * a table, so every app node sharing the database sees the same count. An attempt is counted before
 * its password is checked ({@link #begin}): under a row lock per account and per address it counts
 * the failures in the window and, if the limit is not reached, records itself as a failure, which a
 * success then takes back ({@link #end}). Parallel attempts against one account are thus counted
 * one after another, on every node, and no more than the limit ever get their password checked.
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

  /** An attempt let through to the password check: the failures it recorded in advance. */
  record Attempt(String account, Long accountFailure, Long clientFailure) {}

  private final LoginFailures failures;
  private final SecuritySettings.SignIn settings;
  private final Clock clock;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  LoginThrottle(
      LoginFailures failures,
      SecuritySettings settings,
      Clock clock,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    this.failures = failures;
    this.settings = settings.signIn();
    this.clock = clock;
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Starts a sign-in attempt: refused while its account or address is locked; otherwise counted as
   * a failure until {@link #end} says it succeeded. Account before address, on every node, so two
   * attempts never wait for each other's locks crosswise.
   */
  Either begin(String username, String clientAddress) {
    String account = username == null || username.isBlank() ? null : account(username);
    String client = client(clientAddress);
    if (account != null) {
      ensureKey(KeyType.ACCOUNT, account);
    }
    ensureKey(KeyType.CLIENT, client);
    return newTransaction.execute(
        status -> {
          Instant now = clock.instant();
          if (account != null) {
            lockKey(KeyType.ACCOUNT, account);
            Optional<Lock> locked =
                lock(KeyType.ACCOUNT, account, settings.maxFailuresPerAccount(), "account");
            if (locked.isPresent()) {
              return new Either(locked.get(), null);
            }
          }
          lockKey(KeyType.CLIENT, client);
          Optional<Lock> locked =
              lock(KeyType.CLIENT, client, settings.maxFailuresPerClient(), "client");
          if (locked.isPresent()) {
            return new Either(locked.get(), null);
          }
          Long accountFailure =
              account == null
                  ? null
                  : failures.save(new LoginFailure(KeyType.ACCOUNT, account, now)).getId();
          Long clientFailure = failures.save(new LoginFailure(KeyType.CLIENT, client, now)).getId();
          return new Either(null, new Attempt(account, accountFailure, clientFailure));
        });
  }

  /** Either the lock that refused an attempt, or the attempt let through. */
  record Either(Lock refused, Attempt attempt) {}

  /**
   * Ends an attempt let through: a failure stays counted; a success clears the account's failures
   * and takes back the failure it recorded against the address (one good account must not unlock an
   * address, but its own sign-in is no failure).
   */
  void end(Attempt attempt, boolean succeeded) {
    if (!succeeded) {
      return;
    }
    newTransaction.executeWithoutResult(
        status -> {
          if (attempt.account() != null) {
            failures.deleteAllFor(KeyType.ACCOUNT, attempt.account());
          }
          failures.deleteById(attempt.clientFailure());
        });
  }

  /** The key's lock row, made on its first attempt; another node making it at once is fine. */
  private void ensureKey(KeyType type, String key) {
    Integer present =
        jdbc.queryForObject(
            "select count(*) from login_throttle_key where key_type = ? and key_value = ?",
            Integer.class,
            type.name(),
            key);
    if (present != null && present > 0) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "insert into login_throttle_key (key_type, key_value) values (?, ?)",
                  type.name(),
                  key));
    } catch (DuplicateKeyException madeByAnotherAttempt) {
      // made meanwhile by a parallel attempt: what we needed
    }
  }

  private void lockKey(KeyType type, String key) {
    jdbc.queryForList(
        "select key_value from login_throttle_key where key_type = ? and key_value = ? for update",
        type.name(),
        key);
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

  /**
   * Counts a failure against both keys after the fact (sign-ins count through {@link #begin}); its
   * own transaction.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void failed(String username, String clientAddress) {
    Instant now = clock.instant();
    if (username != null && !username.isBlank()) {
      failures.save(new LoginFailure(KeyType.ACCOUNT, account(username), now));
    }
    failures.save(new LoginFailure(KeyType.CLIENT, client(clientAddress), now));
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

  static String client(String address) {
    return clip(address == null ? "unknown" : address);
  }

  private static String clip(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100);
  }
}
