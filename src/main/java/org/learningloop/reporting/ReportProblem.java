package org.learningloop.reporting;

import java.util.List;
import org.learningloop.common.DomainException;

/** What can go wrong asking for a report or publishing one. */
final class ReportProblem extends DomainException {

  private ReportProblem(
      Kind kind, String type, String title, String detail, List<FieldError> errors) {
    super(kind, type, title, detail, errors);
  }

  static ReportProblem invalidPeriod(List<FieldError> errors) {
    return new ReportProblem(
        Kind.INVALID,
        "invalid-report-period",
        "Invalid report period",
        "Give the period as from=YYYY-MM and to=YYYY-MM, from not after to, at most "
            + ReportPeriod.MAX_MONTHS
            + " months.",
        errors);
  }

  static ReportProblem invalidMeetingDate(String value) {
    return new ReportProblem(
        Kind.INVALID,
        "invalid-meeting-date",
        "Invalid meeting date",
        "Give the committee's meeting date as meeting=YYYY-MM-DD, or leave it out.",
        List.of(new FieldError("meeting", "'" + value + "' is not a date as YYYY-MM-DD")));
  }

  static ReportProblem unknownTable(String name) {
    return new ReportProblem(
        Kind.NOT_FOUND,
        "report-table-not-found",
        "No such report table",
        "There is no report table '" + name + "'.",
        List.of());
  }

  static ReportProblem alreadyPrepared(ReportPeriod period) {
    return new ReportProblem(
        Kind.CONFLICT,
        "report-already-prepared",
        "Report already prepared",
        "The committee report for " + period.label() + " has a draft already.",
        List.of(new FieldError("from", "already prepared for this period")));
  }

  static ReportProblem notPrepared(ReportPeriod period) {
    return new ReportProblem(
        Kind.CONFLICT,
        "report-not-prepared",
        "Report not prepared",
        "The committee report for "
            + period.label()
            + " has no draft yet: a PI lead prepares it first.",
        List.of(new FieldError("from", "no draft for this period")));
  }

  static ReportProblem narrativeIncomplete(List<FieldError> errors) {
    return new ReportProblem(
        Kind.INVALID,
        "report-narrative-incomplete",
        "Narrative not complete",
        "Write every section of the narrative that has no standard wording before publishing.",
        errors);
  }

  static ReportProblem invalidNarrative(List<FieldError> errors) {
    return new ReportProblem(
        Kind.INVALID,
        "invalid-report-narrative",
        "Invalid narrative",
        "The narrative could not be saved: see the errors.",
        errors);
  }

  static ReportProblem reasonRequired(int version) {
    return new ReportProblem(
        Kind.INVALID,
        "report-version-reason-required",
        "Reason required",
        "Version "
            + version
            + " replaces a published version: say why it is made (what it corrects).",
        List.of(new FieldError("reason", "is required for a new version")));
  }

  static ReportProblem versionNotFound(ReportPeriod period, int version) {
    return new ReportProblem(
        Kind.NOT_FOUND,
        "report-version-not-found",
        "No such published version",
        "The committee report for " + period.label() + " has no published version " + version + ".",
        List.of());
  }

  static ReportProblem publishedMeanwhile(ReportPeriod period, int version) {
    return new ReportProblem(
        Kind.CONFLICT,
        "report-published-meanwhile",
        "Published meanwhile",
        "Someone else published version "
            + version
            + " of the committee report for "
            + period.label()
            + " a moment ago: read it, then publish again if a new version is still needed.",
        List.of());
  }
}
