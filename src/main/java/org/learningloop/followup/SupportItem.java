package org.learningloop.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Support offered in a follow-up. It guards its own state machine: {@code OFFERED -> ACCEPTED ->
 * COMPLETED}, or {@code DECLINED} / {@code WITHDRAWN} with a reason; the PI officer then verifies a
 * completed item.
 */
@Entity
@Table(name = "support_item")
public class SupportItem extends FollowUpPart {

  @Column(name = "type_code", nullable = false, length = 60)
  private String typeCode;

  @Column(length = 1000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private SupportOwner owner;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private SupportItemState state = SupportItemState.OFFERED;

  @Column(length = 1000)
  private String reason;

  @Column(name = "offered_by", nullable = false, length = 100)
  private String offeredBy;

  @Column(name = "offered_at", nullable = false)
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant offeredAt;

  @Column(name = "answered_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant answeredAt;

  @Column(name = "completed_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant completedAt;

  @Column(name = "verified_by", length = 100)
  private String verifiedBy;

  @Column(name = "verified_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant verifiedAt;

  @Version private long version;

  protected SupportItem() {}

  SupportItem(
      FollowUp followUp,
      String typeCode,
      String description,
      SupportOwner owner,
      LocalDate dueDate,
      String offeredBy,
      Instant at) {
    super(followUp);
    this.typeCode = typeCode;
    this.description = description;
    this.owner = owner;
    this.dueDate = dueDate;
    this.offeredBy = offeredBy;
    this.offeredAt = at;
  }

  void accept(Instant at) {
    answeredAt = move(SupportItemState.OFFERED, SupportItemState.ACCEPTED, "accepted", at);
  }

  void decline(Instant at, String reason) {
    require(SupportItemState.OFFERED, "declined");
    this.reason = requireReason(reason); // before the state moves: a refused step changes nothing
    state = SupportItemState.DECLINED;
    answeredAt = at;
  }

  void complete(Instant at) {
    completedAt = move(SupportItemState.ACCEPTED, SupportItemState.COMPLETED, "completed", at);
  }

  /**
   * One transition: from the state it must be in to the next.
   *
   * @return when it happened, for the step's own timestamp
   */
  private Instant move(SupportItemState from, SupportItemState to, String done, Instant at) {
    require(from, done);
    state = to;
    return at;
  }

  void verify(Instant at, String by) {
    require(SupportItemState.COMPLETED, "verified");
    if (verifiedAt != null) {
      throw FollowUpException.outOfOrder("Support item " + getId() + " was verified already.");
    }
    verifiedAt = at;
    verifiedBy = by;
  }

  void withdraw(String reason) {
    if (state != SupportItemState.OFFERED && state != SupportItemState.ACCEPTED) {
      throw FollowUpException.outOfOrder(
          "Support item " + getId() + " is " + state + " and cannot be withdrawn any more.");
    }
    this.reason = requireReason(reason);
    state = SupportItemState.WITHDRAWN;
  }

  private void require(SupportItemState expected, String verb) {
    if (state != expected) {
      throw FollowUpException.outOfOrder(
          "Support item "
              + getId()
              + " is "
              + state
              + ": only an item "
              + expected
              + " can be "
              + verb
              + ".");
    }
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw FollowUpException.invalid("reason", "a reason is required");
    }
    return reason.strip();
  }

  /** Settled for closure: declined, withdrawn, or completed and verified by the PI officer. */
  public boolean isSettled() {
    return state == SupportItemState.DECLINED
        || state == SupportItemState.WITHDRAWN
        || (state == SupportItemState.COMPLETED && verifiedAt != null);
  }

  public boolean isOpen() {
    return state == SupportItemState.OFFERED || state == SupportItemState.ACCEPTED;
  }

  public String getTypeCode() {
    return typeCode;
  }

  public String getDescription() {
    return description;
  }

  public SupportOwner getOwner() {
    return owner;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public SupportItemState getState() {
    return state;
  }

  public String getReason() {
    return reason;
  }

  public String getOfferedBy() {
    return offeredBy;
  }

  public Instant getOfferedAt() {
    return offeredAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public String getVerifiedBy() {
    return verifiedBy;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
  }

  /**
   * A manager extended the item's task: its due date moves with it (the extension is on the
   * timeline). Once the item is settled nothing moves: the verification task's date is the
   * officer's, not the item's.
   */
  void moveDue(LocalDate newDate) {
    if (!state.isSettled()) {
      dueDate = newDate;
    }
  }
}
