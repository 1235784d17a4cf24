package org.learningloop.directory;

import java.util.Locale;
import org.learningloop.directory.internal.Staff;
import org.learningloop.directory.internal.StaffRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs people in against the directory; someone without a password (created by an import) cannot
 * sign in. It lives here, not in {@code security}, so that password hashes never leave the
 * directory; the security module's filter chains find it as the one {@code UserDetailsService}.
 */
@Service
class DirectoryUserDetailsService implements UserDetailsService {

  private final StaffRepository staff;

  DirectoryUserDetailsService(StaffRepository staff) {
    this.staff = staff;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    Staff person =
        staff
            .findByUsername(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
            .filter(s -> s.getPasswordHash().isPresent())
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    return User.withUsername(person.getUsername())
        .password(person.getPasswordHash().orElseThrow())
        .disabled(!person.isEnabled())
        .authorities(
            person.getRoles().stream()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .toList())
        .build();
  }
}
