package org.learningloop.directory;

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

/**
 * What a password set in Learning Loop must be (OWASP ASVS 2.1): at least 12 characters, at most 72
 * bytes in UTF-8 (bcrypt reads no further, and refuses to hash more), not containing the username
 * or email, and not one of the passwords every attacker tries first ({@code
 * directory/common-passwords.txt}, compared without case).
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;

  /** bcrypt's limit: it hashes the first 72 bytes and refuses a longer password. */
  public static final int MAX_BYTES = 72;

  static final String COMMON_PASSWORDS = "directory/common-passwords.txt";

  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /** The reasons the password is refused; empty when it is acceptable. */
  public static List<String> problems(String password, String username, String email) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.length() < MIN_LENGTH) {
      problems.add("Enter a password of at least " + MIN_LENGTH + " characters");
      return problems;
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      problems.add(
          "Enter a password of at most "
              + MAX_BYTES
              + " characters (fewer if it has letters or symbols beyond plain English ones)");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if ((username != null
            && !username.isBlank()
            && lower.contains(username.toLowerCase(Locale.ROOT)))
        || (email != null && !email.isBlank() && lower.contains(email.toLowerCase(Locale.ROOT)))) {
      problems.add("The password must not contain the username or email address");
    }
    if (COMMON.contains(lower)) {
      problems.add("This password is too common: choose another");
    }
    return problems;
  }

  /** The list shipped with the application: one password a line, {@code #} starts a comment. */
  private static Set<String> load() {
    InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
    if (in == null) {
      throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
    }
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Set<String> common = new HashSet<>();
      lines
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .forEach(common::add);
      return Set.copyOf(common);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
