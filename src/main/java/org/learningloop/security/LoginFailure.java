package org.learningloop.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One failed sign-in, counted against an account and, separately, against the client's address. */
@Entity
@Immutable
@Table(name = "login_failure")
class LoginFailure {

  enum KeyType {
    ACCOUNT,
    CLIENT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "key_type", nullable = false, length = 20)
  private KeyType keyType;

  @Column(name = "key_value", nullable = false, length = 100)
  private String keyValue;

  @Column(name = "failed_at", nullable = false)
  private Instant failedAt;

  protected LoginFailure() {}

  Long getId() {
    return id;
  }

  LoginFailure(KeyType keyType, String keyValue, Instant failedAt) {
    this.keyType = keyType;
    this.keyValue = keyValue;
    this.failedAt = failedAt;
  }
}
