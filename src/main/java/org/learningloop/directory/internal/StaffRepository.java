package org.learningloop.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.learningloop.directory.Role;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The look-ups other modules make through {@code Directory} (who someone is, who holds a role) read
 * a person with their roles, team and service area in one joined query: a {@code Person} needs all
 * of them, and each lazy load would be a statement of its own, several on every step of a
 * follow-up.
 */
public interface StaffRepository extends JpaRepository<Staff, Long> {

  @Override
  @EntityGraph(attributePaths = {"roles", "team", "team.serviceArea", "serviceArea"})
  Optional<Staff> findById(Long id);

  @EntityGraph(attributePaths = {"roles", "team", "team.serviceArea", "serviceArea"})
  Optional<Staff> findByUsername(String username);

  @EntityGraph(attributePaths = {"roles", "team", "team.serviceArea", "serviceArea"})
  Optional<Staff> findByEmail(String email);

  Optional<Staff> findByOidcIssuerAndOidcSubject(String oidcIssuer, String oidcSubject);

  List<Staff> findByEmailIn(Collection<String> emails);

  @EntityGraph(attributePaths = {"roles", "team", "team.serviceArea", "serviceArea"})
  @Query("select distinct s from Staff s join s.roles r where r = :role order by s.displayName")
  List<Staff> findByRole(Role role);
}
