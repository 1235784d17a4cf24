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

  public Optional<Person> findByEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return staff.findByEmail(Staff.normaliseEmail(email)).map(Person::of);
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
