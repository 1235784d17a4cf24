package org.learningloop.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learningloop.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class StaffAdministrationTest {

  @Autowired StaffAdministration administration;
  @Autowired Directory directory;

  @Test
  @WithMockUser(roles = "ADMIN")
  void adminAddsAPractitionerWhoCanThenSignIn() {
    Long team = administration.teams().get(0).teamId();
    Person added =
        administration.create(
            new StaffDetails(
                "jo.bloggs",
                "Jo.Bloggs@Council.example",
                "Jo Bloggs",
                Set.of(Role.PRACTITIONER),
                team,
                null,
                true));

    assertThat(added.email()).isEqualTo("jo.bloggs@council.example");
    assertThat(added.teamId()).isEqualTo(team);
    assertThat(directory.passwordMatches("jo.bloggs", "long-enough-pass")).isFalse();

    administration.setPassword(added.id(), "long-enough-pass");
    assertThat(directory.passwordMatches("jo.bloggs", "long-enough-pass")).isTrue();
  }

  @Test
  @WithMockUser(roles = "ADMIN")
  void everyMissingOrWrongDetailIsNamedAtOnce() {
    assertRefused(
        new StaffDetails("X Y", "not-an-email", " ", Set.of(), null, null, true),
        "username",
        "email",
        "displayName",
        "roles");
  }

  @Test
  @WithMockUser(roles = "ADMIN")
  void practitionersNeedATeamAndManagersAboveTeamsAServiceArea() {
    assertRefused(unplaced("p.noteam", "p.noteam@council.example", Role.PRACTITIONER), "teamId");
    assertRefused(
        unplaced("s.noarea", "s.noarea@council.example", Role.SERVICE_MANAGER), "serviceAreaId");
  }

  @Test
  @WithMockUser(roles = "ADMIN")
  void weakPasswordsAndTakenEmailsAreRefused() {
    Person pi = directory.findByUsername("pi-officer").orElseThrow();
    assertThatThrownBy(() -> administration.setPassword(pi.id(), "short"))
        .isInstanceOf(DirectoryProblem.class)
        .hasMessageContaining("Some details");
    assertThatThrownBy(() -> administration.setPassword(pi.id(), "pi-officer-forever"))
        .isInstanceOfSatisfying(
            DirectoryProblem.class,
            p -> assertThat(p.errors().get(0).message()).contains("username"));
    assertRefused(unplaced("copycat", "PI-OFFICER@learningloop.example", Role.AUDITOR), "email");
  }

  /** Someone in no team and no service area. */
  private static StaffDetails unplaced(String username, String email, Role role) {
    return new StaffDetails(username, email, username, Set.of(role), null, null, true);
  }

  /** Creating them is refused, naming exactly these fields. */
  private void assertRefused(StaffDetails details, String... fields) {
    assertThatThrownBy(() -> administration.create(details))
        .isInstanceOfSatisfying(
            DirectoryProblem.class,
            p ->
                assertThat(p.errors())
                    .extracting(DomainException.FieldError::field)
                    .containsExactlyInAnyOrder(fields));
  }

  @Test
  @WithMockUser(roles = "PI_LEAD")
  void onlyAdminsManagePeople() {
    assertThatThrownBy(() -> administration.teams()).isInstanceOf(AccessDeniedException.class);
  }
}
