package org.learningloop.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.learningloop.directory.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StaffRepository extends JpaRepository<Staff, Long> {

  Optional<Staff> findByUsername(String username);

  Optional<Staff> findByEmail(String email);

  List<Staff> findByEmailIn(Collection<String> emails);

  @Query("select distinct s from Staff s join s.roles r where r = :role order by s.displayName")
  List<Staff> findByRole(Role role);
}
