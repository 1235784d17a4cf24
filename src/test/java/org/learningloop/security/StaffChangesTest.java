package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffAdministration;
import org.learningloop.directory.StaffDetails;
import org.learningloop.support.HttpSession;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an administrator changes about a person takes effect at once: a disabled person's or a
 * person with other roles' session ends at its next request; a manager with no scope acts on
 * nothing; and a password bcrypt cannot hash is a clear validation error, not a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
// The administration service is for administrators; what they change is made here as one.
@org.springframework.security.test.context.support.WithMockUser(username = "admin", roles = "ADMIN")
class StaffChangesTest {

  private static final String PASSWORD = "a-long-enough-secret-42";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired StaffAdministration administration;
  @Autowired Directory directory;
  @Autowired AuditRegister register;
  @Autowired Clock clock;

  private String base() {
    return "http://localhost:" + port;
  }

  private Person newPerson(Set<Role> roles, Long serviceAreaId) {
    String username = "changes-" + UUID.randomUUID().toString().substring(0, 8);
    Person person =
        administration.create(
            new StaffDetails(
                username,
                username + "@learningloop.example",
                "Chris Changes",
                roles,
                null,
                serviceAreaId,
                true));
    administration.setPassword(person.id(), PASSWORD);
    return person;
  }

  private int get(HttpSession session, String path) {
    return HttpSession.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Cookie", session.cookie())
                .build())
        .statusCode();
  }

  private static StaffDetails details(Person p, Set<Role> roles, boolean enabled) {
    return new StaffDetails(
        p.username(), p.email(), p.displayName(), roles, p.teamId(), p.serviceAreaId(), enabled);
  }

  @Test
  void aDisabledPersonsSessionEndsAtItsNextRequest() {
    Person person = newPerson(EnumSet.of(Role.PI_OFFICER), null);
    HttpSession session = HttpSession.signIn(base(), person.username(), PASSWORD);
    assertThat(get(session, "/api/follow-ups")).isEqualTo(200);

    administration.update(person.id(), details(person, person.roles(), false));

    assertThat(get(session, "/api/follow-ups")).isEqualTo(401);
    // The session is gone: a page asks them to sign in again.
    assertThat(get(session, "/tasks")).isIn(302, 401);
  }

  @Test
  void aPersonWhoseRolesChangeSignsInAgainAndThenHasTheNewRoles() {
    Person person = newPerson(EnumSet.of(Role.PI_LEAD), null);
    HttpSession session = HttpSession.signIn(base(), person.username(), PASSWORD);
    assertThat(get(session, "/dashboard")).isEqualTo(200);

    administration.update(person.id(), details(person, EnumSet.of(Role.PI_OFFICER), true));

    assertThat(get(session, "/api/follow-ups")).isEqualTo(401);
    HttpSession again = HttpSession.signIn(base(), person.username(), PASSWORD);
    assertThat(get(again, "/dashboard")).isEqualTo(403);
  }

  @Test
  void aManagerWithNoScopeActsOnNothing() throws Exception {
    // A PI lead disabled while signed in: their sign-in still carries the role (as a session made
    // before would), but the directory no longer vouches for them, so their scope is None.
    Person lead = newPerson(EnumSet.of(Role.PI_LEAD), null);
    administration.update(lead.id(), details(lead, lead.roles(), false));
    String ref =
        TestAudits.inadequate(register, LocalDate.now(clock), "SCOPE", List.of("PLANNING"));
    long followUp =
        com.jayway.jsonpath.JsonPath.<Number>read(
                mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/follow-ups")
                            .param("auditRef", ref)
                            .with(httpBasic("pi-lead", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$.content[0].id")
            .longValue();

    mvc.perform(
            post("/api/follow-ups/" + followUp + "/escalations")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"Not mine to escalate\"}")
                .with(user(lead.username()).roles("PI_LEAD")))
        .andExpect(status().isForbidden());
    // The same request from a PI lead still in the directory goes through.
    mvc.perform(
            post("/api/follow-ups/" + followUp + "/escalations")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"Escalated by the PI lead\"}")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isCreated());
  }

  @Test
  void aPasswordLongerThanBcryptReadsIsAValidationErrorNotAServerError() throws Exception {
    Person person = newPerson(EnumSet.of(Role.PI_OFFICER), null);
    mvc.perform(
            post("/admin/users/" + person.id() + "/password")
                .param("password", "Long-passphrase-".repeat(7).substring(0, 100))
                .with(csrf())
                .with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("at most 72 characters")));
    // The policy reads its own list of common passwords (this one is only in the file).
    mvc.perform(
            post("/admin/users/" + person.id() + "/password")
                .param("password", "1234567890123")
                .with(csrf())
                .with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("too common")));
  }
}
