package org.learningloop.directory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.learningloop.directory.internal.Staff;
import org.learningloop.directory.internal.StaffRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the directory: who someone is, who holds a role, whether a password
 * is right.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

  private final StaffRepository staff;
  private final PasswordEncoder passwordEncoder;

  Directory(StaffRepository staff, PasswordEncoder passwordEncoder) {
    this.staff = staff;
    this.passwordEncoder = passwordEncoder;
  }

  public Optional<Person> findByUsername(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return staff.findByUsername(username.toLowerCase(java.util.Locale.ROOT)).map(Person::of);
  }

  /**
   * The signed-in person. Signing in needs a directory entry, so a missing one means the person was
   * removed since: that is a 403 problem, never a server error.
   */
  public Person signedIn(java.security.Principal principal) {
    return findByUsername(principal.getName())
        .orElseThrow(() -> DirectoryProblem.notInDirectory(principal.getName()));
  }

  public Optional<Person> findByEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return staff.findByEmail(Staff.normaliseEmail(email)).map(Person::of);
  }

  /** The person the council identity provider's issuer and subject were linked to. */
  public Optional<Person> findByCouncilIdentity(String issuer, String subject) {
    return staff.findByOidcIssuerAndOidcSubject(issuer, subject).map(Person::of);
  }

  /**
   * Links a council identity (issuer and subject) to a person found by email at their first council
   * sign-in.
   *
   * @return false when the person is linked to another council identity already
   */
  @org.springframework.transaction.annotation.Transactional
  public boolean linkCouncilIdentity(long personId, String issuer, String subject) {
    return staff
        .findById(personId)
        .map(person -> person.linkCouncilIdentity(issuer, subject))
        .orElse(false);
  }

  public Optional<Person> findById(Long id) {
    return staff.findById(id).map(Person::of);
  }

  public List<Person> withRole(Role role) {
    return staff.findByRole(role).stream().filter(Staff::isEnabled).map(Person::of).toList();
  }

  /** Everyone, by name; the directory holds a few hundred people, not millions. */
  public List<Person> everyone() {
    return staff.findAll().stream()
        .map(Person::of)
        .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /** True when the person exists, may sign in, has a password and it matches. */
  public boolean passwordMatches(String username, String rawPassword) {
    if (username == null || rawPassword == null) {
      return false;
    }
    return staff
        .findByUsername(username.toLowerCase(java.util.Locale.ROOT))
        .filter(Staff::isEnabled)
        .flatMap(Staff::getPasswordHash)
        .map(hash -> passwordEncoder.matches(rawPassword, hash))
        .orElse(false);
  }
}
