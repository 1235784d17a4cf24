package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** What each role may see, from the signed-in principal through the directory to a scope. */
class AccessScopeTest {

  private static final long STAFF = 7, TEAM = 3, AREA = 2;

  private final Directory directory = mock(Directory.class);
  private final CurrentUser currentUser = new CurrentUser(directory);

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private static Person person(
      String username, Set<Role> roles, Long teamId, Long serviceAreaId, boolean enabled) {
    return new Person(
        STAFF,
        username,
        username + "@example.org",
        username,
        roles,
        teamId,
        null,
        serviceAreaId,
        null,
        enabled);
  }

  private void signIn(Person person, String authority) {
    when(directory.findByUsername(person.username())).thenReturn(Optional.of(person));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                person.username(), null, AuthorityUtils.createAuthorityList(authority)));
  }

  static Stream<Arguments> scopes() {
    return Stream.of(
        argumentSet("PI leads see everything", Role.PI_LEAD, null, null, new AccessScope.All()),
        argumentSet(
            "PI officers see everything", Role.PI_OFFICER, null, null, new AccessScope.All()),
        argumentSet(
            "service managers see their service area",
            Role.SERVICE_MANAGER,
            null,
            AREA,
            new AccessScope.ServiceArea(AREA)),
        argumentSet(
            "assistant directors see their service area",
            Role.ASSISTANT_DIRECTOR,
            null,
            AREA,
            new AccessScope.ServiceArea(AREA)),
        argumentSet(
            "team managers see their team",
            Role.TEAM_MANAGER,
            TEAM,
            AREA,
            new AccessScope.Team(TEAM)),
        argumentSet(
            "practitioners see their own",
            Role.PRACTITIONER,
            TEAM,
            AREA,
            new AccessScope.Own(STAFF)),
        argumentSet(
            "auditors see the register", Role.AUDITOR, null, null, new AccessScope.Register()),
        argumentSet(
            "moderators see the register", Role.MODERATOR, null, null, new AccessScope.Register()),
        argumentSet(
            "admins get administration but no case data",
            Role.ADMIN,
            null,
            null,
            new AccessScope.Administration()),
        argumentSet(
            "a service manager without a placement sees nothing rather than everything",
            Role.SERVICE_MANAGER,
            null,
            null,
            new AccessScope.None()),
        argumentSet(
            "a team manager without a placement sees nothing rather than everything",
            Role.TEAM_MANAGER,
            null,
            null,
            new AccessScope.None()));
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void eachRoleSeesItsScope(Role role, Long teamId, Long serviceAreaId, AccessScope expected) {
    signIn(person("someone", Set.of(role), teamId, serviceAreaId, true), role.authority());
    assertThat(currentUser.scope()).isEqualTo(expected);
  }

  @Test
  void severalRolesGiveTheWidestScope() {
    Person person = person("p", Set.of(Role.PRACTITIONER, Role.TEAM_MANAGER), TEAM, AREA, true);
    assertThat(AccessScope.of(person, EnumSet.of(Role.PRACTITIONER, Role.TEAM_MANAGER)))
        .isEqualTo(new AccessScope.Team(TEAM));
  }

  @Test
  void nobodySignedInOrADisabledPersonSeesNothing() {
    assertThat(currentUser.scope()).isEqualTo(new AccessScope.None());
    SecurityContextHolder.getContext()
        .setAuthentication(
            new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    assertThat(currentUser.person()).isEmpty();
    assertThat(currentUser.scope()).isEqualTo(new AccessScope.None());

    signIn(person("gone", Set.of(Role.PI_LEAD), null, null, false), "ROLE_PI_LEAD");
    assertThat(currentUser.scope()).isEqualTo(new AccessScope.None());
  }

  @Test
  void rolesComeFromWhatWasGrantedAtSignIn() {
    signIn(person("someone", Set.of(Role.PI_LEAD), null, null, true), "ROLE_AUDITOR");
    assertThat(currentUser.roles()).containsExactly(Role.AUDITOR);
    assertThat(currentUser.scope()).isEqualTo(new AccessScope.Register());
  }
}
