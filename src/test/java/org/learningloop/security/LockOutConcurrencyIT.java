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
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.learningloop.directory.Role;
import org.learningloop.directory.Staff;
import org.learningloop.directory.StaffRepository;
import org.learningloop.support.MariaDb;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lock-out limit holds exactly under parallel attempts, on MariaDB through Connector/J: 60
 * wrong passwords for one account sent at once get exactly as many password checks as the limit
 * allows (5), every other one is refused as locked.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "learning-loop.demo.users=true",
      "learning-loop.demo.allow-external-database=true",
      "learning-loop.mail.drop-folder=target/it-mail"
    })
@AutoConfigureMockMvc
@ActiveProfiles("mysql")
class LockOutConcurrencyIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    MariaDb.register(registry);
  }

  @LocalServerPort int port;
  @Autowired StaffRepository staff;
  @Autowired PasswordEncoder encoder;
  @Autowired SecuritySettings settings;

  @Test
  void sixtyParallelWrongPasswordsGetExactlyTheLimitOfChecks() {
    String username = "parallel-" + System.nanoTime();
    Staff person = new Staff(username, username + "@learningloop.example", "Pat Parallel");
    person.grant(Role.AUDITOR);
    person.setPasswordHash(encoder.encode("right-password-123"));
    staff.save(person);
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
