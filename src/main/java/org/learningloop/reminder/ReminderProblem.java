package org.learningloop.reminder;

import java.time.LocalDate;
import java.util.List;
import org.learningloop.common.DomainException;

/** A hand escalation or due-date extension that cannot be done as asked. */
class ReminderProblem extends DomainException {

  private ReminderProblem(
      Kind kind, String type, String title, String detail, List<FieldError> errors) {
    super(kind, type, title, detail, errors);
  }

  static ReminderProblem invalid(String field, String message) {
    return new ReminderProblem(
        Kind.INVALID,
        "invalid-request",
        "Invalid request",
        "Some fields are missing or wrong; see errors.",
        List.of(new FieldError(field, message)));
  }

  static ReminderProblem nothingDue(String detail) {
    return new ReminderProblem(
        Kind.CONFLICT, "nothing-due", "Nothing due to move", detail, List.of());
  }

  static ReminderProblem notYourArea(long followUpId) {
    return new ReminderProblem(
        Kind.FORBIDDEN,
        "not-your-service-area",
        "Not your service area",
        "Follow-up " + followUpId + " is in another service area.",
        List.of());
  }

  static ReminderProblem movedMeanwhile(String stage, LocalDate seen, LocalDate now) {
    return new ReminderProblem(
        Kind.CONFLICT,
        "concurrent-change",
        "Changed by someone else",
        "The "
            + stage
            + " due date was "
            + seen
            + " when you looked, but someone else has moved it to "
            + now
            + " since. Nothing was changed: reload, and extend it again if it still needs it.",
        List.of(new FieldError("currentDueDate", "is no longer the due date")));
  }
}
