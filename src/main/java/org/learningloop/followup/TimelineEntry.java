package org.learningloop.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One step of a follow-up's history: who did what, when, and why. Never changed once written. */
@Entity
@Table(name = "follow_up_event")
public class TimelineEntry extends FollowUpPart {

  @Column(name = "occurred_at", nullable = false)
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant at;

  @Column(nullable = false, length = 254)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private TimelineAction action;

  @Column(length = 2000)
  private String detail;

  protected TimelineEntry() {}

  TimelineEntry(FollowUp followUp, Instant at, String actor, TimelineAction action, String detail) {
    super(followUp);
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.detail = detail;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public TimelineAction getAction() {
    return action;
  }

  public String getDetail() {
    return detail;
  }
}
