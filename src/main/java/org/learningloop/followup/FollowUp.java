package org.learningloop.followup;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.learningloop.calendar.Deadlines;

/**
 * The follow-up of one inadequate audit (one per audit: the audit ref is unique). The aggregate
 * guards every transition and records each on its timeline; the process engine holds only its id.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {

  /** The actor recorded for steps the process takes by itself (opening, timers). */
  public static final String SYSTEM = "system";

  private static final String INADEQUATE = "INADEQUATE";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "audit_ref", nullable = false, unique = true, length = 100)
  private String auditRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private FollowUpStatus status = FollowUpStatus.OPEN;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private FollowUpStage stage = FollowUpStage.ALLOCATION;

  /** The audit's date, as the register has it now (reports count follow-ups by it). */
  @Column(name = "audit_date")
  private LocalDate auditDate;

  @Column(name = "practitioner_id")
  private Long practitionerId;

  @Column(name = "team_manager_id")
  private Long teamManagerId;

  @Column(name = "team_id")
  private Long teamId;

  @Column(name = "service_area_id")
  private Long serviceAreaId;

  @Column(name = "significant_harm_risk", nullable = false)
  private boolean significantHarmRisk;

  @Column(name = "officer_username", length = 100)
  private String officerUsername;

  @Column(name = "joint_conversation", nullable = false)
  private boolean jointConversation;

  @Column(name = "created_at", nullable = false)
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant createdAt;

  @Column(name = "allocated_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant allocatedAt;

  @Column(name = "allocation_due", nullable = false)
  private LocalDate allocationDue;

  @Column(name = "conversations_due")
  private LocalDate conversationsDue;

  @Column(name = "closure_due")
  private LocalDate closureDue;

  /** The current stage's due date, kept here so lists can sort and filter on it. */
  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "safeguarding_due")
  private LocalDate safeguardingDue;

  @Column(name = "safeguarding_confirmed_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant safeguardingConfirmedAt;

  @Column(name = "safeguarding_confirmed_by", length = 100)
  private String safeguardingConfirmedBy;

  @Column(name = "closure_proposed_by", length = 100)
  private String closureProposedBy;

  @Column(name = "closure_proposed_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant closureProposedAt;

  @Column(name = "closed_by", length = 100)
  private String closedBy;

  @Column(name = "closed_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant closedAt;

  @Column(name = "ended_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant endedAt;

  @Column(name = "end_reason", length = 2000)
  private String endReason;

  @Column(name = "re_audit_due")
  private LocalDate reAuditDue;

  @Column(name = "re_audit_ref", length = 100)
  private String reAuditRef;

  @Column(name = "re_audit_grade", length = 30)
  private String reAuditGrade;

  /** Why the effectiveness re-audit cannot happen (the practitioner left, say); null otherwise. */
  @Column(name = "re_audit_not_possible_reason", length = 1000)
  private String reAuditNotPossibleReason;

  @Column(name = "re_audit_not_possible_by", length = 100)
  private String reAuditNotPossibleBy;

  @Column(name = "re_audit_not_possible_at")
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant reAuditNotPossibleAt;

  /** The linked re-audit's effective grade is Inadequate: the practice was inadequate again. */
  @Column(name = "re_audit_repeat_inadequate", nullable = false)
  private boolean reAuditRepeatInadequate;

  /**
   * This follow-up's audit is the Inadequate effectiveness re-audit of that follow-up: a repeat
   * Inadequate.
   */
  @Column(name = "repeat_of_follow_up_id")
  private Long repeatOfFollowUpId;

  @Version private long version;

  @OneToMany(mappedBy = "followUp", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<Conversation> conversations = new ArrayList<>();

  @OneToMany(mappedBy = "followUp", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<SupportItem> supportItems = new ArrayList<>();

  @OneToMany(mappedBy = "followUp", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("at, id")
  private List<TimelineEntry> timeline = new ArrayList<>();

  protected FollowUp() {}

  /**
   * A follow-up opened now, in the PI team's queue, for an audit that is inadequate; the timeline
   * says so, and asks for the safety review when the audit found a risk of significant harm.
   */
  FollowUp(
      String auditRef,
      AuditFacts audit,
      Instant createdAt,
      LocalDate allocationDue,
      LocalDate safeguardingDue) {
    this.auditRef = auditRef;
    this.createdAt = createdAt;
    takeOver(audit, allocationDue, safeguardingDue);
    this.dueDate = allocationDue;
    record(
        createdAt,
        SYSTEM,
        TimelineAction.CREATED,
        "Audit " + auditRef + " is inadequate: follow-up opened in the PI team's queue");
    recordSafeguardingRequested(createdAt);
  }

  /**
   * A manager moved a stage's due date (see FollowUpDeadlines); the follow-up's current due date
   * moves with it when it is at that stage. SUPPORT has its due dates on the support items; the
   * re-audit's target is the follow-up's due date while it is at RE_AUDIT.
   */
  void extendDue(FollowUpStage extended, LocalDate newDate) {
    switch (extended) {
      case ALLOCATION -> allocationDue = newDate;
      case SAFEGUARDING_CHECK -> safeguardingDue = newDate;
      case CONVERSATIONS -> conversationsDue = newDate;
      case CLOSURE, SIGN_OFF -> closureDue = newDate;
      case RE_AUDIT, AWAITING_RE_AUDIT, SUPPORT, DONE, ENDED -> {}
    }
    boolean current =
        extended == stage
            || (extended == FollowUpStage.CLOSURE && stage == FollowUpStage.SIGN_OFF)
            || (extended == FollowUpStage.SIGN_OFF && stage == FollowUpStage.CLOSURE);
    if (current) {
      dueDate = newDate;
    }
  }

  /** The audit's date was corrected in the register. */
  void redate(LocalDate auditDate) {
    this.auditDate = auditDate;
  }

  /**
   * Appends one entry to the timeline. Every transition below writes its own; the module calls this
   * only for what is no transition (a manager's hand escalation, a moved due date).
   */
  void record(Instant at, String actor, TimelineAction action, String detail) {
    timeline.add(new TimelineEntry(this, at, actor, action, detail));
  }

  /** A PI officer or lead takes the follow-up from the queue for themselves. */
  void claim(
      String officer, boolean joint, LocalDate conversationsDue, LocalDate closureDue, Instant at) {
    assign(officer, joint, conversationsDue, closureDue, officer, at, TimelineAction.CLAIMED);
  }

  /** A PI lead allocates the follow-up to a PI officer. */
  void allocate(
      String officer,
      boolean joint,
      LocalDate conversationsDue,
      LocalDate closureDue,
      String by,
      Instant at) {
    assign(officer, joint, conversationsDue, closureDue, by, at, TimelineAction.ALLOCATED);
  }

  private void assign(
      String officer,
      boolean joint,
      LocalDate conversationsDue,
      LocalDate closureDue,
      String by,
      Instant at,
      TimelineAction action) {
    requireOpen();
    requireStage(FollowUpStage.ALLOCATION, "allocated");
    this.officerUsername = officer;
    this.jointConversation = joint;
    this.allocatedAt = at;
    this.conversationsDue = conversationsDue;
    this.closureDue = closureDue;
    if (joint) {
      conversations.add(new Conversation(this, ConversationAttendees.JOINT));
    } else {
      conversations.add(new Conversation(this, ConversationAttendees.TEAM_MANAGER));
      conversations.add(new Conversation(this, ConversationAttendees.PRACTITIONER));
    }
    moveTo(FollowUpStage.CONVERSATIONS);
    record(
        at,
        by,
        action,
        "Allocated to " + officer + (joint ? "; one joint conversation" : "; two conversations"));
  }

  void reassign(String officer, String by, Instant at) {
    requireOpen();
    if (officerUsername == null) {
      throw FollowUpException.outOfOrder(
          "Follow-up " + id + " is not allocated yet: allocate it instead.");
    }
    if (officer.equals(officerUsername)) {
      throw FollowUpException.outOfOrder(
          "Follow-up " + id + " is already allocated to " + officer + ".");
    }
    String previous = officerUsername;
    this.officerUsername = officer;
    record(at, by, TimelineAction.REASSIGNED, "From " + previous + " to " + officer);
  }

  void confirmSafeguarding(String by, Instant at) {
    requireOpen();
    if (!significantHarmRisk) {
      throw FollowUpException.outOfOrder(
          "Follow-up "
              + id
              + " has no safeguarding check: the audit found no risk of significant harm.");
    }
    if (safeguardingConfirmedAt != null) {
      throw FollowUpException.outOfOrder(
          "The child's safety review was confirmed already, by " + safeguardingConfirmedBy + ".");
    }
    safeguardingConfirmedAt = at;
    safeguardingConfirmedBy = by;
    record(
        at,
        by,
        TimelineAction.SAFEGUARDING_CONFIRMED,
        "The child's current safety has been reviewed");
  }

  /**
   * The safety review was not confirmed in time and went up to {@code to} (a role's label), named
   * when the service area has one.
   */
  void safeguardingEscalated(String to, String manager, Instant at) {
    record(
        at,
        SYSTEM,
        TimelineAction.SAFEGUARDING_ESCALATED,
        "Safety review not confirmed in time: escalated to the "
            + to
            + (manager == null ? " (none in the service area)" : " " + manager));
  }

  /**
   * Schedules a conversation: first, or again after it was not held; or, with {@code move}, moves a
   * scheduled one. {@code startsAt} is in the council's time zone, as the timeline shows it.
   */
  Conversation planConversation(
      long conversationId,
      boolean move,
      ZonedDateTime startsAt,
      Duration duration,
      String location,
      String by,
      Instant at) {
    Conversation c = conversationUnderway(conversationId);
    if (move) {
      c.reschedule(startsAt.toInstant(), duration, location);
    } else {
      c.schedule(startsAt.toInstant(), duration, location);
    }
    record(
        at,
        by,
        move ? TimelineAction.CONVERSATION_RESCHEDULED : TimelineAction.CONVERSATION_SCHEDULED,
        c.getAttendees()
            + (move ? " conversation moved to " : " conversation on ")
            + startsAt.toLocalDateTime()
            + " at "
            + location);
    return c;
  }

  /** Held: when both conversations (or the joint one) are, the follow-up moves on to closure. */
  void recordConversationHeld(
      long conversationId, String notes, String learningPoints, String by, Instant at) {
    Conversation c = conversationUnderway(conversationId);
    c.recordHeld(at, notes, learningPoints);
    record(at, by, TimelineAction.CONVERSATION_HELD, c.getAttendees() + " conversation held");
    if (stage == FollowUpStage.CONVERSATIONS
        && currentConversations().stream().allMatch(Conversation::isHeld)) {
      moveTo(FollowUpStage.CLOSURE);
    }
  }

  void recordConversationNotHeld(long conversationId, String reason, String by, Instant at) {
    Conversation c = conversationUnderway(conversationId);
    c.recordNotHeld(at, reason);
    String detail = c.getAttendees() + " conversation not held: " + reason;
    record(at, by, TimelineAction.CONVERSATION_NOT_HELD, detail);
  }

  Conversation conversation(long conversationId) {
    return conversations.stream()
        .filter(c -> c.getId() == conversationId)
        .findFirst()
        .orElseThrow(() -> FollowUpException.partNotFound("conversation", conversationId));
  }

  private Conversation conversationUnderway(long conversationId) {
    requireOpen();
    if (stage == FollowUpStage.ALLOCATION) {
      throw FollowUpException.outOfOrder(
          "Follow-up " + id + " is not allocated yet: conversations come after allocation.");
    }
    return conversation(conversationId);
  }

  /** A support item offered now; {@code label} is its type as the timeline names it. */
  SupportItem offerSupport(
      String typeCode,
      String label,
      String description,
      SupportOwner owner,
      LocalDate due,
      String by,
      Instant at) {
    requireOpen();
    if (stage == FollowUpStage.SIGN_OFF) {
      throw FollowUpException.outOfOrder(
          "Closure of follow-up "
              + id
              + " is proposed: send it back before offering more support.");
    }
    SupportItem item = new SupportItem(this, typeCode, description, owner, due, by, at);
    supportItems.add(item);
    record(at, by, TimelineAction.SUPPORT_OFFERED, label + " offered to the " + owner);
    return item;
  }

  SupportItem supportItem(long itemId) {
    return supportItems.stream()
        .filter(i -> i.getId() == itemId)
        .findFirst()
        .orElseThrow(() -> FollowUpException.partNotFound("support-item", itemId));
  }

  void acceptSupport(long itemId, String by, Instant at) {
    changeSupport(itemId, i -> i.accept(at), TimelineAction.SUPPORT_ACCEPTED, by, at);
  }

  void declineSupport(long itemId, String reason, String by, Instant at) {
    changeSupport(itemId, i -> i.decline(at, reason), TimelineAction.SUPPORT_DECLINED, by, at);
  }

  void completeSupport(long itemId, String by, Instant at) {
    changeSupport(itemId, i -> i.complete(at), TimelineAction.SUPPORT_COMPLETED, by, at);
  }

  void verifySupport(long itemId, String by, Instant at) {
    changeSupport(itemId, i -> i.verify(at, by), TimelineAction.SUPPORT_VERIFIED, by, at);
  }

  void withdrawSupport(long itemId, String reason, String by, Instant at) {
    changeSupport(itemId, i -> i.withdraw(reason), TimelineAction.SUPPORT_WITHDRAWN, by, at);
  }

  /**
   * One step of a support item of this open follow-up, the item guarding its own states; the
   * timeline names the item's type, what happened and, for a refusal, why.
   */
  private void changeSupport(
      long itemId, Consumer<SupportItem> change, TimelineAction action, String by, Instant at) {
    requireOpen();
    SupportItem item = supportItem(itemId);
    change.accept(item);
    String detail =
        switch (action) {
          case SUPPORT_ACCEPTED -> " accepted";
          case SUPPORT_COMPLETED -> " completed";
          case SUPPORT_VERIFIED -> " completion verified";
          case SUPPORT_DECLINED -> " declined: " + item.getReason();
          case SUPPORT_WITHDRAWN -> " withdrawn: " + item.getReason();
          default -> throw new IllegalArgumentException(action + " is no step of a support item");
        };
    record(at, by, action, item.getTypeCode() + detail);
  }

  void proposeClosure(String by, Instant at) {
    requireOpen();
    if (stage == FollowUpStage.ALLOCATION || stage == FollowUpStage.CONVERSATIONS) {
      throw FollowUpException.outOfOrder(
          "Both conversations must be held before closure is proposed.");
    }
    requireStage(FollowUpStage.CLOSURE, "proposed for closure");
    List<Long> unsettled =
        supportItems.stream().filter(i -> !i.isSettled()).map(SupportItem::getId).toList();
    if (!unsettled.isEmpty()) {
      throw FollowUpException.outOfOrder(
          "Every support item must be completed and verified, declined or withdrawn first; still open: "
              + unsettled
              + ".");
    }
    if (significantHarmRisk && safeguardingConfirmedAt == null) {
      throw FollowUpException.outOfOrder(
          "The child's current safety review must be confirmed before closure.");
    }
    closureProposedBy = by;
    closureProposedAt = at;
    moveTo(FollowUpStage.SIGN_OFF);
    record(
        at,
        by,
        TimelineAction.CLOSURE_PROPOSED,
        "Both conversations held and every support item settled");
  }

  void signOff(String by, Instant at, LocalDate reAuditDue) {
    requireOpen();
    requireStage(FollowUpStage.SIGN_OFF, "signed off");
    if (by.equals(closureProposedBy)) {
      throw FollowUpException.forbidden(
          "Four eyes: a PI lead other than the proposer, " + by + ", signs off the closure.");
    }
    status = FollowUpStatus.CLOSED;
    closedBy = by;
    closedAt = at;
    this.reAuditDue = reAuditDue;
    moveTo(FollowUpStage.AWAITING_RE_AUDIT);
    record(
        at,
        by,
        TimelineAction.CLOSED,
        "Closure signed off; effectiveness re-audit due " + reAuditDue);
  }

  void sendBack(String reason, String by, Instant at) {
    requireOpen();
    requireStage(FollowUpStage.SIGN_OFF, "sent back");
    closureProposedBy = null;
    closureProposedAt = null;
    moveTo(FollowUpStage.CLOSURE);
    record(at, by, TimelineAction.CLOSURE_SENT_BACK, reason);
  }

  /**
   * The re-audit period after closure has passed: the auditors are asked for one, to be done by
   * {@code target} (a window after it fell due), so it is not overdue the moment it appears.
   */
  void reAuditDueNow(Instant at, LocalDate target) {
    if (stage == FollowUpStage.AWAITING_RE_AUDIT) {
      moveTo(FollowUpStage.RE_AUDIT);
      dueDate = target;
    }
    record(at, SYSTEM, TimelineAction.RE_AUDIT_DUE, "Effectiveness re-audit asked of the auditors");
  }

  /** Refuses a re-audit asked for before it is due. */
  void requireReAuditDue() {
    if (stage != FollowUpStage.RE_AUDIT) {
      throw FollowUpException.outOfOrder(
          "The re-audit of follow-up " + id + " is not due (it is at " + stage + ").");
    }
  }

  /**
   * What the follow-up needs to know of the audit offered as its effectiveness re-audit, as the
   * audit register has it.
   */
  record ReAuditFacts(String ref, LocalDate auditDate, Long practitionerId, String grade) {}

  /**
   * Links the effectiveness re-audit: another audit of the same practitioner's work, dated after
   * the day the follow-up closed (in {@code zone}, the council's). Anything else is refused as bad
   * input (400, field {@code auditRef}) and changes nothing.
   */
  void recordReAudit(ReAuditFacts audit, ZoneId zone, String by, Instant at) {
    requireReAuditDue();
    if (audit.ref().equals(auditRef)) {
      throw FollowUpException.invalid(
          "auditRef", "Enter another audit than " + auditRef + ": it is the one followed up");
    }
    if (practitionerId != null && !practitionerId.equals(audit.practitionerId())) {
      throw FollowUpException.invalid(
          "auditRef",
          "Audit " + audit.ref() + " is of another practitioner: enter an audit of the same one");
    }
    LocalDate closedOn = closedAt.atZone(zone).toLocalDate();
    if (!audit.auditDate().isAfter(closedOn)) {
      throw FollowUpException.invalid(
          "auditRef",
          "Audit "
              + audit.ref()
              + " is dated "
              + audit.auditDate()
              + ": a re-audit must be dated after the follow-up closed on "
              + closedOn);
    }
    reAuditRef = audit.ref();
    reAuditGrade = audit.grade();
    moveTo(FollowUpStage.DONE);
    record(at, by, TimelineAction.RE_AUDIT_RECORDED, "Re-audit " + audit.ref() + " linked");
  }

  /**
   * The re-audit cannot happen (the practitioner has left, say): the re-audit stage ends with the
   * reason. The follow-up stays CLOSED, at DONE, with no re-audit linked.
   */
  void reAuditNotPossible(String reason, String by, Instant at) {
    requireReAuditDue();
    reAuditNotPossibleReason = reason;
    reAuditNotPossibleBy = by;
    reAuditNotPossibleAt = at;
    moveTo(FollowUpStage.DONE);
    record(at, by, TimelineAction.RE_AUDIT_NOT_POSSIBLE, "Re-audit not possible: " + reason);
  }

  /** The re-audit's grade as the audit register has it now (moderated later, say). */
  void reAuditRegraded(String grade) {
    if (reAuditRef != null) {
      reAuditGrade = grade;
    }
  }

  /**
   * Flags or clears the repeat Inadequate of this follow-up's re-audit, as its current grade says;
   * {@code reAuditFollowUpId} is the follow-up the re-audit opened, when it has one. Writes the
   * timeline only when the flag changes.
   *
   * @return whether the follow-up is now flagged
   */
  boolean settleReAuditRepeat(Long reAuditFollowUpId, String by, Instant at) {
    boolean repeat = reAuditRef != null && INADEQUATE.equals(reAuditGrade);
    if (repeat == reAuditRepeatInadequate) {
      return repeat;
    }
    reAuditRepeatInadequate = repeat;
    record(
        at,
        by,
        repeat ? TimelineAction.REPEAT_INADEQUATE : TimelineAction.REPEAT_INADEQUATE_CLEARED,
        repeat
            ? "Repeat Inadequate: re-audit "
                + reAuditRef
                + " is graded Inadequate"
                + (reAuditFollowUpId == null ? "" : " (its follow-up: " + reAuditFollowUpId + ")")
            : "No longer a repeat Inadequate: re-audit "
                + reAuditRef
                + " is graded "
                + reAuditGrade);
    return repeat;
  }

  /**
   * Flags this follow-up as opened by the Inadequate re-audit of {@code earlier} (its id and audit
   * ref), or clears the flag when {@code earlierId} is null. Writes the timeline only when it
   * changes.
   */
  void settleRepeatOf(Long earlierId, String earlierAuditRef, String by, Instant at) {
    if (Objects.equals(earlierId, repeatOfFollowUpId)) {
      return;
    }
    Long before = repeatOfFollowUpId;
    repeatOfFollowUpId = earlierId;
    record(
        at,
        by,
        earlierId == null
            ? TimelineAction.REPEAT_INADEQUATE_CLEARED
            : TimelineAction.REPEAT_INADEQUATE,
        earlierId == null
            ? "No longer a repeat Inadequate: audit "
                + auditRef
                + " is not graded Inadequate as the re-audit of follow-up "
                + before
            : "Repeat Inadequate: audit "
                + auditRef
                + " is the effectiveness re-audit of follow-up "
                + earlierId
                + " (audit "
                + earlierAuditRef
                + "), graded Inadequate again");
  }

  /**
   * The audit of a follow-up ended as GRADE_REVISED is inadequate again: the follow-up opens again
   * at allocation, as a new one would, with the audit's people and risk as they are now and fresh
   * due dates. The earlier conversations and support items stay as its history; the timeline
   * records why.
   */
  void reopen(
      AuditFacts audit,
      LocalDate allocationDue,
      LocalDate safeguardingDue,
      String by,
      String rationale,
      Instant at) {
    if (status != FollowUpStatus.GRADE_REVISED) {
      throw FollowUpException.outOfOrder(
          "Follow-up "
              + id
              + " is "
              + status
              + ": only a follow-up ended by a revised grade is reopened.");
    }
    status = FollowUpStatus.OPEN;
    takeOver(audit, allocationDue, safeguardingDue);
    officerUsername = null;
    jointConversation = false;
    allocatedAt = null;
    conversationsDue = null;
    closureDue = null;
    safeguardingConfirmedAt = null;
    safeguardingConfirmedBy = null;
    closureProposedBy = null;
    closureProposedAt = null;
    endedAt = null;
    endReason = null;
    moveTo(FollowUpStage.ALLOCATION);
    record(
        at,
        by,
        TimelineAction.REOPENED,
        "Audit "
            + auditRef
            + " is inadequate again"
            + because(rationale)
            + ": follow-up reopened in the PI team's queue");
    recordSafeguardingRequested(at);
  }

  /**
   * The audit is inadequate again after the follow-up was closed or withdrawn: it stays ended, and
   * its timeline says so.
   */
  void inadequateAgainAfterEnd(String by, String rationale, Instant at) {
    if (status == FollowUpStatus.OPEN || status == FollowUpStatus.GRADE_REVISED) {
      throw FollowUpException.outOfOrder(
          "Follow-up " + id + " is " + status + ": it has not ended as closed or withdrawn.");
    }
    record(
        at,
        by,
        TimelineAction.INADEQUATE_AGAIN_AFTER_END,
        "The audit is inadequate again"
            + because(rationale)
            + "; the follow-up stays "
            + status
            + ": open it again by hand if needed");
  }

  /** Moderation lifted the grade of an audit whose follow-up had ended already. */
  void gradeRevisedAfterEnd(String by, String rationale, Instant at) {
    record(at, by, TimelineAction.GRADE_REVISED_AFTER_END, rationale);
  }

  private void recordSafeguardingRequested(Instant at) {
    if (significantHarmRisk) {
      record(
          at,
          SYSTEM,
          TimelineAction.SAFEGUARDING_REQUESTED,
          "Risk of significant harm: Team Manager asked to confirm the child's safety review by "
              + safeguardingDue);
    }
  }

  /**
   * What the follow-up takes from its audit, as the register has it when the follow-up opens (or
   * reopens): the people and the team it concerns, and whether it found a risk of significant harm.
   */
  record AuditFacts(
      LocalDate auditDate,
      Long practitionerId,
      Long teamManagerId,
      Long teamId,
      Long serviceAreaId,
      boolean significantHarmRisk) {}

  private void takeOver(AuditFacts audit, LocalDate allocationDue, LocalDate safeguardingDue) {
    this.auditDate = audit.auditDate();
    this.practitionerId = audit.practitionerId();
    this.teamManagerId = audit.teamManagerId();
    this.teamId = audit.teamId();
    this.serviceAreaId = audit.serviceAreaId();
    this.significantHarmRisk = audit.significantHarmRisk();
    this.allocationDue = allocationDue;
    this.safeguardingDue = significantHarmRisk ? safeguardingDue : null;
  }

  /**
   * 1 for a follow-up as first opened, one more for each time it was reopened; emails of a round
   * are keyed by it.
   */
  int round() {
    return 1
        + (int) timeline.stream().filter(t -> t.getAction() == TimelineAction.REOPENED).count();
  }

  /**
   * The conversations of the current allocation: the last one (joint) or two that allocation added.
   * A reopened follow-up keeps those of earlier rounds (held or cancelled) as history only.
   */
  List<Conversation> currentConversations() {
    if (stage == FollowUpStage.ALLOCATION || conversations.isEmpty()) {
      return List.of();
    }
    int count = jointConversation ? 1 : 2;
    return List.copyOf(
        conversations.subList(Math.max(0, conversations.size() - count), conversations.size()));
  }

  /**
   * Ends an open follow-up early: grade revised by moderation, or withdrawn by a PI lead.
   * Conversations still in the diary are called off and open support items withdrawn with it.
   *
   * @return what was called off, and the support items whose process must end too
   */
  Ended end(FollowUpStatus ending, String reason, String by, Instant at) {
    requireOpen();
    TimelineAction action =
        switch (ending) {
          case GRADE_REVISED -> TimelineAction.GRADE_REVISED;
          case WITHDRAWN -> TimelineAction.WITHDRAWN;
          case OPEN, CLOSED ->
              throw new IllegalArgumentException(ending + " does not end a follow-up early");
        };
    status = ending;
    endReason = reason;
    endedAt = at;
    moveTo(FollowUpStage.ENDED);
    record(at, by, action, reason);
    List<Conversation> calledOff = new ArrayList<>();
    for (Conversation c : conversations) {
      if (c.cancelIfScheduled()) {
        calledOff.add(c);
      }
    }
    List<SupportItem> withProcess = new ArrayList<>();
    for (SupportItem item : supportItems) {
      // an item has a process while it is open or waits for verification
      if (item.isOpen() || !item.isSettled()) {
        withProcess.add(item);
      }
      if (item.isOpen()) {
        item.withdraw("The follow-up ended: " + ending);
      }
    }
    return new Ended(List.copyOf(calledOff), List.copyOf(withProcess));
  }

  /** What ending a follow-up early called off, for the emails and the process. */
  record Ended(List<Conversation> calledOff, List<SupportItem> supportWithProcess) {}

  private void moveTo(FollowUpStage next) {
    stage = next;
    dueDate =
        switch (next) {
          case ALLOCATION -> allocationDue;
          case CONVERSATIONS -> conversationsDue;
          case CLOSURE, SIGN_OFF -> closureDue;
          case AWAITING_RE_AUDIT, RE_AUDIT -> reAuditDue;
          case DONE, ENDED -> null;
          case SAFEGUARDING_CHECK, SUPPORT ->
              throw new IllegalArgumentException(next + " runs beside the main stages");
        };
  }

  void requireOpen() {
    if (status != FollowUpStatus.OPEN) {
      throw FollowUpException.outOfOrder(
          "Follow-up " + id + " is " + status + ": nothing more can change on it.");
    }
  }

  private void requireStage(FollowUpStage expected, String verb) {
    if (stage != expected) {
      throw FollowUpException.outOfOrder(
          "Follow-up "
              + id
              + " is at "
              + stage
              + ": it can be "
              + verb
              + " only at "
              + expected
              + ".");
    }
  }

  private static String because(String rationale) {
    return rationale == null || rationale.isBlank() ? "" : " (" + rationale.strip() + ")";
  }

  /** Due and not done by the end of the due date (see {@code Deadlines.isOverdue}). */
  public boolean isOverdue(Deadlines deadlines, Instant now) {
    return deadlines.isOverdue(dueDate, now);
  }

  public boolean safeguardingPending() {
    return significantHarmRisk && safeguardingConfirmedAt == null;
  }

  /**
   * The current allocation's conversation with these attendees (see {@link
   * #currentConversations()}).
   */
  public Optional<Conversation> conversationWith(ConversationAttendees attendees) {
    return currentConversations().stream().filter(c -> c.getAttendees() == attendees).findFirst();
  }

  public Long getId() {
    return id;
  }

  public String getAuditRef() {
    return auditRef;
  }

  public FollowUpStatus getStatus() {
    return status;
  }

  public FollowUpStage getStage() {
    return stage;
  }

  public Long getPractitionerId() {
    return practitionerId;
  }

  public Long getTeamManagerId() {
    return teamManagerId;
  }

  public Long getTeamId() {
    return teamId;
  }

  public Long getServiceAreaId() {
    return serviceAreaId;
  }

  public boolean isSignificantHarmRisk() {
    return significantHarmRisk;
  }

  public String getOfficerUsername() {
    return officerUsername;
  }

  public boolean isJointConversation() {
    return jointConversation;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getAllocatedAt() {
    return allocatedAt;
  }

  public LocalDate getAllocationDue() {
    return allocationDue;
  }

  public LocalDate getConversationsDue() {
    return conversationsDue;
  }

  public LocalDate getClosureDue() {
    return closureDue;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public LocalDate getSafeguardingDue() {
    return safeguardingDue;
  }

  public Instant getSafeguardingConfirmedAt() {
    return safeguardingConfirmedAt;
  }

  public String getSafeguardingConfirmedBy() {
    return safeguardingConfirmedBy;
  }

  public String getClosureProposedBy() {
    return closureProposedBy;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getClosedBy() {
    return closedBy;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public String getEndReason() {
    return endReason;
  }

  public LocalDate getReAuditDue() {
    return reAuditDue;
  }

  public String getReAuditRef() {
    return reAuditRef;
  }

  public String getReAuditGrade() {
    return reAuditGrade;
  }

  public String getReAuditNotPossibleReason() {
    return reAuditNotPossibleReason;
  }

  public String getReAuditNotPossibleBy() {
    return reAuditNotPossibleBy;
  }

  public Instant getReAuditNotPossibleAt() {
    return reAuditNotPossibleAt;
  }

  public boolean isReAuditRepeatInadequate() {
    return reAuditRepeatInadequate;
  }

  public Long getRepeatOfFollowUpId() {
    return repeatOfFollowUpId;
  }

  public List<Conversation> getConversations() {
    return Collections.unmodifiableList(conversations);
  }

  public LocalDate getAuditDate() {
    return auditDate;
  }

  public List<SupportItem> getSupportItems() {
    return Collections.unmodifiableList(supportItems);
  }

  public List<TimelineEntry> getTimeline() {
    return Collections.unmodifiableList(timeline);
  }
}
