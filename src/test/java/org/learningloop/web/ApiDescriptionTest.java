package org.learningloop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI description the application serves is the one committed in {@code docs/openapi.json},
 * which the build lints (Redocly's recommended rules) and generates the test client from; and it
 * says what a client needs on every operation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDescriptionTest {

  static final Path COMMITTED = Path.of("docs", "openapi.json");
  static final String UPDATE_PROPERTY = "learning-loop.openapi.update";
  static final String UPDATE_COMMAND =
      "./mvnw test -Dtest=ApiDescriptionTest -D" + UPDATE_PROPERTY + "=true";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Value("${learning-loop.version}")
  String version;

  JsonNode served;

  @BeforeEach
  void fetch() throws Exception {
    String body =
        mvc.perform(get("/v3/api-docs").with(httpBasic("auditor", "demo")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    served = json.readTree(body);
  }

  @Test
  void theCommittedDescriptionIsTheOneServed() throws IOException {
    String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, pretty, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(COMMITTED))
        .as("%s is missing; run %s to write it", COMMITTED, UPDATE_COMMAND)
        .isTrue();
    JsonNode committed = json.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    assertThat(committed)
        .as(
            "%s differs from /v3/api-docs: the API changed. Run %s to update it, review the diff"
                + " and commit it",
            COMMITTED, UPDATE_COMMAND)
        .isEqualTo(served);
  }

  @Test
  void itNamesTheProductItsBuildVersionContactAndLicence() {
    JsonNode info = served.path("info");
    assertThat(info.path("title").asText()).isEqualTo("Learning Loop");
    assertThat(version).doesNotContain("@").isNotBlank();
    assertThat(info.path("version").asText()).isEqualTo(version);
    assertThat(info.path("contact").path("email").asText()).isNotBlank();
    assertThat(info.path("license").path("name").asText()).isNotBlank();
    assertThat(info.path("license").path("url").asText()).startsWith("https://");
  }

  @Test
  void everyOperationSaysHowToSignInWhatItDoesAndWhichProblemsItGives() {
    List<String> operations = new ArrayList<>();
    for (ApiOperation each : ApiOperation.all(served)) {
      String name = each.method() + " " + each.path();
      operations.add(name);
      JsonNode operation = each.operation();
      assertThat(operation.path("summary").asText()).as(name).isNotBlank();
      assertThat(operation.path("tags")).as(name).hasSize(1);
      assertThat(operation.path("security").toString())
          .as(name)
          .contains("basicAuth", "sessionCookie");
      JsonNode responses = operation.path("responses");
      for (String status : List.of("401", "403")) {
        assertThat(problemSchema(responses.path(status))).as(name).isTrue();
      }
      if (each.path().contains("{")) {
        assertThat(problemSchema(responses.path("404"))).as(name).isTrue();
      }
      if (operation.has("requestBody") || operation.has("parameters")) {
        assertThat(problemSchema(responses.path("400"))).as(name).isTrue();
      }
    }
    assertThat(operations).hasSizeGreaterThan(40).contains("post /api/audits/import");
    assertThat(served.path("paths").has("/engine-rest")).isFalse();
    assertThat(served.path("components").path("securitySchemes").path("basicAuth").path("scheme"))
        .hasToString("\"basic\"");
    assertThat(
            served
                .path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .path("errors")
                .path("items")
                .path("$ref")
                .asText())
        .isEqualTo("#/components/schemas/FieldError");
  }

  @Test
  void everyTagIsAModuleWithADescription() {
    List<String> declared = new ArrayList<>();
    served
        .path("tags")
        .forEach(
            tag -> {
              declared.add(tag.path("name").asText());
              assertThat(tag.path("description").asText()).isNotBlank();
            });
    served
        .path("paths")
        .forEach(
            item ->
                item.forEach(
                    operation ->
                        operation
                            .path("tags")
                            .forEach(tag -> assertThat(declared).contains(tag.asText()))));
  }

  @Test
  void theContractsCarryExamples() {
    JsonNode paths = served.path("paths");
    assertThat(
            paths.at("/~1api~1audits~1import/post/requestBody/content/text~1csv/example").asText())
        .startsWith("audit_ref,audit_date,audit_type,theme,");
    assertThat(
            paths.at(
                "/~1api~1audits~1import/post/responses/200/content/application~1json/example/created"))
        .isNotNull();
    assertThat(
            paths
                .at(
                    "/~1api~1audits~1import/post/responses/400/content/application~1problem+json/example/errors")
                .size())
        .isEqualTo(2);
    assertThat(
            paths
                .at(
                    "/~1api~1reports~1audit-summary/get/responses/200/content/application~1json/example/moderatedPercent")
                .asDouble())
        .isEqualTo(40.0);
    assertThat(
            paths
                .at(
                    "/~1api~1follow-ups/get/responses/200/content/application~1json/example/content")
                .size())
        .isEqualTo(2);
  }

  private static boolean problemSchema(JsonNode response) {
    return response
        .path("content")
        .path("application/problem+json")
        .path("schema")
        .path("$ref")
        .asText()
        .equals("#/components/schemas/Problem");
  }
}
