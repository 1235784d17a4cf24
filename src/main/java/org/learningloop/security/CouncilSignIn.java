package org.learningloop.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * Whether people may sign in with their council account (OpenID Connect), and where that starts:
 * only when a client registration named {@code learning-loop.security.oidc.registration-id} is
 * configured.
 */
@Component
public class CouncilSignIn {

  private final Optional<String> startUrl;

  CouncilSignIn(
      ObjectProvider<ClientRegistrationRepository> registrations, SecuritySettings settings) {
    String id = settings.oidc().registrationId();
    ClientRegistrationRepository repository = registrations.getIfAvailable();
    this.startUrl =
        repository != null && repository.findByRegistrationId(id) != null
            ? Optional.of("/oauth2/authorization/" + id)
            : Optional.empty();
  }

  /**
   * The address that starts signing in with the council's identity provider, when it is configured.
   */
  public Optional<String> startUrl() {
    return startUrl;
  }

  boolean enabled() {
    return startUrl.isPresent();
  }
}
