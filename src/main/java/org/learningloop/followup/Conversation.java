package org.learningloop.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A reflective learning conversation of a follow-up. Its calendar invitation keeps one UID for
 * life; each schedule or reschedule raises the sequence, so calendars update the event instead of
 * adding a second one.
 */
@Entity
@Table(name = "follow_up_conversation")
public class Conversation extends FollowUpPart {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ConversationAttendees attendees;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ConversationStatus status = ConversationStatus.TO_BE_SCHEDULED;

  @Column(name = "starts_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant startsAt;

  @Column(name = "duration_minutes")
  private Integer durationMinutes;

  @Column(length = 500)
  private String location;

  @Column(length = 4000)
  private String notes;

  @Column(name = "learning_points", length = 4000)
  private String learningPoints;

  @Column(name = "not_held_reason", length = 1000)
  private String notHeldReason;

  @Column(name = "invite_sequence", nullable = false)
  private int inviteSequence;

  @Version private long version;

  protected Conversation() {}

  Conversation(FollowUp followUp, ConversationAttendees attendees) {
    super(followUp);
    this.attendees = attendees;
  }

  /** First schedule, or again after it was not held. */
  void schedule(Instant startsAt, Duration duration, String location) {
    if (status != ConversationStatus.TO_BE_SCHEDULED && status != ConversationStatus.NOT_HELD) {
      throw FollowUpException.outOfOrder(
          "Conversation "
              + getId()
              + " is "
              + status
              + ": reschedule a scheduled conversation instead.");
    }
    setTime(startsAt, duration, location);
  }

  void reschedule(Instant startsAt, Duration duration, String location) {
    if (status != ConversationStatus.SCHEDULED) {
      throw FollowUpException.outOfOrder(
          "Conversation "
              + getId()
              + " is "
              + status
              + ": only a scheduled one can be rescheduled.");
    }
    setTime(startsAt, duration, location);
  }

  private void setTime(Instant startsAt, Duration duration, String location) {
    if (this.startsAt != null) {
      inviteSequence++;
    }
    this.startsAt = startsAt;
    this.durationMinutes = (int) duration.toMinutes();
    this.location = location;
    this.status = ConversationStatus.SCHEDULED;
  }

  void recordHeld(Instant now, String notes, String learningPoints) {
    requireScheduledAndPast(now);
    this.status = ConversationStatus.HELD;
    this.notes = notes;
    this.learningPoints = learningPoints;
    this.notHeldReason = null;
  }

  void recordNotHeld(Instant now, String reason) {
    requireScheduledAndPast(now);
    this.status = ConversationStatus.NOT_HELD;
    this.notHeldReason = reason;
  }

  private void requireScheduledAndPast(Instant now) {
    if (status != ConversationStatus.SCHEDULED) {
      throw FollowUpException.outOfOrder(
          "Conversation " + getId() + " is " + status + ": only a scheduled one has an outcome.");
    }
    if (now.isBefore(startsAt)) {
      throw FollowUpException.outOfOrder(
          "Conversation "
              + getId()
              + " has not started yet: record its outcome after "
              + startsAt
              + ".");
    }
  }

  /** The follow-up ended: a conversation still in the diary is called off. */
  boolean cancelIfScheduled() {
    if (status == ConversationStatus.SCHEDULED) {
      status = ConversationStatus.CANCELLED;
      inviteSequence++;
      return true;
    }
    if (status == ConversationStatus.TO_BE_SCHEDULED || status == ConversationStatus.NOT_HELD) {
      status = ConversationStatus.CANCELLED;
    }
    return false;
  }

  public boolean isHeld() {
    return status == ConversationStatus.HELD;
  }

  /** Whether the Team Manager (or, with {@code false}, the practitioner) attends. */
  public boolean includesTeamManager() {
    return attendees != ConversationAttendees.PRACTITIONER;
  }

  public boolean includesPractitioner() {
    return attendees != ConversationAttendees.TEAM_MANAGER;
  }

  public String inviteUid() {
    return "conversation-" + getId() + "@learningloop";
  }

  public ConversationAttendees getAttendees() {
    return attendees;
  }

  public ConversationStatus getStatus() {
    return status;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Integer getDurationMinutes() {
    return durationMinutes;
  }

  public String getLocation() {
    return location;
  }

  public String getNotes() {
    return notes;
  }

  public String getLearningPoints() {
    return learningPoints;
  }

  public String getNotHeldReason() {
    return notHeldReason;
  }

  public int getInviteSequence() {
    return inviteSequence;
  }
}
