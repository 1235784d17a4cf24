package org.learningloop.audit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditRepository extends JpaRepository<Audit, Long>, JpaSpecificationExecutor<Audit> {

  Optional<Audit> findByRef(String ref);

  /** What one month's moderation draw looks at: every audit dated in it. */
  record Drawable(long id, String ref, long auditorId, Grade auditorGrade, boolean moderated) {}

  @Query(
      "select new org.learningloop.audit.AuditRepository$Drawable(a.id, a.ref, a.auditorId,"
          + " a.auditorGrade, case when a.moderatedGrade is null then false else true end)"
          + " from Audit a where a.auditDate between :first and :last order by a.id")
  List<Drawable> drawable(java.time.LocalDate first, java.time.LocalDate last);

  @Query("select distinct a from Audit a left join fetch a.factorCodes where a.ref in :refs")
  List<Audit> findWithFactorsByRefIn(Collection<String> refs);

  /** The child, date and readers of these audits (see {@link EarlierAudits}). */
  @Query(
      "select a.ref as ref, a.childRef as childRef, a.auditDate as auditDate, a.teamId as teamId,"
          + " a.teamManagerId as teamManagerId, a.practitionerId as practitionerId"
          + " from Audit a where a.ref in :refs")
  List<EarlierAudits.ChildAudit> findChildAuditsByRefIn(Collection<String> refs);

  /**
   * The audits of these children dated from {@code from} to {@code to}, both included: a range of
   * the index {@code ix_audit_child_date} per child.
   */
  @Query(
      "select a.ref as ref, a.childRef as childRef, a.auditDate as auditDate, a.teamId as teamId,"
          + " a.teamManagerId as teamManagerId, a.practitionerId as practitionerId"
          + " from Audit a where a.childRef in :childRefs and a.auditDate >= :from"
          + " and a.auditDate <= :to")
  List<EarlierAudits.ChildAudit> findChildAuditsBetween(
      Collection<String> childRefs, java.time.LocalDate from, java.time.LocalDate to);
}
