package org.learningloop.audit;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ModerationRepository extends JpaRepository<Moderation, Long> {

  @Query(
      "select distinct m from Moderation m left join fetch m.factorCodes where m.auditId = :auditId"
          + " order by m.moderationDate, m.id")
  List<Moderation> history(long auditId);

  @Query(
      "select distinct m from Moderation m left join fetch m.factorCodes where m.auditId in :auditIds")
  List<Moderation> historyOf(Collection<Long> auditIds);
}
