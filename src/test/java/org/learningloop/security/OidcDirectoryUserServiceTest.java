package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Council sign-in without a real identity provider: the token's claims are made here. */
class OidcDirectoryUserServiceTest {

  private static final String PI_GROUP = "3f1c9d2e-0000-4000-8000-00000000a001";
  private static final String TM_GROUP = "3f1c9d2e-0000-4000-8000-00000000a002";

  private static final String ISSUER = "https://login.microsoftonline.com/tenant/v2.0";

  private final Directory directory = mock(Directory.class);
  private final SecuritySettings.Oidc settings =
      new SecuritySettings.Oidc(
          "entra",
          List.of("email", "preferred_username"),
          "groups",
          Map.of(PI_GROUP, Role.PI_OFFICER, TM_GROUP, Role.TEAM_MANAGER));

  private OidcUser signIn(Map<String, Object> claims) {
    OidcIdToken token =
        new OidcIdToken(
            "token", Instant.now(), Instant.now().plusSeconds(300), withSubject(claims));
    OidcUser fromProvider = new DefaultOidcUser(List.of(), token);
    return new OidcDirectoryUserService(request -> fromProvider, directory, settings)
        .loadUser(null);
  }

  private static Map<String, Object> withSubject(Map<String, Object> claims) {
    var all = new java.util.HashMap<String, Object>(claims);
    all.putIfAbsent("sub", "abc-123");
    all.put("iss", ISSUER);
    return all;
  }

  private void inDirectory(String email, boolean enabled) {
    when(directory.findByEmail(email)).thenReturn(Optional.of(owen(email, enabled)));
    when(directory.linkCouncilIdentity(4L, ISSUER, "abc-123")).thenReturn(true);
  }

  private static Person owen(String email, boolean enabled) {
    return new Person(
        4L, "owen", email, "Owen Officer", Set.of(Role.AUDITOR), null, null, null, null, enabled);
  }

  @Test
  void aLinkedPersonIsFoundByTheirSubjectWhateverTheEmailClaimSays() {
    when(directory.findByCouncilIdentity(ISSUER, "abc-123"))
        .thenReturn(Optional.of(owen("owen@council.example", true)));

    OidcUser user =
        signIn(Map.of("email", "owen.renamed@council.example", "groups", List.of(PI_GROUP)));

    assertThat(user.getName()).isEqualTo("owen");
    org.mockito.Mockito.verify(directory, org.mockito.Mockito.never())
        .findByEmail(org.mockito.ArgumentMatchers.anyString());
  }

  @Test
  void theFirstSignInFindsThePersonByEmailAndLinksTheirSubject() {
    inDirectory("owen@council.example", true);

    assertThat(
            signIn(Map.of("email", "owen@council.example", "groups", List.of(PI_GROUP))).getName())
        .isEqualTo("owen");

    org.mockito.Mockito.verify(directory).linkCouncilIdentity(4L, ISSUER, "abc-123");
  }

  @Test
  void anEmailClaimOfSomeoneLinkedToAnotherCouncilAccountIsRefused() {
    when(directory.findByEmail("owen@council.example"))
        .thenReturn(Optional.of(owen("owen@council.example", true)));
    when(directory.linkCouncilIdentity(4L, ISSUER, "someone-else")).thenReturn(false);

    assertThatThrownBy(
            () ->
                signIn(
                    Map.of(
                        "sub",
                        "someone-else",
                        "email",
                        "owen@council.example",
                        "groups",
                        List.of(PI_GROUP))))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void groupsInTheTokenBecomeRolesAndTheNameIsTheDirectoryUsername() {
    inDirectory("owen@council.example", true);

    OidcUser user =
        signIn(
            Map.of(
                "email",
                "owen@council.example",
                "groups",
                List.of(PI_GROUP, TM_GROUP, "unmapped")));

    assertThat(user.getName()).isEqualTo("owen");
    assertThat(user.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_PI_OFFICER", "ROLE_TEAM_MANAGER");
  }

  @Test
  void entraUsersWithoutAnEmailClaimAreFoundByPreferredUsername() {
    inDirectory("owen@council.example", true);

    OidcUser user =
        signIn(Map.of("preferred_username", "owen@council.example", "groups", List.of(PI_GROUP)));

    assertThat(user.getName()).isEqualTo("owen");
  }

  @Test
  void someoneNotInTheDirectoryIsRefused() {
    when(directory.findByEmail("stranger@council.example")).thenReturn(Optional.empty());

    assertThatThrownBy(
            () -> signIn(Map.of("email", "stranger@council.example", "groups", List.of(PI_GROUP))))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("not a Learning Loop user");
  }

  @Test
  void aDisabledPersonIsRefused() {
    inDirectory("owen@council.example", false);

    assertThatThrownBy(
            () -> signIn(Map.of("email", "owen@council.example", "groups", List.of(PI_GROUP))))
        .isInstanceOf(OAuth2AuthenticationException.class);
  }

  @Test
  void someoneInNoMappedGroupIsRefused() {
    inDirectory("owen@council.example", true);

    assertThatThrownBy(
            () -> signIn(Map.of("email", "owen@council.example", "groups", List.of("unmapped"))))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("no group");
    assertThatThrownBy(() -> signIn(Map.of("email", "owen@council.example")))
        .isInstanceOf(OAuth2AuthenticationException.class);
  }

  @Test
  void aTokenWithoutAnEmailIsRefused() {
    assertThatThrownBy(() -> signIn(Map.of("groups", List.of(PI_GROUP))))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("no email");
  }
}
