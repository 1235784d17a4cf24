package org.learningloop.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a new installation, created at start-up while nobody holds the admin
 * role and a password is configured ({@code LEARNING_LOOP_INITIAL_ADMIN_PASSWORD}); the admin then
 * adds everyone else.
 */
@ConfigurationProperties("learning-loop.initial-admin")
public record InitialAdminProperties(String username, String email, String password) {

  public InitialAdminProperties {
    username = username == null || username.isBlank() ? "admin" : username;
    email = email == null || email.isBlank() ? "admin@localhost" : email;
  }

  boolean configured() {
    return password != null && !password.isBlank();
  }
}
