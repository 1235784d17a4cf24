package org.learningloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A failure deep inside the application shows people and API clients a plain apology: no stack
 * trace, no SQL, no class or package name (ASVS 7.4.1). The failing endpoints exist in this test
 * only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorsRevealNothingTest {

  /** What a careless error page would leak. */
  static final String SECRET_DETAIL =
      "could not execute statement [select password_hash from staff where username='admin'] in org.learningloop.Secret";

  @TestConfiguration
  static class FailingEndpoints {

    @Bean
    FailingPage failingPage() {
      return new FailingPage();
    }

    @Bean
    FailingApi failingApi() {
      return new FailingApi();
    }
  }

  @Controller
  static class FailingPage {
    @GetMapping("/test-failure")
    String fail() {
      throw new IllegalStateException(SECRET_DETAIL);
    }
  }

  @RestController
  static class FailingApi {
    @GetMapping("/api/test-failure")
    String fail() {
      throw new IllegalStateException(SECRET_DETAIL);
    }
  }

  @Autowired TestRestTemplate http;

  @Test
  void aFailingPageShowsAnApologyAndNothingInternal() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(java.util.List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page =
        http.withBasicAuth("pi-officer", "demo")
            .exchange("/test-failure", HttpMethod.GET, new HttpEntity<>(headers), String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(page.getBody()).contains("Sorry, there is a problem with the service");
    assertNothingInternal(page.getBody());
  }

  @Test
  void aFailingApiAnswersAProblemAndNothingInternal() {
    ResponseEntity<String> api =
        http.withBasicAuth("pi-officer", "demo").getForEntity("/api/test-failure", String.class);

    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(api.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(api.getBody()).contains("\"title\":\"Internal error\"");
    assertNothingInternal(api.getBody());
  }

  private static void assertNothingInternal(String body) {
    assertThat(body)
        .doesNotContain(
            "select",
            "password_hash",
            "org.learningloop",
            "IllegalStateException",
            "Exception",
            "\tat ",
            "trace");
  }
}
