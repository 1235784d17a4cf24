package org.learningloop.dipsample;

import java.util.List;
import org.learningloop.common.DomainException;

/** What can go wrong with an action, each named for the person who has to fix it. */
public final class ActionProblem extends DomainException {

  private ActionProblem(
      Kind kind, String type, String title, String detail, List<FieldError> errors) {
    super(kind, type, title, detail, errors);
  }

  static ActionProblem notFound(long id) {
    return new ActionProblem(
        Kind.NOT_FOUND,
        "action-not-found",
        "No such action",
        "There is no action " + id + " that you may see.",
        List.of(new FieldError("id", "no such action")));
  }

  static ActionProblem invalid(List<FieldError> errors) {
    return new ActionProblem(
        Kind.INVALID,
        "invalid-action",
        "Invalid action",
        "Some fields are missing or wrong; see errors.",
        errors);
  }

  static ActionProblem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  static ActionProblem invalidQuery(List<FieldError> errors) {
    return new ActionProblem(
        Kind.INVALID,
        "invalid-request",
        "Invalid request",
        "Some parameters are wrong; see errors.",
        errors);
  }

  static ActionProblem forbidden(String detail) {
    return new ActionProblem(
        Kind.FORBIDDEN, "action-forbidden", "Not yours to do", detail, List.of());
  }

  static ActionProblem outOfOrder(Long id, ActionStatus status, String what) {
    return new ActionProblem(
        Kind.CONFLICT,
        "action-out-of-order",
        "Step out of order",
        "Action "
            + id
            + " is "
            + status.label().toLowerCase(java.util.Locale.ROOT)
            + ": you cannot "
            + what
            + " now.",
        List.of());
  }

  /** The process was not waiting for this step: the domain change rolls back with it. */
  public static ActionProblem processOutOfStep(String detail) {
    return new ActionProblem(
        Kind.CONFLICT, "action-out-of-order", "Step out of order", detail, List.of());
  }
}
