package org.learningloop.followup;

/** The step a follow-up waits at; each has its own due date. */
public enum FollowUpStage {
  /** Waiting in the PI team's queue for an officer. */
  ALLOCATION,
  /** Allocated: the reflective conversations are being held. */
  CONVERSATIONS,
  /** Both conversations held: the officer proposes closure once every support item is settled. */
  CLOSURE,
  /** Closure proposed: a PI lead other than the proposer signs off or sends back. */
  SIGN_OFF,
  /** Closed: waiting for the effectiveness re-audit to fall due. */
  AWAITING_RE_AUDIT,
  /** The re-audit is due with the auditors. */
  RE_AUDIT,
  /** Loop closed: the re-audit's grade is linked. */
  DONE,
  /** Ended early: grade revised or withdrawn. */
  ENDED
}
