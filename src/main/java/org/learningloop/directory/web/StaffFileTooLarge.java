package org.learningloop.directory.web;

import org.learningloop.common.DomainException;

/** A staff file over the size limit: refused before it is read to the end. */
final class StaffFileTooLarge extends DomainException {

  private StaffFileTooLarge(String detail) {
    super(Kind.TOO_LARGE, "staff-file-too-large", "Staff file too large", detail);
  }

  static StaffFileTooLarge of(int maxBytes) {
    return new StaffFileTooLarge(
        "A staff file has at most " + maxBytes / 1024 + " KB; split it. Nothing was loaded.");
  }
}
