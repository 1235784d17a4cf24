package org.learningloop.directory.internal;

/** Names in the directory are trimmed and never blank. */
final class DirectoryNames {

  private DirectoryNames() {}

  static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A " + what + " needs a name");
    }
    return value.strip();
  }
}
