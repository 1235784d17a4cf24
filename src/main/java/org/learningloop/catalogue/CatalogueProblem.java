package org.learningloop.catalogue;

import java.util.List;
import org.learningloop.common.DomainException;

/** What can go wrong when reading or changing a catalogue. */
final class CatalogueProblem extends DomainException {

  private CatalogueProblem(Kind kind, String type, String title, String detail) {
    super(kind, type, title, detail, List.of(new FieldError("code", title)));
  }

  private CatalogueProblem(List<FieldError> errors) {
    super(
        Kind.INVALID,
        "invalid-catalogue-entry",
        "Catalogue entry not saved",
        "See errors; nothing was changed.",
        errors);
  }

  static CatalogueProblem invalid(List<FieldError> errors) {
    return new CatalogueProblem(errors);
  }

  static CatalogueProblem notFound(CatalogueKind kind, String code) {
    return new CatalogueProblem(
        Kind.NOT_FOUND,
        "catalogue-entry-not-found",
        "No such catalogue entry",
        "There is no " + kind.description() + " with code " + code + ".");
  }

  static CatalogueProblem codeTaken(CatalogueKind kind, String code) {
    return new CatalogueProblem(
        Kind.CONFLICT,
        "catalogue-code-taken",
        "Code already in use",
        "There is already a "
            + kind.description()
            + " with code "
            + code
            + "; relabel or reactivate it instead.");
  }
}
