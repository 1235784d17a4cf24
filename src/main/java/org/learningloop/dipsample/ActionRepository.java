package org.learningloop.dipsample;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActionRepository extends JpaRepository<Action, Long> {

  List<Action> findByDipSampleIdInOrderById(List<Long> dipSampleIds);

  List<Action> findBySourceRefOrderById(String sourceRef);

  List<Action> findByOwnerUsernameAndStatusInOrderByDueDateAscIdAsc(
      String ownerUsername, List<ActionStatus> statuses);
}
