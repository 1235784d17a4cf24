package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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

  private AccessScope scopeOf(Role role, Long teamId, Long serviceAreaId) {
    Person person =
        new Person(
            STAFF,
            "someone",
            "someone@example.org",
            "Some One",
            Set.of(role),
            teamId,
            null,
            serviceAreaId,
            null,
            true);
    when(directory.findByUsername("someone")).thenReturn(Optional.of(person));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, List.of(new SimpleGrantedAuthority(role.authority()))));
    return currentUser.scope();
  }

  @Test
  void piLeadsAndOfficersSeeEverything() {
    assertThat(scopeOf(Role.PI_LEAD, null, null)).isEqualTo(new AccessScope.All());
    assertThat(scopeOf(Role.PI_OFFICER, null, null)).isEqualTo(new AccessScope.All());
  }

  @Test
  void serviceManagersAndAssistantDirectorsSeeTheirServiceArea() {
    assertThat(scopeOf(Role.SERVICE_MANAGER, null, AREA))
        .isEqualTo(new AccessScope.ServiceArea(AREA));
    assertThat(scopeOf(Role.ASSISTANT_DIRECTOR, null, AREA))
        .isEqualTo(new AccessScope.ServiceArea(AREA));
  }

  @Test
  void teamManagersSeeTheirTeam() {
    assertThat(scopeOf(Role.TEAM_MANAGER, TEAM, AREA)).isEqualTo(new AccessScope.Team(TEAM));
  }

  @Test
  void practitionersSeeTheirOwn() {
    assertThat(scopeOf(Role.PRACTITIONER, TEAM, AREA)).isEqualTo(new AccessScope.Own(STAFF));
  }

  @Test
  void auditorsAndModeratorsSeeTheRegister() {
    assertThat(scopeOf(Role.AUDITOR, null, null)).isEqualTo(new AccessScope.Register());
    assertThat(scopeOf(Role.MODERATOR, null, null)).isEqualTo(new AccessScope.Register());
  }

  @Test
  void adminsGetAdministrationButNoCaseData() {
    assertThat(scopeOf(Role.ADMIN, null, null)).isEqualTo(new AccessScope.Administration());
  }

  @Test
  void aManagerWithoutAPlacementSeesNothingRatherThanEverything() {
    assertThat(scopeOf(Role.SERVICE_MANAGER, null, null)).isEqualTo(new AccessScope.None());
    assertThat(scopeOf(Role.TEAM_MANAGER, null, null)).isEqualTo(new AccessScope.None());
  }

  @Test
  void severalRolesGiveTheWidestScope() {
    Person person =
        new Person(
            STAFF,
            "p",
            "p@example.org",
            "P",
            Set.of(Role.PRACTITIONER, Role.TEAM_MANAGER),
            TEAM,
            null,
            AREA,
            null,
            true);
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

    Person disabled =
        new Person(
            STAFF,
            "gone",
            "gone@example.org",
            "Gone",
            Set.of(Role.PI_LEAD),
            null,
            null,
            null,
            null,
            false);
    when(directory.findByUsername("gone")).thenReturn(Optional.of(disabled));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "gone", null, AuthorityUtils.createAuthorityList("ROLE_PI_LEAD")));
    assertThat(currentUser.scope()).isEqualTo(new AccessScope.None());
  }

  @Test
  void rolesComeFromWhatWasGrantedAtSignIn() {
    Person person =
        new Person(
            STAFF,
            "someone",
            "someone@example.org",
            "S",
            Set.of(Role.PI_LEAD),
            null,
            null,
            null,
            null,
            true);
    when(directory.findByUsername("someone")).thenReturn(Optional.of(person));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
    assertThat(currentUser.roles()).containsExactly(Role.AUDITOR);
    assertThat(currentUser.scope()).isEqualTo(new AccessScope.Register());
  }
}
