package org.learningloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the walking skeleton promises, on whichever database the concrete test class runs: the
 * service is healthy, the demo users sign in, the API and the engine's web apps refuse strangers,
 * and the follow-up processes are deployed.
 */
abstract class ApplicationBehaviour {

  @Autowired MockMvc mvc;
  @Autowired TestRestTemplate http;
  @Autowired Directory directory;

  @Test
  void anAdministratorScrapesTheOperatorsGaugesFromThisDatabase() {
    var scrape =
        http.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody())
        .contains(
            "learningloop_followups_open{application=\"learning-loop\",stage=\"ALLOCATION\"}",
            "learningloop_tasks_open{application=\"learning-loop\",group=\"practice-improvement\",list=\"queue\"}",
            "learningloop_outbox_oldest_unsent_age_seconds",
            "learningloop_engine_jobs_failed",
            "learningloop_engine_job_acquisitions_total");
  }

  @Test
  void healthEndpointAnswersUpWithoutSignIn() {
    var response = http.getForEntity("/actuator/health", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"status\":\"UP\"");
  }

  @Test
  void demoUserSignsInWithTheFormAndSeesTheirHomePage() throws Exception {
    mvc.perform(formLogin("/login").user("pi-officer").password("demo"))
        .andExpect(authenticated().withUsername("pi-officer").withRoles("PI_OFFICER"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").with(httpBasic("pi-officer", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Owen Officer")))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("Practice Improvement officer")));
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    mvc.perform(formLogin("/login").user("pi-officer").password("not-the-password"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void pagesSendSecurityHeaders() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
        .andExpect(header().exists("Referrer-Policy"));
  }

  @Test
  void apiRefusesStrangersWithProblemDetails() throws Exception {
    mvc.perform(get("/api/follow-ups").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.title").value("Sign-in required"));
  }

  @Test
  void unknownApiAddressIsAProblemNotAPage() {
    var response =
        http.withBasicAuth("pi-officer", "demo").getForEntity("/api/no-such-thing", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).contains("\"status\":404").doesNotContain("Exception");
  }

  @Test
  void engineRestApiAndWebAppsAreForAdminsOnly() throws Exception {
    mvc.perform(get("/engine-rest/process-definition").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/engine-rest/process-definition").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/camunda/app/cockpit/default/").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isForbidden());
    var asAdmin =
        http.withBasicAuth("admin", "demo")
            .getForEntity(
                "/engine-rest/process-definition?key=InadequateAuditFollowUp&maxResults=10",
                String.class);
    assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(asAdmin.getBody()).contains("InadequateAuditFollowUp");
  }

  @Test
  void theEngineKnowsTheDirectorysPeopleAndGroups() {
    Person piLead = directory.findByUsername("pi-lead").orElseThrow();
    assertThat(piLead.groupIds()).contains("pi-lead", Role.PRACTICE_IMPROVEMENT_GROUP);
    assertThat(directory.passwordMatches("pi-lead", "demo")).isTrue();
    assertThat(directory.passwordMatches("pi-lead", "wrong")).isFalse();
  }
}
