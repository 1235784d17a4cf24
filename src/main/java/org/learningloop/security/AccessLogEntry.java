package org.learningloop.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of the access log. Immutable: Hibernate never issues an update for it. */
@Entity
@Immutable
@Table(name = "access_log")
class AccessLogEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false, length = 100)
  private String principal;

  @Column(nullable = false, updatable = false, length = 60)
  private String action;

  @Column(name = "resource_type", nullable = false, updatable = false, length = 60)
  private String resourceType;

  @Column(name = "resource_id", updatable = false, length = 100)
  private String resourceId;

  protected AccessLogEntry() {}

  AccessLogEntry(
      Instant occurredAt, String principal, String action, String resourceType, String resourceId) {
    this.occurredAt = occurredAt;
    this.principal = principal;
    this.action = action;
    this.resourceType = resourceType;
    this.resourceId = resourceId;
  }

  AccessLog.Entry view() {
    return new AccessLog.Entry(id, occurredAt, principal, action, resourceType, resourceId);
  }
}
