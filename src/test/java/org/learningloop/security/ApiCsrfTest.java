package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditLookup;
import org.learningloop.support.HttpSession;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request that brings a session cookie must show the session's CSRF token, whatever else it
 * carries: a browser adds cached Basic credentials to a forged request by itself. And the API never
 * asks a browser for a password, so no browser caches one for it. Over real HTTP, as a browser and
 * an API client meet it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ApiCsrfTest {

  @LocalServerPort int port;
  @Autowired AuditLookup audits;

  private String base() {
    return "http://localhost:" + port;
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static String audit(String ref) {
    return """
        {"ref":"%s","auditDate":"2024-01-08","type":"DEEP_DIVE","serviceArea":"Help and Protect",
         "team":"Help and Protect Team 1","practitionerEmail":"practitioner@learningloop.example",
         "teamManagerEmail":"team-manager@learningloop.example","childRef":"C-%s","grade":"GOOD",
         "factors":[],"notes":"CSRF test"}
        """
        .formatted(ref, ref);
  }

  private HttpRequest.Builder postAudit(String ref) {
    return HttpRequest.newBuilder(URI.create(base() + "/api/audits"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(audit(ref)));
  }

  @Test
  void aSessionCookieNeedsItsCsrfTokenEvenWithBasicCredentials() {
    HttpSession auditor = HttpSession.signIn(base(), "auditor", "demo");
    String forgedRef = TestAudits.uniqueRef("CSRF");

    HttpResponse<String> forged =
        HttpSession.send(
            postAudit(forgedRef)
                .header("Cookie", auditor.cookie())
                .header("Authorization", basic("auditor"))
                .header("Origin", "https://attacker.example")
                .build());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(audits.findByRef(forgedRef)).isEmpty();

    // With the session's token the same request goes through; and an API client without a session
    // needs none.
    String withToken = TestAudits.uniqueRef("CSRF");
    assertThat(
            HttpSession.send(
                    postAudit(withToken)
                        .header("Cookie", auditor.cookie())
                        .header("X-CSRF-TOKEN", auditor.csrf())
                        .build())
                .statusCode())
        .isEqualTo(201);
    String apiClient = TestAudits.uniqueRef("CSRF");
    assertThat(
            HttpSession.send(postAudit(apiClient).header("Authorization", basic("auditor")).build())
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void theApiNeverAsksABrowserForAPassword() {
    HttpResponse<String> nobody =
        HttpSession.send(HttpRequest.newBuilder(URI.create(base() + "/api/follow-ups")).build());
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(nobody.headers().firstValue("WWW-Authenticate")).isEmpty();

    HttpResponse<String> wrongPassword =
        HttpSession.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/follow-ups"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("nobody-at-all:wrong".getBytes(StandardCharsets.UTF_8)))
                .build());
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).isEmpty();

    HttpResponse<String> script =
        HttpSession.send(
            HttpRequest.newBuilder(URI.create(base() + "/tasks"))
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", "application/json")
                .build());
    assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
  }
}
