package org.learningloop.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs in someone whom the council's identity provider vouched for: they must be in the directory
 * and enabled, found by the provider's issuer and subject (linked at their first council sign-in,
 * when they are found by email; an email claim can pass to someone else, a subject cannot), and
 * their roles come from the token's groups claim through {@code
 * learning-loop.security.oidc.group-roles}. Their name in Learning Loop is their directory
 * username, so the rest of the application (and the engine) sees the same person as after a
 * password sign-in.
 */
class OidcDirectoryUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private static final Logger log = LoggerFactory.getLogger(OidcDirectoryUserService.class);

  private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;
  private final Directory directory;
  private final SecuritySettings.Oidc settings;

  OidcDirectoryUserService(
      OAuth2UserService<OidcUserRequest, OidcUser> delegate,
      Directory directory,
      SecuritySettings.Oidc settings) {
    this.delegate = delegate;
    this.directory = directory;
    this.settings = settings;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser identity = delegate.loadUser(request);
    String issuer = identity.getIssuer() == null ? null : identity.getIssuer().toString();
    String subject = identity.getSubject();
    if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
      throw refused("no-subject", "The identity provider did not say who you are (no subject).");
    }
    // Found by the provider's stable subject; by email only at the first sign-in, which links them.
    Person person =
        directory
            .findByCouncilIdentity(issuer, subject)
            .orElseGet(() -> linkByEmail(identity, issuer, subject));
    if (!person.enabled()) {
      throw refused(
          "not-in-directory", "You are not a Learning Loop user, or your account is disabled.");
    }
    Set<Role> roles = rolesFrom(identity.getClaim(settings.groupsClaim()));
    if (roles.isEmpty()) {
      throw refused(
          "no-role", "Your council account is in no group that gives a Learning Loop role.");
    }
    List<GrantedAuthority> authorities =
        roles.stream()
            .map(Role::authority)
            .<GrantedAuthority>map(SimpleGrantedAuthority::new)
            .toList();
    log.info("Signed in with the identity provider as {}", roles);
    return new DirectoryOidcUser(authorities, identity, person.username());
  }

  private Person linkByEmail(OidcUser identity, String issuer, String subject) {
    String email =
        settings.emailClaims().stream()
            .map(identity::<Object>getClaim)
            .filter(value -> value instanceof String text && text.contains("@"))
            .map(String.class::cast)
            .findFirst()
            .orElseThrow(
                () ->
                    refused(
                        "no-email",
                        "The identity provider did not say who you are (no email claim)."));
    Person person =
        directory
            .findByEmail(email)
            .filter(Person::enabled)
            .orElseThrow(
                () ->
                    refused(
                        "not-in-directory",
                        "You are not a Learning Loop user, or your account is disabled."));
    if (!directory.linkCouncilIdentity(person.id(), issuer, subject)) {
      log.warn(
          "Refused a council sign-in: its email claim belongs to a person linked to another council"
              + " account");
      throw refused(
          "identity-mismatch",
          "Your council account does not match the Learning Loop user with this email address.");
    }
    log.info("Linked a person to their council account at their first council sign-in");
    return person;
  }

  /** The roles the configured groups give; unknown groups give none. */
  Set<Role> rolesFrom(Object groupsClaim) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (groupsClaim instanceof Collection<?> groups) {
      for (Object group : groups) {
        Role role = group == null ? null : settings.groupRoles().get(group.toString());
        if (role != null) {
          roles.add(role);
        }
      }
    } else if (groupsClaim instanceof String single) {
      Role role = settings.groupRoles().get(single);
      if (role != null) {
        roles.add(role);
      }
    }
    return roles;
  }

  private static OAuth2AuthenticationException refused(String code, String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
  }

  /** The identity provider's user, named by the directory username. */
  static final class DirectoryOidcUser extends DefaultOidcUser {

    private final String username;

    DirectoryOidcUser(
        Collection<GrantedAuthority> authorities, OidcUser identity, String username) {
      super(authorities, identity.getIdToken(), identity.getUserInfo());
      this.username = username;
    }

    @Override
    public String getName() {
      return username;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof DirectoryOidcUser that
          && super.equals(that)
          && username.equals(that.username);
    }

    @Override
    public int hashCode() {
      return 31 * super.hashCode() + username.hashCode();
    }
  }
}
