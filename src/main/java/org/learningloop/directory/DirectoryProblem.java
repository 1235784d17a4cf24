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

  static DirectoryProblem notInDirectory(String username) {
    String detail = "The account " + username + " is no longer in the council's directory.";
    return new DirectoryProblem(
        Kind.FORBIDDEN, "not-in-directory", "Not in the directory", detail, List.of());
  }

  public static DirectoryProblem staffNotFound(Long id) {
    return notFound("staff", "member of staff", id);
  }

  public static DirectoryProblem teamNotFound(Long id) {
    return notFound("team", "team", id);
  }

  public static DirectoryProblem serviceAreaNotFound(Long id) {
    return notFound("service-area", "service area", id);
  }

  private static DirectoryProblem notFound(String slug, String what, Long id) {
    return new DirectoryProblem(
        Kind.NOT_FOUND,
        slug + "-not-found",
        "No such " + what,
        "There is no " + what + " " + id + ".",
        List.of());
  }
}
