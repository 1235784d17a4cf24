package org.learningloop.followup;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface FollowUpRepository
    extends JpaRepository<FollowUp, Long>, JpaSpecificationExecutor<FollowUp> {

  Optional<FollowUp> findByAuditRef(String auditRef);

  /** The follow-ups whose effectiveness re-audit this audit is (one, as a rule). */
  java.util.List<FollowUp> findByReAuditRef(String reAuditRef);

  /**
   * The follow-up, its row locked until the transaction ends: two steps on one follow-up at the
   * same moment run one after the other, and the second sees what the first did.
   */
  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @org.springframework.data.jpa.repository.Query("select f from FollowUp f where f.id = :id")
  Optional<FollowUp> lockById(@org.springframework.data.repository.query.Param("id") long id);
}
