package org.learningloop.audit;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Counts of audits for reports, aggregated by the database (never audits loaded one by one), so
 * that a year's figures over a million audits come back in well under a second.
 */
public interface AuditStatistics {

  /**
   * Audits of a type whose audit date lies in the months {@code from} to {@code to} (inclusive),
   * counted by month, auditor grade and moderated grade.
   */
  List<GradeTally> gradeTallies(AuditType type, YearMonth from, YearMonth to);

  /**
   * Audits of a type in the months whose effective grade is Inadequate, counted per contributory
   * factor.
   */
  Map<String, Long> inadequateFactorCounts(AuditType type, YearMonth from, YearMonth to);

  /**
   * The effective grade now (after any moderation) of each audit named, by reference; references
   * the register does not know are absent.
   */
  Map<String, Grade> effectiveGrades(Collection<String> refs);

  /**
   * The refs of the {@code THEMATIC_DIP_SAMPLE} audits that belong to a dip sample, in date order:
   * those whose theme column holds the dip sample's ref, and those of the month and service area
   * whose theme column holds its theme.
   */
  List<String> dipSampleAuditRefs(
      String dipSampleRef, String theme, YearMonth month, long serviceAreaId);

  /**
   * Audits of a type in the months counted by service area, team and both grades: the breakdowns of
   * the reports.
   */
  List<PlaceTally> placeTallies(AuditType type, YearMonth from, YearMonth to);

  /**
   * Audits of a type in the months whose effective grade is Inadequate, counted per team and
   * contributory factor.
   */
  List<PlaceFactor> inadequateFactorsByTeam(AuditType type, YearMonth from, YearMonth to);

  /**
   * Moderated audits (of every type) whose audit date lies in the months {@code from} to {@code
   * to}, counted by auditor, month, auditor grade and moderated grade (the latest moderation): the
   * auditors' calibration. Unmoderated audits are not counted.
   */
  List<ModerationPair> moderationPairs(YearMonth from, YearMonth to);

  /**
   * How many audits one auditor graded {@code auditorGrade} in a month that a moderator graded
   * {@code moderatedGrade}.
   */
  record ModerationPair(
      long auditorId, YearMonth month, Grade auditorGrade, Grade moderatedGrade, long count) {}

  /** How many audits of one team had this pair of grades (null moderated grade: not moderated). */
  record PlaceTally(
      long serviceAreaId,
      String serviceArea,
      long teamId,
      String team,
      Grade auditorGrade,
      Grade moderatedGrade,
      long count) {

    public Grade effectiveGrade() {
      return moderatedGrade == null ? auditorGrade : moderatedGrade;
    }
  }

  record PlaceFactor(long teamId, String factorCode, long count) {}

  /**
   * How many audits of one month had this pair of grades.
   *
   * @param moderatedGrade null when not moderated; the effective grade is then the auditor's
   */
  record GradeTally(YearMonth month, Grade auditorGrade, Grade moderatedGrade, long count) {

    public Grade effectiveGrade() {
      return moderatedGrade == null ? auditorGrade : moderatedGrade;
    }

    public boolean moderated() {
      return moderatedGrade != null;
    }
  }
}
