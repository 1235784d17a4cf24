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
}
