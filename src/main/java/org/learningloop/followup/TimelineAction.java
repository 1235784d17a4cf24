package org.learningloop.followup;

/**
 * What a timeline entry records. The names are the codes stored in {@code follow_up_event.action}
 * and shown in the API's {@code timeline[].action}: renaming one changes a contract.
 */
public enum TimelineAction {
  CREATED,
  SAFEGUARDING_REQUESTED,
  /** The audit became inadequate again and the follow-up, ended as GRADE_REVISED, opened again. */
  REOPENED,
  /** The audit became inadequate again after the follow-up was closed or withdrawn. */
  INADEQUATE_AGAIN_AFTER_END,
  GRADE_REVISED,
  /** Moderation lifted the grade of an audit whose follow-up had ended already. */
  GRADE_REVISED_AFTER_END,
  WITHDRAWN,
  CLAIMED,
  ALLOCATED,
  REASSIGNED,
  SAFEGUARDING_CONFIRMED,
  SAFEGUARDING_ESCALATED,
  CONVERSATION_SCHEDULED,
  CONVERSATION_RESCHEDULED,
  CONVERSATION_HELD,
  CONVERSATION_NOT_HELD,
  SUPPORT_OFFERED,
  SUPPORT_ACCEPTED,
  SUPPORT_DECLINED,
  SUPPORT_COMPLETED,
  SUPPORT_VERIFIED,
  SUPPORT_WITHDRAWN,
  CLOSURE_PROPOSED,
  CLOSURE_SENT_BACK,
  CLOSED,
  RE_AUDIT_DUE,
  RE_AUDIT_RECORDED,
  /** The re-audit cannot happen (the practitioner has left, say): the stage ended with a reason. */
  RE_AUDIT_NOT_POSSIBLE,
  /**
   * A repeat Inadequate: on the follow-up whose re-audit is graded Inadequate, and on the follow-up
   * that re-audit opened.
   */
  REPEAT_INADEQUATE,
  /** Moderation lifted the re-audit out of Inadequate: no longer a repeat, on both. */
  REPEAT_INADEQUATE_CLEARED,
  /** A manager escalated by hand, with a note. */
  ESCALATED,
  DUE_DATE_EXTENDED,
  /** A rung of the escalation ladder was reached for a due date: who was told. */
  ESCALATION_RUNG_REACHED
}
