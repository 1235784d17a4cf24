package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.learningloop.support.HttpSession;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's REST API takes HTTP Basic only: an administrator's browser session cannot be made by
 * another site to deploy a model (which could carry expressions that run Java), while the engine's
 * web apps keep their session and Camunda's own CSRF protection. Over real HTTP, so the engine's
 * servlets answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class EngineRestAuthenticationTest {

  private static final String BOUNDARY = "----learningloop-test";

  @LocalServerPort int port;

  private String base() {
    return "http://localhost:" + port;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A multipart deployment of a harmless one-task model, named {@code name}. */
  private HttpRequest.Builder deployment(String path, String name) {
    String key = "P" + UUID.randomUUID().toString().replace("-", "");
    String bpmn =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"test\">"
            + "<process id=\""
            + key
            + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + "<startEvent id=\"StartEvent_1\"/></process></definitions>";
    String body =
        part("deployment-name", name)
            + "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"model.bpmn\"; filename=\"model.bpmn\""
            + "\r\nContent-Type: application/xml\r\n\r\n"
            + bpmn
            + "\r\n--"
            + BOUNDARY
            + "--\r\n";
    return HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String part(String name, String value) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  /**
   * Asked of the engine REST API itself: other test contexts in this JVM start engines of the same
   * name, so the one behind /engine-rest is the one to ask.
   */
  private long deploymentsNamed(String name) {
    HttpResponse<String> count =
        HttpSession.send(
            HttpRequest.newBuilder(
                    URI.create(base() + "/engine-rest/deployment/count?name=" + name))
                .header("Authorization", basic("admin", "demo"))
                .build());
    assertThat(count.statusCode()).isEqualTo(200);
    Matcher matcher = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(count.body());
    assertThat(matcher.find()).as(count.body()).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  /**
   * The status of a deployment posted to {@code path} from another site with the session's cookie,
   * as a forged form would post it.
   */
  private int forgedFromAnotherSite(String path, String name, HttpSession session) {
    return HttpSession.send(
            deployment(path, name)
                .header("Cookie", session.cookie())
                .header("Origin", "https://attacker.example")
                .build())
        .statusCode();
  }

  private void deleteDeploymentsNamed(String name) {
    HttpResponse<String> found =
        HttpSession.send(
            HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment?name=" + name))
                .header("Authorization", basic("admin", "demo"))
                .build());
    Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(found.body());
    while (ids.find()) {
      HttpSession.send(
          HttpRequest.newBuilder(
                  URI.create(base() + "/engine-rest/deployment/" + ids.group(1) + "?cascade=true"))
              .header("Authorization", basic("admin", "demo"))
              .DELETE()
              .build());
    }
  }

  @Test
  void anAdministratorsBrowserSessionCannotDeployThroughTheRestApi() {
    HttpSession admin = HttpSession.signIn(base(), "admin", "demo");
    String name = "forged-" + UUID.randomUUID();

    assertThat(forgedFromAnotherSite("/engine-rest/deployment/create", name, admin)).isEqualTo(401);
    assertThat(deploymentsNamed(name)).isZero();
    // Nor with the session's own CSRF token: the REST API does not read the session at all.
    HttpResponse<String> withToken =
        HttpSession.send(
            deployment("/engine-rest/deployment/create", name)
                .header("Cookie", admin.cookie())
                .header("X-CSRF-TOKEN", admin.csrf())
                .build());
    assertThat(withToken.statusCode()).isEqualTo(401);
    assertThat(deploymentsNamed(name)).isZero();
  }

  @Test
  void theRestApiTakesHttpBasicAndStartsNoSession() {
    String name = "basic-" + UUID.randomUUID();
    HttpResponse<String> deployed =
        HttpSession.send(
            deployment("/engine-rest/deployment/create", name)
                .header("Authorization", basic("admin", "demo"))
                .build());
    try {
      assertThat(deployed.statusCode()).isEqualTo(200);
      assertThat(deploymentsNamed(name)).isOne();
      assertThat(deployed.headers().allValues("Set-Cookie"))
          .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    } finally {
      deleteDeploymentsNamed(name);
    }
    // Anyone else with Basic is refused; and nobody is asked for a password by their browser.
    HttpResponse<String> lead =
        HttpSession.send(
            deployment("/engine-rest/deployment/create", "lead-" + UUID.randomUUID())
                .header("Authorization", basic("pi-lead", "demo"))
                .build());
    assertThat(lead.statusCode()).isEqualTo(403);
    HttpResponse<String> nobody =
        HttpSession.send(
            HttpRequest.newBuilder(URI.create(base() + "/engine-rest/engine")).build());
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(nobody.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void theWebAppsKeepTheSessionAndCamundasOwnCsrfProtection() {
    HttpSession admin = HttpSession.signIn(base(), "admin", "demo");
    HttpResponse<String> cockpit =
        HttpSession.send(
            HttpRequest.newBuilder(URI.create(base() + "/camunda/app/cockpit/default/"))
                .header("Cookie", admin.cookie())
                .build());
    assertThat(cockpit.statusCode()).isEqualTo(200);

    String name = "webapp-forged-" + UUID.randomUUID();
    assertThat(
            forgedFromAnotherSite(
                "/camunda/api/engine/engine/default/deployment/create", name, admin))
        .isEqualTo(403);
    assertThat(deploymentsNamed(name)).isZero();
  }
}
