package org.learningloop.audit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ModerationRequestRepository extends JpaRepository<ModerationRequest, Long> {

  Optional<ModerationRequest> findBySelectionKey(String selectionKey);

  @Query("select r.selectionKey from ModerationRequest r where r.selectionKey in :keys")
  List<String> selectionKeysIn(Collection<String> keys);

  List<ModerationRequest> findByAuditIdAndStatus(long auditId, ModerationRequest.Status status);

  List<ModerationRequest> findByAuditIdOrderById(long auditId);

  List<ModerationRequest> findByAuditIdInAndStatus(
      Collection<Long> auditIds, ModerationRequest.Status status);

  Page<ModerationRequest> findByStatusOrderByDueDateAscIdAsc(
      ModerationRequest.Status status, Pageable page);

  List<ModerationRequest> findBySampleMonthOrderByAuditRef(String sampleMonth);
}
