package org.learningloop.followup;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface FollowUpRepository
    extends JpaRepository<FollowUp, Long>, JpaSpecificationExecutor<FollowUp> {

  Optional<FollowUp> findByAuditRef(String auditRef);
}
