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

  static ReportProblem alreadyPublished(ReportPeriod period) {
    return new ReportProblem(
        Kind.CONFLICT,
        "report-already-published",
        "Report already published",
        "The committee report for " + period.label() + " was already published.",
        List.of(new FieldError("from", "already published for this period")));
  }
}
