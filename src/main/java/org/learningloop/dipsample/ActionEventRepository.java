package org.learningloop.dipsample;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActionEventRepository extends JpaRepository<ActionEvent, Long> {

  List<ActionEvent> findByActionIdOrderByIdAsc(long actionId);
}
