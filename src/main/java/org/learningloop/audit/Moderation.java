package org.learningloop.audit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * One moderation of an audit, kept for ever: a later moderation never erases an earlier one. The
 * latest (by moderation date, then by the order recorded) is the audit's current moderation and
 * sets its effective grade.
 */
@Entity
@Table(name = "moderation")
class Moderation {

  /** Latest last: by moderation date, then by the order recorded. */
  static final Comparator<Moderation> OLDEST_FIRST =
      Comparator.comparing(Moderation::getModerationDate)
          .thenComparing(m -> m.id == null ? Long.MAX_VALUE : m.id);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "audit_id", nullable = false)
  private Long auditId;

  @Column(name = "moderator_id", nullable = false)
  private Long moderatorId;

  @Column(name = "moderation_date", nullable = false)
  private LocalDate moderationDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Grade grade;

  @Enumerated(EnumType.STRING)
  @Column(name = "previous_grade", nullable = false, length = 30)
  private Grade previousGrade;

  @Column(length = 4000)
  private String rationale;

  @Column(name = "factors_revised", nullable = false)
  private boolean factorsRevised;

  @ElementCollection
  @CollectionTable(name = "moderation_factor", joinColumns = @JoinColumn(name = "moderation_id"))
  @Column(name = "factor_code", nullable = false, length = 60)
  private Set<String> factorCodes = new TreeSet<>();

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  /** Email of whoever recorded it: the moderator, or the moderator who loaded it from a file. */
  @Column(name = "recorded_by", nullable = false, length = 320)
  private String recordedBy;

  protected Moderation() {}

  Moderation(
      long auditId,
      AuditState moderated,
      Grade previousGrade,
      Set<String> revisedFactors,
      Instant at,
      String recordedBy) {
    this.auditId = auditId;
    AuditState.Current current = moderated.moderation();
    this.moderatorId = current.moderatorId();
    this.moderationDate = current.date();
    this.grade = current.grade();
    this.previousGrade = previousGrade;
    this.rationale = current.rationale();
    this.factorsRevised = revisedFactors != null;
    if (revisedFactors != null) {
      this.factorCodes.addAll(revisedFactors);
    }
    this.recordedAt = at;
    this.recordedBy = recordedBy;
  }

  /** Whether this is the moderation the state names: same moderator, date, grade and rationale. */
  boolean isTheOneIn(AuditState state) {
    return state.moderationIs(current());
  }

  /** This moderation as an audit's current one. */
  AuditState.Current current() {
    return new AuditState.Current(moderatorId, moderationDate, grade, rationale);
  }

  /** The moderator's own factors when they revised them, else null. */
  Set<String> revisedFactors() {
    return factorsRevised ? Set.copyOf(factorCodes) : null;
  }

  Long getId() {
    return id;
  }

  Long getAuditId() {
    return auditId;
  }

  Long getModeratorId() {
    return moderatorId;
  }

  LocalDate getModerationDate() {
    return moderationDate;
  }

  Grade getGrade() {
    return grade;
  }

  Grade getPreviousGrade() {
    return previousGrade;
  }

  String getRationale() {
    return rationale;
  }

  Instant getRecordedAt() {
    return recordedAt;
  }

  String getRecordedBy() {
    return recordedBy;
  }
}
