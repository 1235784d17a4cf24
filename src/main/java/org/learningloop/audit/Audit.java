package org.learningloop.audit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * One case-file audit. Both grades are kept for ever (reports compare them); the effective grade is
 * stored too, so that lists and reports filter on an indexed column. People, teams and service
 * areas are directory ids.
 */
@Entity
@Table(name = "audit")
class Audit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 60)
  private String ref;

  @Column(name = "audit_date", nullable = false)
  private LocalDate auditDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "audit_type", nullable = false, length = 30)
  private AuditType type;

  @Column(length = 300)
  private String theme;

  @Column(name = "service_area_id", nullable = false)
  private Long serviceAreaId;

  @Column(name = "team_id", nullable = false)
  private Long teamId;

  @Column(name = "practitioner_id", nullable = false)
  private Long practitionerId;

  @Column(name = "team_manager_id", nullable = false)
  private Long teamManagerId;

  @Column(name = "auditor_id", nullable = false)
  private Long auditorId;

  @Column(name = "child_ref", nullable = false, length = 60)
  private String childRef;

  @Enumerated(EnumType.STRING)
  @Column(name = "auditor_grade", nullable = false, length = 30)
  private Grade auditorGrade;

  @Column(name = "moderator_id")
  private Long moderatorId;

  @Column(name = "moderation_date")
  private LocalDate moderationDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "moderated_grade", length = 30)
  private Grade moderatedGrade;

  @Column(name = "moderation_rationale", length = 4000)
  private String moderationRationale;

  @Enumerated(EnumType.STRING)
  @Column(name = "effective_grade", nullable = false, length = 30)
  private Grade effectiveGrade;

  @Column(length = 4000)
  private String notes;

  /** The factors the reports count: the current moderation's revision, else the auditor's. */
  @ElementCollection
  @CollectionTable(name = "audit_factor", joinColumns = @JoinColumn(name = "audit_id"))
  @Column(name = "factor_code", nullable = false, length = 60)
  @BatchSize(size = 200)
  private Set<String> factorCodes = new HashSet<>();

  /** The auditor's own factors, kept beside the moderator's. */
  @ElementCollection
  @CollectionTable(name = "audit_auditor_factor", joinColumns = @JoinColumn(name = "audit_id"))
  @Column(name = "factor_code", nullable = false, length = 60)
  @BatchSize(size = 200)
  private Set<String> auditorFactorCodes = new HashSet<>();

  /** Whether the current moderation revised the factors (then {@code factorCodes} are its). */
  @Column(name = "moderation_factors_revised", nullable = false)
  private boolean moderationFactorsRevised;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Audit() {}

  Audit(AuditState state, Instant now) {
    this.createdAt = now;
    apply(state, now);
  }

  /**
   * Takes on a new state.
   *
   * @return false, touching nothing, when the state is the one already held
   */
  boolean apply(AuditState state, Instant now) {
    if (ref != null && state.equals(state())) {
      return false;
    }
    AuditFacts facts = state.facts();
    ref = facts.ref();
    auditDate = facts.auditDate();
    type = facts.type();
    theme = facts.theme();
    serviceAreaId = facts.serviceAreaId();
    teamId = facts.teamId();
    practitionerId = facts.practitionerId();
    teamManagerId = facts.teamManagerId();
    auditorId = facts.auditorId();
    childRef = state.childRef();
    auditorGrade = state.auditorGrade();
    AuditState.Current moderation = state.moderation();
    moderatorId = moderation == null ? null : moderation.moderatorId();
    moderationDate = moderation == null ? null : moderation.date();
    moderatedGrade = moderation == null ? null : moderation.grade();
    moderationRationale = moderation == null ? null : moderation.rationale();
    effectiveGrade = state.effectiveGrade();
    notes = state.notes();
    Set<String> effective = state.effectiveFactorCodes();
    factorCodes.retainAll(effective);
    factorCodes.addAll(effective);
    auditorFactorCodes.retainAll(state.factorCodes());
    auditorFactorCodes.addAll(state.factorCodes());
    moderationFactorsRevised = state.moderatorFactorCodes() != null;
    updatedAt = now;
    return true;
  }

  AuditState state() {
    return new AuditState(
        facts(),
        childRef,
        auditorGrade,
        moderatedGrade == null
            ? null
            : new AuditState.Current(
                moderatorId, moderationDate, moderatedGrade, moderationRationale),
        auditorFactorCodes,
        moderationFactorsRevised ? factorCodes : null,
        notes);
  }

  private AuditFacts facts() {
    return new AuditFacts(
        ref,
        auditDate,
        type,
        theme,
        serviceAreaId,
        teamId,
        practitionerId,
        teamManagerId,
        auditorId);
  }

  Long getId() {
    return id;
  }

  String getRef() {
    return ref;
  }

  Grade getEffectiveGrade() {
    return effectiveGrade;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }

  AuditSummary summary() {
    return new AuditSummary(
        facts(), auditorGrade, effectiveGrade, moderatedGrade != null, factorCodes);
  }
}
