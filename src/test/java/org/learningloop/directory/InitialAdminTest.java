package org.learningloop.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learningloop.directory.internal.Staff;
import org.learningloop.directory.internal.StaffRepository;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class InitialAdminTest {

  private final StaffRepository staff = mock(StaffRepository.class);
  private final PasswordEncoder encoder =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void newInstallationGetsItsFirstAdministratorWithAHashedPassword() {
    when(staff.findByRole(Role.ADMIN)).thenReturn(List.of());
    when(staff.findByUsername("admin")).thenReturn(Optional.empty());

    new InitialAdmin(new InitialAdminProperties(null, null, "s3cret-enough"), staff, encoder)
        .run(null);

    ArgumentCaptor<Staff> saved = ArgumentCaptor.forClass(Staff.class);
    verify(staff).save(saved.capture());
    assertThat(saved.getValue().getUsername()).isEqualTo("admin");
    assertThat(saved.getValue().hasRole(Role.ADMIN)).isTrue();
    assertThat(saved.getValue().getPasswordHash())
        .hasValueSatisfying(
            hash -> {
              assertThat(hash).doesNotContain("s3cret-enough");
              assertThat(encoder.matches("s3cret-enough", hash)).isTrue();
            });
  }

  @Test
  void nothingChangesOnceSomeoneIsAnAdministrator() {
    when(staff.findByRole(Role.ADMIN))
        .thenReturn(List.of(new Staff("ada", "ada@example.org", "Ada")));

    new InitialAdmin(new InitialAdminProperties(null, null, "s3cret-enough"), staff, encoder)
        .run(null);

    verify(staff, never()).save(any());
  }

  @Test
  void nothingIsCreatedWithoutAConfiguredPassword() {
    new InitialAdmin(new InitialAdminProperties("root", null, " "), staff, encoder).run(null);

    verify(staff, never()).save(any());
  }
}
