package org.learningloop.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.learningloop.audit.Grade;
import org.learningloop.followup.FollowUpStage;

/**
 * How the follow-ups of a period's inadequate audits are going: the body of {@code GET
 * /api/reports/follow-ups}. The follow-ups counted are those of audits (deep dives and thematic dip
 * samples) dated in the period, whatever became of them since; where they stand now is as at {@code
 * asAt}. Durations are in working days (England and Wales), counted as the deadlines are: from the
 * working day of one moment to the working day of the next.
 *
 * @param followUps follow-ups opened for audits dated in the period
 * @param open still open (allocation, conversations, closure or sign-off)
 * @param closed closed by a PI lead's sign-off, whatever the re-audit's progress
 * @param gradeRevised ended because moderation lifted the grade out of Inadequate
 * @param withdrawn ended by a PI lead, with a reason
 * @param overdue open follow-ups past their stage's due date, and re-audits past theirs
 * @param closedWithinTarget closed within the closure target of allocation
 * @param closedWithinTargetPercent of the closed ones, one decimal
 */
@JsonPropertyOrder({
  "from",
  "to",
  "asAt",
  "followUps",
  "open",
  "closed",
  "gradeRevised",
  "withdrawn",
  "overdue",
  "closedWithinTarget",
  "closedWithinTargetPercent",
  "stages",
  "timeliness",
  "support",
  "reAudits"
})
public record FollowUpKpis(
    String from,
    String to,
    LocalDate asAt,
    long followUps,
    long open,
    long closed,
    long gradeRevised,
    long withdrawn,
    long overdue,
    long closedWithinTarget,
    double closedWithinTargetPercent,
    List<StageCount> stages,
    List<Timeliness> timeliness,
    List<SupportType> support,
    ReAudits reAudits) {

  /**
   * Open follow-ups past their stage's due date: {@link #overdue} without the re-audits, which fall
   * due after closure.
   */
  long openOverdue() {
    return stages.stream()
        .filter(s -> s.stage() != FollowUpStage.RE_AUDIT)
        .mapToLong(StageCount::overdue)
        .sum();
  }

  /** Every type's support added up, for the report's sentence and its table's total row. */
  SupportType supportTotal() {
    long offered = 0;
    long inProgress = 0;
    long completed = 0;
    long declined = 0;
    long withdrawn = 0;
    for (SupportType s : support) {
      offered += s.offered();
      inProgress += s.inProgress();
      completed += s.completed();
      declined += s.declined();
      withdrawn += s.withdrawn();
    }
    return new SupportType(
        "TOTAL",
        "Total",
        offered,
        inProgress,
        completed,
        declined,
        withdrawn,
        Percent.of(completed, offered));
  }

  /** Follow-ups waiting at a stage now, and how many of them are past its due date. */
  @JsonPropertyOrder({"stage", "label", "followUps", "overdue"})
  public record StageCount(FollowUpStage stage, String label, long followUps, long overdue) {}

  /**
   * How long a stage took, for the follow-ups that have got that far.
   *
   * @param reached follow-ups that have completed the stage
   * @param medianWorkingDays the median, one decimal; null when none has
   * @param targetWorkingDays the configured target
   * @param withinTarget reached in no more than the target
   */
  @JsonPropertyOrder({
    "stage",
    "label",
    "reached",
    "medianWorkingDays",
    "targetWorkingDays",
    "withinTarget",
    "withinTargetPercent"
  })
  public record Timeliness(
      FollowUpStage stage,
      String label,
      long reached,
      Double medianWorkingDays,
      int targetWorkingDays,
      long withinTarget,
      double withinTargetPercent) {}

  /**
   * Support items offered, by type.
   *
   * @param inProgress offered or accepted, not yet completed
   * @param completionPercent completed of all offered, one decimal
   */
  @JsonPropertyOrder({
    "type",
    "label",
    "offered",
    "inProgress",
    "completed",
    "declined",
    "withdrawn",
    "completionPercent"
  })
  public record SupportType(
      String type,
      String label,
      long offered,
      long inProgress,
      long completed,
      long declined,
      long withdrawn,
      double completionPercent) {}

  /**
   * The effectiveness re-audits of the closed follow-ups.
   *
   * @param awaiting closed, the re-audit not yet due
   * @param due asked of the auditors, not yet linked
   * @param recorded linked, with the grades they received
   * @param repeatInadequate linked re-audits graded Inadequate now: repeat Inadequates, each
   *     flagged on both follow-ups
   * @param notPossible re-audit stages ended without a re-audit, with a reason (the practitioner
   *     left, say)
   */
  @JsonPropertyOrder({"awaiting", "due", "recorded", "grades", "repeatInadequate", "notPossible"})
  public record ReAudits(
      long awaiting,
      long due,
      long recorded,
      Map<Grade, Long> grades,
      long repeatInadequate,
      long notPossible) {}
}
