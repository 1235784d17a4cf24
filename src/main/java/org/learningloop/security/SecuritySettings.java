package org.learningloop.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.learningloop.directory.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in rules ({@code learning-loop.security.*}); defaults in {@code application.yml}.
 *
 * @param signIn lock-out after repeated failures
 * @param oidc sign-in with the council's identity provider (Microsoft Entra ID), when a
 *     registration is configured
 */
@Validated
@ConfigurationProperties("learning-loop.security")
public record SecuritySettings(@Valid @NotNull SignIn signIn, @Valid @NotNull Oidc oidc) {

  /**
   * An account, or a client address, that failed {@code maxFailures} times within {@code window} is
   * refused for {@code lockDuration} after its last failure. A successful sign-in clears the
   * account's failures.
   */
  public record SignIn(
      @DefaultValue("5") @Min(1) int maxFailuresPerAccount,
      @DefaultValue("50") @Min(1) int maxFailuresPerClient,
      @DefaultValue("PT15M") @NotNull Duration window,
      @DefaultValue("PT15M") @NotNull Duration lockDuration) {}

  /**
   * @param registrationId the {@code spring.security.oauth2.client.registration.<id>} to offer on
   *     the login page
   * @param emailClaims the claims tried, in order, for the address that finds the person in the
   *     directory
   * @param groupsClaim the claim listing the person's groups (Entra ID: group object ids) or app
   *     roles
   * @param groupRoles which Learning Loop role each group gives
   */
  public record Oidc(
      @DefaultValue("entra") @NotBlank String registrationId,
      @DefaultValue({"email", "preferred_username", "upn"}) @NotEmpty List<String> emailClaims,
      @DefaultValue("groups") @NotBlank String groupsClaim,
      Map<String, Role> groupRoles) {

    public Oidc {
      emailClaims = List.copyOf(emailClaims);
      groupRoles = groupRoles == null ? Map.of() : Map.copyOf(groupRoles);
    }
  }
}
