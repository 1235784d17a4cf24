package org.learningloop.dipsample;

import java.util.List;
import org.learningloop.common.DomainException;

/** What can go wrong with dip samples and actions, each named for the person who has to fix it. */
final class DipSampleProblem extends DomainException {

  private DipSampleProblem(
      Kind kind, String type, String title, String detail, List<FieldError> errors) {
    super(kind, type, title, detail, errors);
  }

  static DipSampleProblem notFound(String ref) {
    return new DipSampleProblem(
        Kind.NOT_FOUND,
        "dip-sample-not-found",
        "No such dip sample",
        "There is no dip sample " + ref + ".",
        List.of(new FieldError("ref", "no such dip sample")));
  }

  static DipSampleProblem alreadyRecorded(String ref) {
    return new DipSampleProblem(
        Kind.CONFLICT,
        "dip-sample-exists",
        "Dip sample already recorded",
        "Dip sample " + ref + " is already recorded.",
        List.of(new FieldError("ref", "already recorded")));
  }

  static DipSampleProblem invalid(List<FieldError> errors) {
    return new DipSampleProblem(
        Kind.INVALID,
        "invalid-dip-sample",
        "Invalid dip sample",
        "Some fields are missing or wrong; see errors.",
        errors);
  }
}
