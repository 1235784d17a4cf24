package org.learningloop.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, as the directory knows them, and what they may see. Roles are those granted at
 * sign-in (the directory's, or the identity provider's groups mapped by configuration); placement
 * (team, service area) is the directory's.
 */
@Component
public class CurrentUser {

  private final Directory directory;

  CurrentUser(Directory directory) {
    this.directory = directory;
  }

  /**
   * The signed-in person, if someone is signed in and is (still) an enabled member of the
   * directory.
   */
  public Optional<Person> person() {
    return authentication()
        .flatMap(a -> directory.findByUsername(a.getName()))
        .filter(Person::enabled);
  }

  /** The signed-in person's roles, as granted at sign-in. */
  public Set<Role> roles() {
    return authentication().map(CurrentUser::rolesOf).orElse(Set.of());
  }

  /** What the signed-in person may see; {@link AccessScope.None} for nobody. */
  public AccessScope scope() {
    return person().map(p -> AccessScope.of(p, roles())).orElseGet(AccessScope.None::new);
  }

  /** The signed-in person's name, for the access log. */
  public Optional<String> username() {
    return authentication().map(Authentication::getName);
  }

  static Set<Role> rolesOf(Authentication authentication) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      for (Role role : Role.values()) {
        if (role.authority().equals(authority.getAuthority())) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static Optional<Authentication> authentication() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.of(authentication);
  }
}
