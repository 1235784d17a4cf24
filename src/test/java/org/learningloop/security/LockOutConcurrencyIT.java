package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffDetails;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.support.OnMariaDb;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lock-out limit holds exactly under parallel attempts, on MariaDB through Connector/J: 60
 * wrong passwords for one account sent at once get exactly as many password checks as the limit
 * allows (5), every other one is refused as locked.
 */
@OnMariaDb
class LockOutConcurrencyIT {

  @LocalServerPort int port;
  @Autowired StaffRegistry staff;
  @Autowired SecuritySettings settings;

  @Test
  void sixtyParallelWrongPasswordsGetExactlyTheLimitOfChecks() {
    String username = "parallel-" + System.nanoTime();
    staff.addAbleToSignIn(
        List.of(
            new StaffDetails(
                username,
                username + "@learningloop.example",
                "Pat Parallel",
                Set.of(Role.AUDITOR),
                null,
                null,
                true)),
        "right-password-123");
    String wrong =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":wrong").getBytes(StandardCharsets.UTF_8));
    HttpClient client = HttpClient.newBuilder().build();

    List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      attempts.add(
          client.sendAsync(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/follow-ups"))
                  .header("Authorization", wrong)
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Long> statuses =
        attempts.stream()
            .map(CompletableFuture::join)
            .map(HttpResponse::statusCode)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    int limit = settings.signIn().maxFailuresPerAccount();
    assertThat(statuses).containsOnlyKeys(401, 429);
    assertThat(statuses.get(401)).as("passwords checked").isEqualTo(limit);
    assertThat(statuses.get(429)).as("refused as locked").isEqualTo(60L - limit);
  }
}
