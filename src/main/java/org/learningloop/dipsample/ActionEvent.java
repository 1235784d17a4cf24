package org.learningloop.dipsample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of an action's history: who did what, when, and why. */
@Entity
@Table(name = "action_event")
class ActionEvent {

  /** What happened. */
  enum Kind {
    SET,
    COMPLETED,
    VERIFIED,
    SENT_BACK,
    CANCELLED,
    /** A rung of the escalation ladder was reached: who was told. */
    ESCALATED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "action_id", nullable = false)
  private long actionId;

  @Column(nullable = false)
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant at;

  @Column(nullable = false, length = 100)
  private String actor;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Kind kind;

  @Column(length = 4000)
  private String note;

  protected ActionEvent() {}

  ActionEvent(long actionId, Instant at, String actor, Kind kind, String note) {
    this.actionId = actionId;
    this.at = at;
    this.actor = actor;
    this.kind = kind;
    this.note = note;
  }

  Instant getAt() {
    return at;
  }

  String getActor() {
    return actor;
  }

  Kind getKind() {
    return kind;
  }

  String getNote() {
    return note;
  }
}
