package org.learningloop.directory;

import java.util.List;
import org.learningloop.common.DomainException;

/** A change to the directory that cannot be made as asked. */
public class DirectoryProblem extends DomainException {

  private DirectoryProblem(
      Kind kind, String type, String title, String detail, List<FieldError> errors) {
    super(kind, type, title, detail, errors);
  }

  public static DirectoryProblem invalid(List<FieldError> errors) {
    return new DirectoryProblem(
        Kind.INVALID,
        "invalid-staff",
        "Invalid details",
        "Some details are missing or wrong.",
        errors);
  }

  public static DirectoryProblem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static DirectoryProblem staffNotFound(Long id) {
    return new DirectoryProblem(
        Kind.NOT_FOUND,
        "staff-not-found",
        "No such member of staff",
        "There is no member of staff " + id + ".",
        List.of());
  }

  public static DirectoryProblem teamNotFound(Long id) {
    return new DirectoryProblem(
        Kind.NOT_FOUND,
        "team-not-found",
        "No such team",
        "There is no team " + id + ".",
        List.of());
  }

  public static DirectoryProblem serviceAreaNotFound(Long id) {
    return new DirectoryProblem(
        Kind.NOT_FOUND,
        "service-area-not-found",
        "No such service area",
        "There is no service area " + id + ".",
        List.of());
  }
}
