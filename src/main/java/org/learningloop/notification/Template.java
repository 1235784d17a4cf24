package org.learningloop.notification;

/**
 * Every kind of email Learning Loop sends. Each is notify-and-pull: the audit ref, what is asked, by when and a link;
 * never a child's name, {@code child_ref}, grade or case notes.
 */
public enum Template {
  /** To each PI lead: a new follow-up waits in the team queue. */
  FOLLOW_UP_CREATED,
  /** To the PI officer a follow-up was allocated to. */
  FOLLOW_UP_ALLOCATED,
  /** To the Team Manager: confirm within a working day that the child's current safety has been reviewed. */
  SAFEGUARDING_CHECK_REQUESTED,
  /** To each attendee, with an iCalendar invitation; a reschedule sends it again with the same UID. */
  CONVERSATION_INVITATION,
  /** To each attendee, with an iCalendar cancellation. */
  CONVERSATION_CANCELLED,
  /** To the owner of a support item offered to them. */
  SUPPORT_OFFERED,
  /** To the PI lead asked to sign off a closure. */
  CLOSURE_PROPOSED,
  /** To the PI officer whose closure proposal was sent back. */
  CLOSURE_SENT_BACK,
  /** To the people involved when a follow-up is closed, withdrawn or ended by a revised grade. */
  FOLLOW_UP_ENDED,
  /** To the auditors: re-audit another case of the same practitioner. */
  RE_AUDIT_DUE,
  /** At most one a day per person: everything due soon or overdue for them. */
  REMINDER_DIGEST,
  /** To the manager a follow-up was escalated to, when it happens. */
  ESCALATION,
  /** To each Assistant Director and Service Manager: the committee report of a period was published (detail {@code period}). */
  REPORT_PUBLISHED
}
