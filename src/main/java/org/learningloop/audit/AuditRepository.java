package org.learningloop.audit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditRepository extends JpaRepository<Audit, Long>, JpaSpecificationExecutor<Audit> {

  Optional<Audit> findByRef(String ref);

  @Query("select distinct a from Audit a left join fetch a.factorCodes where a.ref in :refs")
  List<Audit> findWithFactorsByRefIn(Collection<String> refs);
}
