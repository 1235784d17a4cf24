package org.learningloop.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password set in Learning Loop must be (OWASP ASVS 2.1): at least 12 characters, at most
 * 128, not the username or email, and not one of the passwords every attacker tries first.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private static final Set<String> COMMON =
      Set.of(
          "password1234",
          "123456789012",
          "qwertyuiop12",
          "passwordpassword",
          "letmein12345",
          "welcome12345",
          "iloveyou1234",
          "administrator",
          "changeme1234",
          "password123!",
          "qwerty123456",
          "111111111111",
          "abc123456789",
          "learningloop",
          "learning-loop",
          "socialcare123",
          "safeguarding");

  private PasswordPolicy() {}

  /** The reasons the password is refused; empty when it is acceptable. */
  public static List<String> problems(String password, String username, String email) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.length() < MIN_LENGTH) {
      problems.add("Enter a password of at least " + MIN_LENGTH + " characters");
      return problems;
    }
    if (password.length() > MAX_LENGTH) {
      problems.add("Enter a password of at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if ((username != null && lower.contains(username.toLowerCase(Locale.ROOT)))
        || (email != null && lower.contains(email.toLowerCase(Locale.ROOT)))) {
      problems.add("The password must not contain the username or email address");
    }
    if (COMMON.contains(lower)) {
      problems.add("This password is too common: choose another");
    }
    return problems;
  }
}
