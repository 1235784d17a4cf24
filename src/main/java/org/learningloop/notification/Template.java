package org.learningloop.notification;

import java.util.Set;

/**
 * Every kind of email Learning Loop sends. Each is notify-and-pull: the audit ref, what is asked,
 * by when and a link; never a child's name, {@code child_ref}, grade or case notes.
 *
 * <p>{@link #allowedDetails()} names the {@link Notification#details()} keys a template reads; any
 * other key is refused with an {@link IllegalArgumentException}. The values are codes and numbers,
 * never free text (see {@link Detail}).
 */
public enum Template {
  /** To each PI lead: a new follow-up waits in the team queue. */
  FOLLOW_UP_CREATED,
  /** To the PI officer a follow-up was allocated to. */
  FOLLOW_UP_ALLOCATED,
  /**
   * To the Team Manager: confirm within a working day that the child's current safety has been
   * reviewed.
   */
  SAFEGUARDING_CHECK_REQUESTED,
  /**
   * To each attendee, with an iCalendar invitation; a reschedule sends it again with the same UID.
   */
  CONVERSATION_INVITATION(Detail.CONVERSATION),
  /** To each attendee, with an iCalendar cancellation. */
  CONVERSATION_CANCELLED(Detail.CONVERSATION),
  /** To the owner of a support item offered to them. */
  SUPPORT_OFFERED(Detail.SUPPORT),
  /** To the PI lead asked to sign off a closure. */
  CLOSURE_PROPOSED,
  /** To the PI officer whose closure proposal was sent back. */
  CLOSURE_SENT_BACK,
  /** To the people involved when a follow-up is closed, withdrawn or ended by a revised grade. */
  FOLLOW_UP_ENDED(Detail.OUTCOME),
  /** To the auditors: re-audit another case of the same practitioner. */
  RE_AUDIT_DUE,
  /** At most one a day per person: everything due soon or overdue for them. */
  REMINDER_DIGEST(Detail.DUE_SOON, Detail.OVERDUE),
  /** To the managers above one who escalates a follow-up by hand, at once. */
  ESCALATION(Detail.STAGE, Detail.DAYS_OVERDUE),
  /**
   * At most one a working day per person: every follow-up whose escalation ladder reached them, one
   * line each ({@link Notification#items()}).
   */
  ESCALATION_BUNDLE,
  /** To whoever acts for an action's owner: an action was set on a dip sample or an audit. */
  ACTION_SET(Detail.OWNER_TYPE),
  /** To whoever acts for an action's owner: the evidence was sent back. */
  ACTION_SENT_BACK(Detail.OWNER_TYPE),
  /** To the auditor who set an action: its evidence waits for verification. */
  ACTION_COMPLETED(Detail.OWNER_TYPE),
  /**
   * To each Assistant Director and Service Manager: the committee report of a period was published.
   */
  REPORT_PUBLISHED(Detail.FROM_MONTH, Detail.TO_MONTH),
  /**
   * To the practitioner or Team Manager who challenged an audit's grade: a moderator has decided
   * the review (the grade itself is on the audit's page, never in the email).
   */
  GRADE_CHALLENGE_DECIDED(Detail.CHALLENGE_OUTCOME),
  /**
   * To each administrator, once per incident: a background job failed on every retry and waits for
   * them (the incidents page).
   */
  JOB_INCIDENT;

  /**
   * The {@code details} keys, with what each value may be. Values are codes or counts so that no
   * free text (which could carry a child's name or case notes) ever reaches an email.
   */
  public static final class Detail {
    /** Which conversation: {@code PRACTITIONER}, {@code TEAM_MANAGER} or {@code JOINT}. */
    public static final String CONVERSATION = "conversation";

    /** The support catalogue code offered, e.g. {@code ASSESSMENT_TRAINING_REFRESH}. */
    public static final String SUPPORT = "support";

    /** How the follow-up ended: {@code CLOSED}, {@code WITHDRAWN} or {@code GRADE_REVISED}. */
    public static final String OUTCOME = "outcome";

    /** How many of the recipient's tasks fall due soon (a whole number). */
    public static final String DUE_SOON = "dueSoon";

    /** How many of the recipient's tasks are overdue (a whole number). */
    public static final String OVERDUE = "overdue";

    /**
     * The overdue stage: {@code ALLOCATION}, {@code SAFEGUARDING_CHECK}, {@code CONVERSATIONS},
     * {@code SUPPORT}, {@code CLOSURE}, {@code SIGN_OFF} or {@code RE_AUDIT} (the follow-up's stage
     * codes).
     */
    public static final String STAGE = "stage";

    /** Working days overdue (a whole number). */
    public static final String DAYS_OVERDUE = "daysOverdue";

    /**
     * Whom an action is for: {@code PRACTITIONER}, {@code TEAM_MANAGER}, {@code TEAM}, {@code
     * SERVICE_AREA} or {@code PARTNER}.
     */
    public static final String OWNER_TYPE = "ownerType";

    /** How a grade challenge was decided: {@code UPHELD} (grade kept) or {@code REGRADED}. */
    public static final String CHALLENGE_OUTCOME = "challengeOutcome";

    /** The first month of a report's period, {@code YYYY-MM}. */
    public static final String FROM_MONTH = "fromMonth";

    /** The last month of a report's period, {@code YYYY-MM}. */
    public static final String TO_MONTH = "toMonth";

    private Detail() {}
  }

  private final Set<String> allowedDetails;

  Template(String... allowedDetails) {
    this.allowedDetails = Set.of(allowedDetails);
  }

  /** The {@link Notification#details()} keys this template reads; every one is optional. */
  public Set<String> allowedDetails() {
    return allowedDetails;
  }

  /**
   * Whether this email is about one audit (and names its ref); digests and report notices are not.
   */
  public boolean aboutAnAudit() {
    // an action names its source, a dip sample or an audit: its subject says "Action on <ref>"
    return this != REMINDER_DIGEST
        && this != REPORT_PUBLISHED
        && this != ESCALATION_BUNDLE
        && this != JOB_INCIDENT
        && !isAboutAnAction();
  }

  /** Whether this email is about an action, and names the dip sample or audit it is on. */
  public boolean isAboutAnAction() {
    return this == ACTION_SET || this == ACTION_SENT_BACK || this == ACTION_COMPLETED;
  }

  /** Whether this email carries an iCalendar invitation or cancellation (and must have one). */
  public boolean carriesInvite() {
    return this == CONVERSATION_INVITATION || this == CONVERSATION_CANCELLED;
  }
}
