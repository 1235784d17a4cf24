package org.learningloop.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void aLongUnusualPasswordIsAccepted() {
    assertThat(PasswordPolicy.problems("correct horse battery", "owen", "owen@council.example"))
        .isEmpty();
  }

  @Test
  void shortPasswordsAreRefused() {
    assertThat(PasswordPolicy.problems("short-pass", "owen", null))
        .containsExactly("Enter a password of at least 12 characters");
    assertThat(PasswordPolicy.problems(null, "owen", null)).hasSize(1);
  }

  @Test
  void passwordsContainingTheUsernameOrEmailAreRefused() {
    assertThat(PasswordPolicy.problems("owen-is-my-name", "Owen", null))
        .anyMatch(p -> p.contains("username"));
    assertThat(PasswordPolicy.problems("x-owen@council.example", "o", "owen@council.example"))
        .anyMatch(p -> p.contains("email"));
  }

  @Test
  void breachListFavouritesAreRefusedWhateverTheirCase() {
    assertThat(PasswordPolicy.problems("QWERTY123456", "owen", null))
        .contains("This password is too common: choose another");
    assertThat(PasswordPolicy.problems("Password1234", "owen", null))
        .contains("This password is too common: choose another");
  }

  @Test
  void passwordsLongerThanBcryptReadsAreRefused() {
    assertThat(PasswordPolicy.problems("x".repeat(73), "owen", null))
        .anyMatch(p -> p.startsWith("Enter a password of at most 72 characters"));
    assertThat(PasswordPolicy.problems("x".repeat(72), "owen", null)).isEmpty();
    // 72 bytes in UTF-8, not 72 characters: 40 pound signs are 80 bytes.
    assertThat(PasswordPolicy.problems("£".repeat(40), "owen", null))
        .anyMatch(p -> p.startsWith("Enter a password of at most 72 characters"));
  }

  @Test
  void theShippedListOfCommonPasswordsIsRead() {
    assertThat(PasswordPolicy.problems("aaaaaaaaaaaa", "owen", null))
        .contains("This password is too common: choose another");
  }
}
