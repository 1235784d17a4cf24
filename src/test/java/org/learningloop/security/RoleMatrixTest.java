package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.learningloop.directory.Role;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may reach what, over real HTTP (so the engine's servlets and filters answer too): every row is tried by every
 * demo user (signed in once with the login form, then by session cookie) and by nobody. Add a row for each new page and endpoint; when a feature merges, its
 * addresses join the table with the roles the product brief gives them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class RoleMatrixTest {

  /** One address, the roles allowed there, whether it is public, and the status an allowed request gets. */
  record Rule(String method, String path, Set<Role> allowed, boolean open, int allowedStatus) {

    static Rule everyone(String method, String path) {
      return new Rule(method, path, EnumSet.allOf(Role.class), true, 200);
    }

    static Rule signedIn(String method, String path) {
      return new Rule(method, path, EnumSet.allOf(Role.class), false, 200);
    }

    static Rule only(String method, String path, int allowedStatus, Role first, Role... rest) {
      return new Rule(method, path, EnumSet.of(first, rest), false, allowedStatus);
    }
  }

  static final List<Rule> MATRIX =
      List.of(
          Rule.signedIn("GET", "/"),
          Rule.everyone("GET", "/login"),
          Rule.everyone("GET", "/actuator/health"),
          Rule.everyone("GET", "/actuator/info"),
          // Exposed to nobody, but only an admin gets as far as learning that.
          Rule.only("GET", "/actuator/env", 404, Role.ADMIN),
          Rule.only("GET", "/actuator/metrics", 404, Role.ADMIN),
          Rule.only("GET", "/audits/new", 200, Role.AUDITOR, Role.ADMIN),
          Rule.only("GET", "/audits/import", 200, Role.AUDITOR, Role.ADMIN),
          Rule.only("GET", "/dashboard", 200, Role.PI_LEAD, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.ASSISTANT_DIRECTOR),
          Rule.only("GET", "/reports?from=2024-01&to=2024-01", 200, Role.SERVICE_MANAGER, Role.ASSISTANT_DIRECTOR,
              Role.PI_LEAD, Role.PI_OFFICER, Role.AUDITOR, Role.MODERATOR, Role.ADMIN),
          Rule.only("GET", "/api/reports/audit-summary?from=2024-01&to=2024-01", 200, Role.SERVICE_MANAGER,
              Role.ASSISTANT_DIRECTOR, Role.PI_LEAD, Role.PI_OFFICER, Role.AUDITOR, Role.MODERATOR, Role.ADMIN),
          Rule.only("GET", "/admin", 200, Role.ADMIN),
          Rule.only("GET", "/admin/users", 200, Role.ADMIN),
          Rule.only("GET", "/admin/users/new", 200, Role.ADMIN),
          Rule.only("GET", "/admin/teams", 200, Role.ADMIN),
          Rule.only("GET", "/admin/outbox", 200, Role.ADMIN),
          Rule.only("GET", "/admin/access-log", 200, Role.ADMIN),
          Rule.only("GET", "/api/admin/access-log", 200, Role.ADMIN),
          Rule.only("GET", "/engine-rest/process-definition?maxResults=10", 200, Role.ADMIN),
          Rule.only("GET", "/engine-rest/engine", 200, Role.ADMIN),
          Rule.only("GET", "/camunda/app/cockpit/default/", 200, Role.ADMIN),
          Rule.only("GET", "/camunda/app/admin/default/", 200, Role.ADMIN));

  /** Demo users: the username is the role's engine group id (pi-lead, team-manager, ...). */
  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Rule rule : MATRIX) {
      cases.add(Arguments.of(rule, null));
      for (Role role : Role.values()) {
        cases.add(Arguments.of(rule, role));
      }
    }
    return cases.stream();
  }

  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** One signed-in session per demo user, for the whole class: each sign-in costs a bcrypt check. */
  private static final Map<Role, String> SESSIONS = new ConcurrentHashMap<>();

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private String signIn(Role role) {
    try {
      HttpResponse<String> form =
          client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
      Matcher token = CSRF.matcher(form.body());
      assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
      String body =
          "username=" + role.groupId() + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> signedIn =
          client.send(
              HttpRequest.newBuilder(URI.create(base() + "/login"))
                  .header("Cookie", sessionCookie(form))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.headers().firstValue("Location")).as("signed in as " + role).hasValueSatisfying(
          location -> assertThat(location).doesNotContain("error"));
      return sessionCookie(signedIn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie"));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void eachAddressAdmitsExactlyItsRoles(Rule rule, Role role) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + rule.path()))
            .method(rule.method(), HttpRequest.BodyPublishers.noBody());
    if (role != null) {
      request.header("Cookie", SESSIONS.computeIfAbsent(role, this::signIn));
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

    if (rule.open() || (role != null && rule.allowed().contains(role))) {
      assertThat(response.statusCode()).as("status").isEqualTo(rule.allowedStatus());
    } else if (role == null) {
      boolean toLogin =
          response.statusCode() == 302
              && response.headers().firstValue("Location").orElse("").endsWith("/login");
      assertThat(response.statusCode() == 401 || toLogin)
          .as("nobody is sent to sign in, got %s", response.statusCode())
          .isTrue();
    } else {
      assertThat(response.statusCode()).as("status").isEqualTo(403);
    }
  }
}
