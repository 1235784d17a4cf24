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
    Long team = administration.teams().get(0).id();
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
    assertThatThrownBy(
            () ->
                administration.create(
                    new StaffDetails("X Y", "not-an-email", " ", Set.of(), null, null, true)))
        .isInstanceOfSatisfying(
            DirectoryProblem.class,
            p ->
                assertThat(p.errors())
                    .extracting(DomainException.FieldError::field)
                    .containsExactlyInAnyOrder("username", "email", "displayName", "roles"));
  }

  @Test
  @WithMockUser(roles = "ADMIN")
  void practitionersNeedATeamAndManagersAboveTeamsAServiceArea() {
    assertThatThrownBy(
            () ->
                administration.create(
                    new StaffDetails(
                        "p.noteam",
                        "p.noteam@council.example",
                        "P",
                        Set.of(Role.PRACTITIONER),
                        null,
                        null,
                        true)))
        .isInstanceOfSatisfying(
            DirectoryProblem.class,
            p ->
                assertThat(p.errors())
                    .extracting(DomainException.FieldError::field)
                    .containsExactly("teamId"));
    assertThatThrownBy(
            () ->
                administration.create(
                    new StaffDetails(
                        "s.noarea",
                        "s.noarea@council.example",
                        "S",
                        Set.of(Role.SERVICE_MANAGER),
                        null,
                        null,
                        true)))
        .isInstanceOfSatisfying(
            DirectoryProblem.class,
            p ->
                assertThat(p.errors())
                    .extracting(DomainException.FieldError::field)
                    .containsExactly("serviceAreaId"));
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
    assertThatThrownBy(
            () ->
                administration.create(
                    new StaffDetails(
                        "copycat",
                        "PI-OFFICER@learningloop.example",
                        "Copy",
                        Set.of(Role.AUDITOR),
                        null,
                        null,
                        true)))
        .isInstanceOfSatisfying(
            DirectoryProblem.class,
            p ->
                assertThat(p.errors())
                    .extracting(DomainException.FieldError::field)
                    .containsExactly("email"));
  }

  @Test
  @WithMockUser(roles = "PI_LEAD")
  void onlyAdminsManagePeople() {
    assertThatThrownBy(() -> administration.teams()).isInstanceOf(AccessDeniedException.class);
  }
}
