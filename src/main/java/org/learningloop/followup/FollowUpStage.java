package org.learningloop.followup;

import java.util.Optional;
import org.learningloop.calendar.DeadlineProperties;

/**
 * The one vocabulary of a follow-up's stages. A follow-up waits at one of the main stages ({@link
 * #ALLOCATION} … {@link #ENDED}, kept on the follow-up); {@link #SAFEGUARDING_CHECK} and {@link
 * #SUPPORT} run beside them. Every user task of the process models serves one stage (the map lives
 * with the process constants in {@code workflow}); emails, the API, extensions, the dashboard and
 * the reports all name stages with these codes. The stages with a target in working days say what
 * the target counts from.
 */
public enum FollowUpStage {
  /** Waiting in the PI team's queue for an officer; due allocation days from the opening. */
  ALLOCATION(CountedFrom.FOLLOW_UP_OPENED),
  /**
   * Beside the others, when the audit found a risk of significant harm: the Team Manager confirms
   * the child's safety was reviewed; due safeguarding-confirmation days from the opening.
   */
  SAFEGUARDING_CHECK(CountedFrom.FOLLOW_UP_OPENED),
  /**
   * Allocated: the reflective conversations are scheduled, held and written up; due
   * conversations-held days from allocation.
   */
  CONVERSATIONS(CountedFrom.ALLOCATED),
  /**
   * Beside the others: support items offered, accepted, completed and verified, each by its date.
   */
  SUPPORT(null),
  /**
   * Both conversations held: the officer proposes closure once every support item is settled; due
   * closure days from allocation.
   */
  CLOSURE(CountedFrom.ALLOCATED),
  /**
   * Closure proposed: a PI lead other than the proposer signs off or sends back (by the closure
   * date).
   */
  SIGN_OFF(null),
  /** Closed: waiting for the effectiveness re-audit to fall due. */
  AWAITING_RE_AUDIT(null),
  /** The re-audit is due with the auditors, within the re-audit window. */
  RE_AUDIT(null),
  /** Loop closed: the re-audit's grade is linked. */
  DONE(null),
  /** Ended early: grade revised or withdrawn. */
  ENDED(null);

  /** The moment a stage's working days are counted from. */
  public enum CountedFrom {
    FOLLOW_UP_OPENED,
    ALLOCATED
  }

  private final CountedFrom countedFrom;

  FollowUpStage(CountedFrom countedFrom) {
    this.countedFrom = countedFrom;
  }

  /** Where the stage's target counts from; empty for a stage without a target of its own. */
  public Optional<CountedFrom> countedFrom() {
    return Optional.ofNullable(countedFrom);
  }

  /** The stage's target in working days, for the stages that have one. */
  public Optional<Integer> target(DeadlineProperties deadlines) {
    return switch (this) {
      case ALLOCATION -> Optional.of(deadlines.allocation());
      case SAFEGUARDING_CHECK -> Optional.of(deadlines.safeguardingConfirmation());
      case CONVERSATIONS -> Optional.of(deadlines.conversationsHeld());
      case CLOSURE -> Optional.of(deadlines.closure());
      default -> Optional.empty();
    };
  }
}
