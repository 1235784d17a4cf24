package org.learningloop.audit;

import java.util.List;
import org.learningloop.common.DomainException;

/** What can go wrong with the audit register, each named for the person who has to fix it. */
final class AuditProblem extends DomainException {

  private AuditProblem(
      Kind kind, String type, String title, String detail, List<FieldError> errors) {
    super(kind, type, title, detail, errors);
  }

  static AuditProblem notFound(String ref) {
    return new AuditProblem(
        Kind.NOT_FOUND,
        "audit-not-found",
        "No such audit",
        "There is no audit " + ref + " that you may see.",
        List.of(new FieldError("ref", "no such audit")));
  }

  static AuditProblem alreadyRecorded(String ref) {
    return new AuditProblem(
        Kind.CONFLICT,
        "audit-exists",
        "Audit already recorded",
        "Audit "
            + ref
            + " is already recorded; moderate it, or import a corrected row to change it.",
        List.of(new FieldError(AuditField.AUDIT_REF.property(), "already recorded")));
  }

  static AuditProblem challengeClosed(String ref, java.time.LocalDate lastDay) {
    return new AuditProblem(
        Kind.CONFLICT,
        "challenge-window-closed",
        "Too late to challenge this grade",
        "The grade of audit "
            + ref
            + " could be challenged until "
            + lastDay
            + "; speak to the Quality Assurance team if you still disagree with it.",
        List.of(new FieldError("reasons", "the challenge window closed on " + lastDay)));
  }

  static AuditProblem alreadyChallenged(String ref, boolean stillOpen) {
    return new AuditProblem(
        Kind.CONFLICT,
        "already-challenged",
        "This grade has already been challenged",
        stillOpen
            ? "A review of the grade of audit " + ref + " is already waiting for a moderator."
            : "The grade of audit "
                + ref
                + " was challenged and reviewed already; the outcome is on"
                + " the audit's page.",
        List.of(new FieldError("reasons", "already challenged")));
  }

  static AuditProblem invalid(List<FieldError> errors) {
    return new AuditProblem(
        Kind.INVALID,
        "invalid-audit",
        "Invalid audit",
        "Some fields are missing or wrong; see errors.",
        errors);
  }

  static AuditProblem invalidQuery(List<FieldError> errors) {
    return new AuditProblem(
        Kind.INVALID,
        "invalid-request",
        "Invalid request",
        "Some parameters are wrong; see errors.",
        errors);
  }

  static AuditProblem fileRejected(List<FieldError> errors, long badLines) {
    return new AuditProblem(
        Kind.INVALID,
        "invalid-audit-file",
        "Audit file rejected",
        badLines == 0
            ? "The file cannot be read; see errors. Nothing was imported."
            : badLines
                + (badLines == 1 ? " line is" : " lines are")
                + " wrong; see errors. Nothing was imported.",
        errors);
  }

  static AuditProblem fileTooLarge(long limitBytes, int limitRows) {
    return new AuditProblem(
        Kind.TOO_LARGE,
        "audit-file-too-large",
        "Audit file too large",
        "An import file may hold at most "
            + limitBytes
            + " bytes and "
            + limitRows
            + " rows; split it and import the parts.",
        List.of(new FieldError("file", "too large")));
  }
}
