package org.learningloop.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the moderation queue: an audit the sampling rule selected, or a grade challenge. A
 * queued entry is worked through its own process (a task for the moderators); the first moderation
 * of the audit recorded after it settles it.
 */
@Entity
@Table(name = "moderation_request")
class ModerationRequest {

  /** Why an audit is in the queue. */
  enum Reason {
    /**
     * Its auditor's grade is one the rule always moderates (by default Inadequate, Outstanding).
     */
    GRADE,
    /** Drawn in the month's reproducible random share of its auditor's other audits. */
    RANDOM_SHARE,
    /** Its practitioner or Team Manager asked for a review of the grade. */
    CHALLENGE
  }

  enum Status {
    /** Waiting for a moderator. */
    QUEUED,
    /** Selected, but a moderation was already recorded: nothing to do. */
    ALREADY_MODERATED,
    /** Settled by a moderation. */
    MODERATED;

    boolean open() {
      return this == QUEUED;
    }
  }

  /** How a challenge was decided. */
  enum Outcome {
    UPHELD,
    REGRADED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "audit_id", nullable = false)
  private Long auditId;

  @Column(name = "audit_ref", nullable = false, length = 60)
  private String auditRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Reason reason;

  /** Unique: "sample:&lt;audit id&gt;" once per audit, "challenge:&lt;audit id&gt;" likewise. */
  @Column(name = "selection_key", nullable = false, length = 80)
  private String selectionKey;

  /** The month of the audit date, YYYY-MM. */
  @Column(name = "sample_month", nullable = false, length = 7)
  private String sampleMonth;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Status status;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "challenged_by")
  private Long challengedBy;

  @Column(name = "challenge_reasons", length = 4000)
  private String challengeReasons;

  @Column(name = "settled_at")
  private Instant settledAt;

  @Column(name = "moderation_id")
  private Long moderationId;

  @Enumerated(EnumType.STRING)
  @Column(length = 30)
  private Outcome outcome;

  @Enumerated(EnumType.STRING)
  @Column(name = "grade_before", length = 30)
  private Grade gradeBefore;

  @Enumerated(EnumType.STRING)
  @Column(name = "grade_after", length = 30)
  private Grade gradeAfter;

  @Version private long version;

  protected ModerationRequest() {}

  private ModerationRequest(
      long auditId, String auditRef, Reason reason, String month, Status status, Instant now) {
    this.auditId = auditId;
    this.auditRef = auditRef;
    this.reason = reason;
    this.selectionKey = (reason == Reason.CHALLENGE ? "challenge:" : "sample:") + auditId;
    this.sampleMonth = month;
    this.status = status;
    this.createdAt = now;
  }

  static ModerationRequest sampled(
      long auditId, String auditRef, Reason reason, String month, boolean moderated, Instant now) {
    return new ModerationRequest(
        auditId,
        auditRef,
        reason,
        month,
        moderated ? Status.ALREADY_MODERATED : Status.QUEUED,
        now);
  }

  static ModerationRequest challenge(
      long auditId, String auditRef, String month, long challenger, String reasons, Instant now) {
    ModerationRequest r =
        new ModerationRequest(auditId, auditRef, Reason.CHALLENGE, month, Status.QUEUED, now);
    r.challengedBy = challenger;
    r.challengeReasons = reasons;
    return r;
  }

  void due(LocalDate dueDate) {
    this.dueDate = dueDate;
  }

  void settle(long moderationId, Grade before, Grade after, Instant at) {
    this.status = Status.MODERATED;
    this.moderationId = moderationId;
    this.gradeBefore = before;
    this.gradeAfter = after;
    this.outcome = before == after ? Outcome.UPHELD : Outcome.REGRADED;
    this.settledAt = at;
  }

  Long getId() {
    return id;
  }

  Long getAuditId() {
    return auditId;
  }

  String getAuditRef() {
    return auditRef;
  }

  Reason getReason() {
    return reason;
  }

  String getSampleMonth() {
    return sampleMonth;
  }

  Status getStatus() {
    return status;
  }

  LocalDate getDueDate() {
    return dueDate;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Long getChallengedBy() {
    return challengedBy;
  }

  String getChallengeReasons() {
    return challengeReasons;
  }

  Instant getSettledAt() {
    return settledAt;
  }

  Outcome getOutcome() {
    return outcome;
  }

  Grade getGradeBefore() {
    return gradeBefore;
  }

  Grade getGradeAfter() {
    return gradeAfter;
  }
}
