package org.learningloop.common;

import java.util.List;

/**
 * A failure the user can understand and act on. The API turns it into RFC 9457 problem details;
 * pages show its message. Subclasses offer factories that name the problem ({@code
 * AuditNotFound.forRef(ref)}).
 */
public abstract class DomainException extends RuntimeException {

  /** What kind of problem it is; decides the HTTP status. */
  public enum Kind {
    NOT_FOUND(404),
    INVALID(400),
    CONFLICT(409),
    FORBIDDEN(403),
    TOO_LARGE(413);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /**
   * One field at fault: where it is (a JSON property, or "line 7, grade" in a file) and what is
   * wrong.
   */
  public record FieldError(String field, String message) {}

  private final Kind kind;
  private final String type;
  private final String title;
  private final transient List<FieldError> errors;

  protected DomainException(
      Kind kind, String type, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.kind = kind;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  protected DomainException(Kind kind, String type, String title, String detail) {
    this(kind, type, title, detail, List.of());
  }

  public Kind kind() {
    return kind;
  }

  /** A short slug naming the problem type, e.g. {@code audit-not-found}. */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
