package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.learningloop.common.DomainException;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void aLongUncommonPasswordIsAccepted() {
    assertThatCode(() -> policy.check("owen", "river otter lantern 42")).doesNotThrowAnyException();
  }

  @Test
  void shorterThanTwelveCharactersIsRefused() {
    assertThatThrownBy(() -> policy.check("owen", "Sh0rt!pass1"))
        .isInstanceOf(PasswordPolicy.WeakPassword.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((DomainException) e).errors())
            .extracting(DomainException.FieldError::message)
            .containsExactly("must be at least 12 characters long"));
  }

  @Test
  void theUsernameIsRefusedEvenWhenLongEnough() {
    assertThatThrownBy(() -> policy.check("owen.officer", "Owen.Officer2024"))
        .isInstanceOf(PasswordPolicy.WeakPassword.class)
        .hasMessageContaining("password rules");
  }

  @Test
  void aCommonPasswordIsRefusedWhateverItsCase() {
    assertThatThrownBy(() -> policy.check("owen", "Password1234")).isInstanceOf(PasswordPolicy.WeakPassword.class);
    assertThatThrownBy(() -> policy.check("owen", "QWERTY123456")).isInstanceOf(PasswordPolicy.WeakPassword.class);
  }

  @Test
  void aMissingPasswordIsRefused() {
    assertThatThrownBy(() -> policy.check("owen", null)).isInstanceOf(PasswordPolicy.WeakPassword.class);
  }
}
