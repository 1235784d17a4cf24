package org.learningloop.dipsample;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An action set on a dip sample or on an audit. It guards its own transitions: {@code OPEN ->
 * AWAITING_VERIFICATION -> DONE}, back to {@code OPEN} when sent back, and {@code CANCELLED} (with
 * a reason) from either open state.
 */
@Entity
@Table(name = "action_item")
class Action {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "source_ref", nullable = false, length = 100)
  private String sourceRef;

  @Column(name = "dip_sample_id")
  private Long dipSampleId;

  @Enumerated(EnumType.STRING)
  @Column(name = "owner_type", nullable = false, length = 20)
  private ActionOwnerType ownerType;

  @Column(name = "owner_name", nullable = false, length = 300)
  private String ownerName;

  @Column(name = "owner_username", nullable = false, length = 100)
  private String ownerUsername;

  @Column(name = "service_area_id")
  private Long serviceAreaId;

  @Column(name = "team_id")
  private Long teamId;

  @Column(nullable = false, length = 2000)
  private String description;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ActionStatus status = ActionStatus.OPEN;

  @Column(name = "set_by", nullable = false, length = 100)
  private String setBy;

  @Column(name = "set_at", nullable = false)
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant setAt;

  @Column(length = 4000)
  private String evidence;

  @Column(name = "completed_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant completedAt;

  @Column(name = "verification_due")
  private LocalDate verificationDue;

  @Column(name = "verified_by", length = 100)
  private String verifiedBy;

  @Column(name = "verified_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant verifiedAt;

  @Column(name = "sent_back_count", nullable = false)
  private int sentBackCount;

  @Column(name = "last_reason", length = 2000)
  private String lastReason;

  @Column(name = "cancelled_by", length = 100)
  private String cancelledBy;

  @Column(name = "cancelled_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant cancelledAt;

  @Version private long version;

  protected Action() {}

  Action(
      String sourceRef,
      Long dipSampleId,
      ActionOwnerType ownerType,
      String ownerName,
      String ownerUsername,
      Long serviceAreaId,
      Long teamId,
      String description,
      LocalDate dueDate,
      String setBy,
      Instant setAt) {
    this.sourceRef = sourceRef;
    this.dipSampleId = dipSampleId;
    this.ownerType = ownerType;
    this.ownerName = ownerName;
    this.ownerUsername = ownerUsername;
    this.serviceAreaId = serviceAreaId;
    this.teamId = teamId;
    this.description = description;
    this.dueDate = dueDate;
    this.setBy = setBy;
    this.setAt = setAt;
  }

  /** The owner records what was done; the action waits for verification. */
  void complete(String evidence, Instant at, LocalDate verificationDue) {
    require(ActionStatus.OPEN, "record what was done");
    this.status = ActionStatus.AWAITING_VERIFICATION;
    this.evidence = evidence;
    this.completedAt = at;
    this.verificationDue = verificationDue;
  }

  void verify(String by, Instant at) {
    require(ActionStatus.AWAITING_VERIFICATION, "verify it");
    this.status = ActionStatus.DONE;
    this.verifiedBy = by;
    this.verifiedAt = at;
  }

  /** Not done yet: the owner acts again, by the same due date; the evidence is kept. */
  void sendBack(String reason) {
    require(ActionStatus.AWAITING_VERIFICATION, "send it back");
    this.status = ActionStatus.OPEN;
    this.sentBackCount++;
    this.lastReason = reason;
    this.verificationDue = null;
  }

  void cancel(String by, String reason, Instant at) {
    if (!status.isOpen()) {
      throw ActionProblem.outOfOrder(id, status, "cancel it");
    }
    this.status = ActionStatus.CANCELLED;
    this.cancelledBy = by;
    this.cancelledAt = at;
    this.lastReason = reason;
  }

  private void require(ActionStatus expected, String what) {
    if (status != expected) {
      throw ActionProblem.outOfOrder(id, status, what);
    }
  }

  /** Verified, with the owner's completion at or before {@code endOfDueDate}. */
  boolean doneOnTime(Instant endOfDueDate) {
    return status == ActionStatus.DONE && !completedAt.isAfter(endOfDueDate);
  }

  Long getId() {
    return id;
  }

  String getSourceRef() {
    return sourceRef;
  }

  Long getDipSampleId() {
    return dipSampleId;
  }

  ActionOwnerType getOwnerType() {
    return ownerType;
  }

  String getOwnerName() {
    return ownerName;
  }

  String getOwnerUsername() {
    return ownerUsername;
  }

  Long getServiceAreaId() {
    return serviceAreaId;
  }

  Long getTeamId() {
    return teamId;
  }

  String getDescription() {
    return description;
  }

  LocalDate getDueDate() {
    return dueDate;
  }

  ActionStatus getStatus() {
    return status;
  }

  String getSetBy() {
    return setBy;
  }

  Instant getSetAt() {
    return setAt;
  }

  String getEvidence() {
    return evidence;
  }

  Instant getCompletedAt() {
    return completedAt;
  }

  LocalDate getVerificationDue() {
    return verificationDue;
  }

  String getVerifiedBy() {
    return verifiedBy;
  }

  Instant getVerifiedAt() {
    return verifiedAt;
  }

  int getSentBackCount() {
    return sentBackCount;
  }

  String getLastReason() {
    return lastReason;
  }

  String getCancelledBy() {
    return cancelledBy;
  }

  Instant getCancelledAt() {
    return cancelledAt;
  }
}
