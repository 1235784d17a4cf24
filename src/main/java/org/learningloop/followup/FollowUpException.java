package org.learningloop.followup;

import java.util.List;
import org.learningloop.common.DomainException;

/** What can go wrong with a follow-up, each with a factory that names it. */
public class FollowUpException extends DomainException {

  private FollowUpException(
      Kind kind, String type, String title, String detail, List<FieldError> errors) {
    super(kind, type, title, detail, errors);
  }

  public static FollowUpException notFound(long id) {
    return new FollowUpException(
        Kind.NOT_FOUND,
        "follow-up-not-found",
        "No such follow-up",
        "There is no follow-up " + id + ".",
        List.of());
  }

  public static FollowUpException partNotFound(String what, long id) {
    return new FollowUpException(
        Kind.NOT_FOUND,
        what + "-not-found",
        "No such " + what.replace('-', ' '),
        "This follow-up has no " + what.replace('-', ' ') + " " + id + ".",
        List.of());
  }

  /** The action does not fit the follow-up's state: out of order, or already done. */
  public static FollowUpException outOfOrder(String detail) {
    return new FollowUpException(
        Kind.CONFLICT,
        "follow-up-step-not-allowed",
        "Not possible at this step",
        detail,
        List.of());
  }

  public static FollowUpException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  /** Several fields at fault at once, as a form or a request body has them. */
  public static FollowUpException invalid(List<FieldError> errors) {
    return new FollowUpException(
        Kind.INVALID,
        "invalid-request",
        "Invalid request",
        "Some fields are missing or wrong; see errors.",
        errors);
  }

  public static FollowUpException forbidden(String detail) {
    return new FollowUpException(Kind.FORBIDDEN, "not-yours", "Not yours to do", detail, List.of());
  }

  public static FollowUpException auditNotFound(String ref) {
    return new FollowUpException(
        Kind.NOT_FOUND,
        "audit-not-found",
        "No such audit",
        "There is no audit " + ref + ".",
        List.of());
  }
}
