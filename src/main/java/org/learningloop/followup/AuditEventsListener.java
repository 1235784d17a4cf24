package org.learningloop.followup;

import org.learningloop.audit.AuditBecameInadequate;
import org.learningloop.audit.AuditNoLongerInadequate;
import org.learningloop.audit.AuditRedated;
import org.learningloop.audit.AuditRegraded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens and revises follow-ups as audits change grade. Synchronous, inside the publisher's
 * transaction: an audit and its follow-up are written together or not at all.
 */
@Component
class AuditEventsListener {

  private final FollowUps followUps;

  AuditEventsListener(FollowUps followUps) {
    this.followUps = followUps;
  }

  @EventListener
  void on(AuditBecameInadequate event) {
    followUps.openFor(event.auditRef(), event.changedBy(), event.rationale());
  }

  @EventListener
  void on(AuditNoLongerInadequate event) {
    followUps.gradeRevised(event.auditRef(), event.moderatorEmail(), event.rationale());
  }

  @EventListener
  void on(AuditRedated event) {
    followUps.auditRedated(event.auditRef(), event.auditDate());
  }

  @EventListener
  void on(AuditRegraded event) {
    followUps.reAuditRegraded(event.auditRef(), event.effectiveGrade().name());
  }
}
