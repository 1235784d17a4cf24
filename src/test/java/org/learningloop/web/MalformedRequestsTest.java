package org.learningloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * For every operation in the OpenAPI description, requests a client could get wrong: path and query
 * parameters of the wrong type, huge, negative or unknown; bodies missing, not JSON, of the wrong
 * shape or with wrongly typed fields; the wrong content type. Sent over real HTTP as users of three
 * roles, each is answered with a 4xx problem, never a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestsTest {

  /**
   * Bodies and parameters are read before roles are checked, so two roles reach every reader; a
   * third (admin) meets the administrators' door in the filter chain.
   */
  static final List<String> USERS = List.of("pi-lead", "auditor", "admin");

  static final String HUGE = "99999999999999999999";

  /**
   * Every request signs in with HTTP Basic: a cheap hash (same algorithm) keeps a thousand sign-ins
   * from taking the machine's CPU for minutes.
   */
  @TestConfiguration
  static class QuickPasswords {
    @Bean
    @Primary
    PasswordEncoder quickPasswords() {
      return new DelegatingPasswordEncoder(
          "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** One malformed request, and whether it must be refused (else it may also succeed). */
  record Attempt(
      String method,
      String path,
      Map<String, String> query,
      String contentType,
      String body,
      boolean mustBeRefused,
      String what) {}

  @Test
  void noMalformedRequestToAnyOperationAnswersAServerError() throws Exception {
    JsonNode description = json.readTree(send("auditor", "GET", "/v3/api-docs", null, null).body());
    List<Attempt> attempts = new ArrayList<>();
    for (ApiOperation operation : ApiOperation.all(description)) {
      attempts.addAll(
          attempts(
              operation.method().toUpperCase(),
              operation.path(),
              operation.operation(),
              description));
    }
    assertThat(attempts).hasSizeGreaterThan(300);

    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Attempt attempt : attempts) {
      for (String user : USERS) {
        HttpResponse<String> response =
            send(user, attempt.method(), url(attempt), attempt.contentType(), attempt.body());
        sent++;
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String where = user + " " + attempt.method() + " " + url(attempt) + " (" + attempt.what();
        if (status >= 500) {
          failures.add(where + ") answered " + status + ": " + response.body());
        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
          failures.add(where + ") answered " + status + " without problem details: " + contentType);
        } else if (attempt.mustBeRefused() && status < 400) {
          failures.add(where + ") was accepted with " + status);
        }
      }
    }
    assertThat(sent).isGreaterThan(1000);
    assertThat(failures).isEmpty();
  }

  List<Attempt> attempts(String method, String path, JsonNode operation, JsonNode description) {
    List<Attempt> attempts = new ArrayList<>();
    Map<String, String> pathValues = new LinkedHashMap<>();
    Map<String, JsonNode> pathSchemas = new LinkedHashMap<>();
    Map<String, JsonNode> querySchemas = new LinkedHashMap<>();
    operation
        .path("parameters")
        .forEach(
            p -> {
              String name = p.path("name").asText();
              JsonNode schema = p.path("schema");
              if (p.path("in").asText().equals("path")) {
                pathSchemas.put(name, schema);
                pathValues.put(name, isInteger(schema) ? "1" : "NO-SUCH");
              } else if (p.path("in").asText().equals("query")) {
                querySchemas.put(name, schema);
              }
            });
    String validBodyType =
        operation.has("requestBody")
            ? operation.path("requestBody").path("content").fieldNames().next()
            : null;
    String basePath = fill(path, pathValues);

    // Path parameters of the wrong type or out of range.
    pathSchemas.forEach(
        (name, schema) -> {
          for (String bad : isInteger(schema) ? List.of("abc", HUGE, "-1", "1.5") : List.of(HUGE)) {
            Map<String, String> values = new LinkedHashMap<>(pathValues);
            values.put(name, bad);
            attempts.add(
                new Attempt(
                    method,
                    fill(path, values),
                    Map.of(),
                    null,
                    null,
                    isInteger(schema) && !bad.equals("-1"),
                    "path " + name + "=" + bad));
          }
        });
    // Query parameters of the wrong type, huge, negative or unknown.
    querySchemas.forEach(
        (name, schema) -> {
          for (String bad : badValues(schema)) {
            attempts.add(
                new Attempt(
                    method,
                    basePath,
                    Map.of(name, bad),
                    null,
                    null,
                    // An empty value means "not given": the default applies.
                    (isInteger(schema) || schema.has("enum")) && !bad.isEmpty(),
                    "query " + name + "=" + abbreviate(bad)));
          }
        });
    if (validBodyType != null) {
      boolean json = validBodyType.contains("json");
      boolean required = operation.path("requestBody").path("required").asBoolean(false);
      attempts.add(new Attempt(method, basePath, Map.of(), null, null, required, "no body"));
      attempts.add(refusedBody(method, basePath, "text/plain", "hello", "wrong content type"));
      if (json) {
        for (String bad : List.of("{", "not json", "[1,2]", "\"text\"", "{\"a\":}", "\u0000")) {
          attempts.add(refusedBody(method, basePath, validBodyType, bad, "body " + bad.strip()));
        }
        attempts.add(
            refusedBody(method, basePath, "application/xml", "<a/>", "XML for a JSON body"));
        JsonNode schema =
            resolve(
                operation.path("requestBody").path("content").path(validBodyType).path("schema"),
                description);
        schema
            .path("properties")
            .properties()
            .forEach(
                property -> {
                  JsonNode type = resolve(property.getValue(), description);
                  for (String bad : wrongJson(type)) {
                    attempts.add(
                        refusedBody(
                            method,
                            basePath,
                            validBodyType,
                            "{\"" + property.getKey() + "\":" + bad + "}",
                            "body " + property.getKey() + "=" + abbreviate(bad)));
                  }
                });
      } else {
        attempts.add(
            refusedBody(
                method,
                basePath,
                validBodyType,
                "\u00ff\u00fe junk, \"unclosed\n",
                "unreadable CSV"));
        attempts.add(
            refusedBody(method, basePath, "application/json", "{}", "JSON for a CSV body"));
      }
    }
    return attempts;
  }

  /** A body sent to the operation's path without a query, that must be refused. */
  static Attempt refusedBody(
      String method, String path, String contentType, String body, String what) {
    return new Attempt(method, path, Map.of(), contentType, body, true, what);
  }

  static List<String> badValues(JsonNode schema) {
    if (isInteger(schema)) {
      return List.of("abc", HUGE, "2147483648", "999999999", "-1", "-2147483649", "1e3", "");
    }
    if (schema.has("enum")) {
      return List.of("BOGUS", "open ", "");
    }
    if ("boolean".equals(schema.path("type").asText())) {
      return List.of("maybe");
    }
    return List.of("2024-13", "9999999999-01", "'; drop table audit; --", "x".repeat(3000));
  }

  /** JSON of the wrong type for a property of this schema. */
  static List<String> wrongJson(JsonNode schema) {
    String type = schema.path("type").asText();
    return switch (type) {
      case "integer", "number" -> List.of("\"abc\"", HUGE + HUGE, "{\"a\":1}");
      case "boolean" -> List.of("\"maybe\"", "[]");
      case "array" -> List.of("\"abc\"", "{\"a\":1}");
      case "object" -> List.of("\"abc\"", "[1]");
      default ->
          schema.has("enum")
                  || "date".equals(schema.path("format").asText())
                  || "date-time".equals(schema.path("format").asText())
              ? List.of("\"BOGUS\"", "{\"a\":1}")
              : List.of("{\"a\":1}", "[1]");
    };
  }

  static JsonNode resolve(JsonNode schema, JsonNode description) {
    String ref = schema.path("$ref").asText();
    return ref.isEmpty() ? schema : description.at(ref.substring(1));
  }

  static boolean isInteger(JsonNode schema) {
    return "integer".equals(schema.path("type").asText());
  }

  static String fill(String path, Map<String, String> values) {
    String filled = path;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled =
          filled.replace(
              "{" + value.getKey() + "}",
              URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return filled;
  }

  static String url(Attempt attempt) {
    StringBuilder url = new StringBuilder(attempt.path());
    char separator = '?';
    for (Map.Entry<String, String> q : attempt.query().entrySet()) {
      url.append(separator)
          .append(q.getKey())
          .append('=')
          .append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }

  static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  HttpResponse<String> send(
      String user, String method, String pathAndQuery, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json, application/problem+json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
