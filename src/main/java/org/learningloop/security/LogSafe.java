package org.learningloop.security;

/**
 * Text from a request made safe for a log line: control characters (CR, LF, tab and the rest)
 * become {@code _}, so nobody can forge a log entry by putting a line break in a username; and it
 * is cut at 100 characters.
 */
public final class LogSafe {

  private static final int MAX = 100;

  private LogSafe() {}

  public static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX));
    for (int i = 0; i < value.length() && safe.length() < MAX; i++) {
      char c = value.charAt(i);
      safe.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '_' : c);
    }
    return safe.toString();
  }
}
