package org.learningloop.directory.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamRepository extends JpaRepository<Team, Long> {

  Optional<Team> findByNameIgnoreCase(String name);

  @Query("select t from Team t join fetch t.serviceArea order by t.name")
  List<Team> findAllWithServiceArea();
}
