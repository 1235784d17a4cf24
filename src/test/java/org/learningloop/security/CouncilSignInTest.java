package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** The login page offers the council sign-in only when its client registration is configured. */
class CouncilSignInTest {

  private static final SecuritySettings SETTINGS =
      new SecuritySettings(
          new SecuritySettings.SignIn(
              5, 50, java.time.Duration.ofMinutes(15), java.time.Duration.ofMinutes(15)),
          new SecuritySettings.Oidc("entra", List.of("email"), "groups", Map.of()));

  private static CouncilSignIn with(ClientRegistrationRepository repository) {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    if (repository != null) {
      beans.registerSingleton("clientRegistrationRepository", repository);
    }
    return new CouncilSignIn(beans.getBeanProvider(ClientRegistrationRepository.class), SETTINGS);
  }

  private static ClientRegistration registration(String id) {
    return ClientRegistration.withRegistrationId(id)
        .clientId("learning-loop")
        .clientSecret("secret")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid", "email")
        .authorizationUri("https://idp.example/authorize")
        .tokenUri("https://idp.example/token")
        .jwkSetUri("https://idp.example/keys")
        .userNameAttributeName("sub")
        .build();
  }

  @Test
  void withoutAnyRegistrationThereIsNoCouncilSignIn() {
    assertThat(with(null).startUrl()).isEmpty();
  }

  @Test
  void theConfiguredRegistrationIsOffered() {
    assertThat(with(new InMemoryClientRegistrationRepository(registration("entra"))).startUrl())
        .contains("/oauth2/authorization/entra");
  }

  @Test
  void aRegistrationUnderAnotherNameIsNotOffered() {
    assertThat(with(new InMemoryClientRegistrationRepository(registration("google"))).startUrl())
        .isEmpty();
  }
}
