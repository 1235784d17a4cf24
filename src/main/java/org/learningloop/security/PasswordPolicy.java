package org.learningloop.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.learningloop.common.DomainException;
import org.springframework.stereotype.Component;

/**
 * The rule for passwords an administrator sets (ASVS 2.1): at least {@value #MIN_LENGTH} characters, at most {@value
 * #MAX_LENGTH}, not the username (nor containing it), and not a commonly used password. No composition rules (NIST
 * 800-63B): length beats them.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private final Set<String> common;

  public PasswordPolicy() {
    this.common = load("/security/common-passwords.txt");
  }

  /** Refuses a password that breaks the rule, naming every reason. */
  public void check(String username, String password) {
    List<DomainException.FieldError> errors = new ArrayList<>();
    String candidate = password == null ? "" : password;
    int length = candidate.codePointCount(0, candidate.length());
    if (length < MIN_LENGTH) {
      errors.add(new DomainException.FieldError("password", "must be at least " + MIN_LENGTH + " characters long"));
    }
    if (length > MAX_LENGTH) {
      errors.add(new DomainException.FieldError("password", "must be at most " + MAX_LENGTH + " characters long"));
    }
    String lower = candidate.toLowerCase(Locale.ROOT);
    if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
      errors.add(new DomainException.FieldError("password", "must not contain the username"));
    }
    if (common.contains(lower)) {
      errors.add(new DomainException.FieldError("password", "is too common: choose one that others do not use"));
    }
    if (!errors.isEmpty()) {
      throw new WeakPassword(errors);
    }
  }

  private static Set<String> load(String resource) {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      Set<String> words = new HashSet<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .forEach(words::add);
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A password that breaks the policy; a 400 problem listing why. */
  public static final class WeakPassword extends DomainException {

    WeakPassword(List<FieldError> errors) {
      super(Kind.INVALID, "weak-password", "Choose a stronger password",
          "The password does not meet the password rules; see errors.", errors);
    }
  }
}
