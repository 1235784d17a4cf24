package org.learningloop.directory;

import java.util.List;
import org.learningloop.common.DomainException;

/** A staff file that was not loaded, with every bad line and column; nothing of it was written. */
public final class StaffFileRejected extends DomainException {

  private StaffFileRejected(Kind kind, String title, String detail, List<FieldError> errors) {
    super(kind, "invalid-staff-file", title, detail, errors);
  }

  static StaffFileRejected badLines(List<FieldError> errors, long badLines) {
    return new StaffFileRejected(
        Kind.INVALID,
        "Staff file rejected",
        badLines == 0
            ? "The file cannot be read; see errors. Nothing was loaded."
            : badLines
                + (badLines == 1 ? " line is" : " lines are")
                + " wrong; see errors. Nothing was loaded.",
        errors);
  }

  static StaffFileRejected unreadable(String message) {
    return badLines(List.of(new FieldError("file", message)), 0);
  }

  static StaffFileRejected tooLarge(int maxRows) {
    return new StaffFileRejected(
        Kind.TOO_LARGE,
        "Staff file too large",
        "A staff file has at most " + maxRows + " rows; split it. Nothing was loaded.",
        List.of());
  }
}
