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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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

  FollowUp(
      String auditRef,
      LocalDate auditDate,
      Long practitionerId,
      Long teamManagerId,
      Long teamId,
      Long serviceAreaId,
      boolean significantHarmRisk,
      Instant createdAt,
      LocalDate allocationDue,
      LocalDate safeguardingDue) {
    this.auditRef = auditRef;
    this.auditDate = auditDate;
    this.practitionerId = practitionerId;
    this.teamManagerId = teamManagerId;
    this.teamId = teamId;
    this.serviceAreaId = serviceAreaId;
    this.significantHarmRisk = significantHarmRisk;
    this.createdAt = createdAt;
    this.allocationDue = allocationDue;
    this.dueDate = allocationDue;
    this.safeguardingDue = significantHarmRisk ? safeguardingDue : null;
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

  /** The timeline action of a follow-up reopened because its audit became inadequate again. */
  static final String REOPENED = "REOPENED";

  /** The audit's date was corrected in the register. */
  void redate(LocalDate auditDate) {
    this.auditDate = auditDate;
  }

  void record(Instant at, String actor, String action, String detail) {
    timeline.add(new TimelineEntry(this, at, actor, action, detail));
  }

  void allocate(
      String officer, boolean joint, LocalDate conversationsDue, LocalDate closureDue, Instant at) {
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
  }

  void reassign(String officer) {
    requireOpen();
    if (officerUsername == null) {
      throw FollowUpException.outOfOrder(
          "Follow-up " + id + " is not allocated yet: allocate it instead.");
    }
    if (officer.equals(officerUsername)) {
      throw FollowUpException.outOfOrder(
          "Follow-up " + id + " is already allocated to " + officer + ".");
    }
    this.officerUsername = officer;
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
  }

  Conversation conversation(long conversationId) {
    return conversations.stream()
        .filter(c -> c.getId() == conversationId)
        .findFirst()
        .orElseThrow(() -> FollowUpException.partNotFound("conversation", conversationId));
  }

  void requireConversationsUnderway() {
    requireOpen();
    if (stage == FollowUpStage.ALLOCATION) {
      throw FollowUpException.outOfOrder(
          "Follow-up " + id + " is not allocated yet: conversations come after allocation.");
    }
  }

  /**
   * After an outcome: both conversations held (or the joint one) moves the follow-up on to closure.
   */
  void conversationsChanged() {
    if (stage == FollowUpStage.CONVERSATIONS
        && currentConversations().stream().allMatch(Conversation::isHeld)) {
      moveTo(FollowUpStage.CLOSURE);
    }
  }

  SupportItem offerSupport(
      String typeCode,
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
    return item;
  }

  SupportItem supportItem(long itemId) {
    return supportItems.stream()
        .filter(i -> i.getId() == itemId)
        .findFirst()
        .orElseThrow(() -> FollowUpException.partNotFound("support-item", itemId));
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
  }

  void sendBack() {
    requireOpen();
    requireStage(FollowUpStage.SIGN_OFF, "sent back");
    closureProposedBy = null;
    closureProposedAt = null;
    moveTo(FollowUpStage.CLOSURE);
  }

  /**
   * The re-audit fell due today: it must be done by {@code target} (a window after it fell due), so
   * it is not overdue the moment it appears.
   */
  void reAuditDueNow(LocalDate target) {
    if (stage == FollowUpStage.AWAITING_RE_AUDIT) {
      moveTo(FollowUpStage.RE_AUDIT);
      dueDate = target;
    }
  }

  void recordReAudit(String ref, String grade) {
    if (stage != FollowUpStage.RE_AUDIT) {
      throw FollowUpException.outOfOrder(
          "The re-audit of follow-up " + id + " is not due (it is at " + stage + ").");
    }
    reAuditRef = ref;
    reAuditGrade = grade;
    moveTo(FollowUpStage.DONE);
  }

  /**
   * The audit of a follow-up ended as GRADE_REVISED is inadequate again: the follow-up opens again
   * at allocation, as a new one would, with the audit's people and risk as they are now and fresh
   * due dates. The earlier conversations and support items stay as its history; the timeline
   * records why.
   */
  void reopen(
      LocalDate auditDate,
      Long practitionerId,
      Long teamManagerId,
      Long teamId,
      Long serviceAreaId,
      boolean significantHarmRisk,
      LocalDate allocationDue,
      LocalDate safeguardingDue) {
    if (status != FollowUpStatus.GRADE_REVISED) {
      throw FollowUpException.outOfOrder(
          "Follow-up "
              + id
              + " is "
              + status
              + ": only a follow-up ended by a revised grade is reopened.");
    }
    status = FollowUpStatus.OPEN;
    this.auditDate = auditDate;
    this.practitionerId = practitionerId;
    this.teamManagerId = teamManagerId;
    this.teamId = teamId;
    this.serviceAreaId = serviceAreaId;
    this.significantHarmRisk = significantHarmRisk;
    officerUsername = null;
    jointConversation = false;
    allocatedAt = null;
    this.allocationDue = allocationDue;
    conversationsDue = null;
    closureDue = null;
    this.safeguardingDue = significantHarmRisk ? safeguardingDue : null;
    safeguardingConfirmedAt = null;
    safeguardingConfirmedBy = null;
    closureProposedBy = null;
    closureProposedAt = null;
    endedAt = null;
    endReason = null;
    moveTo(FollowUpStage.ALLOCATION);
  }

  /**
   * 1 for a follow-up as first opened, one more for each time it was reopened; emails of a round
   * are keyed by it.
   */
  int round() {
    return 1 + (int) timeline.stream().filter(t -> REOPENED.equals(t.getAction())).count();
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

  /** Ends an open follow-up early: grade revised by moderation, or withdrawn by a PI lead. */
  void end(FollowUpStatus ending, String reason, Instant at) {
    requireOpen();
    status = ending;
    endReason = reason;
    endedAt = at;
    moveTo(FollowUpStage.ENDED);
  }

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
