package org.learningloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningloop.audit.AuditFiles.row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Thousands of malformed import files and JSON bodies, generated from fixed seeds: each one is
 * refused with a 4xx and problem details naming what is wrong, and nothing at all is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MalformedInputTest {

  private static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");
  private static final RequestPostProcessor MODERATOR = user("moderator").roles("MODERATOR");
  private static final String[] JUNK = {
    "",
    " ",
    "x",
    "SUPERB",
    "2024-02-30",
    "null",
    "\"",
    ";",
    "DROP TABLE audit",
    "Ünïcødé",
    "12",
    "-1"
  };
  private static final List<String> TABLES =
      List.of(
          "audit",
          "audit_factor",
          "staff",
          "staff_role",
          "team",
          "service_area",
          "catalogue_entry");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  /**
   * A way to spoil a valid row for certain; each leaves the row invalid whatever else is done to
   * it.
   */
  private static final List<BiConsumer<Map<String, String>, Random>> ROW_FAULTS =
      List.of(
          (r, g) ->
              r.put(
                  pick(
                      g,
                      "audit_ref",
                      "audit_date",
                      "audit_type",
                      "service_area",
                      "team",
                      "practitioner_email",
                      "team_manager_email",
                      "child_ref",
                      "grade"),
                  ""),
          (r, g) -> r.put("grade", pick(g, "SUPERB", "bad", "5", "INADEQUATEX", "Good-ish")),
          (r, g) -> r.put("audit_type", pick(g, "SPOT_CHECK", "deep", "THEMATIC")),
          (r, g) ->
              r.put(
                  "audit_date",
                  pick(
                      g,
                      "2023-02-30",
                      "2024-13-01",
                      "10/01/2024",
                      "2099-01-01",
                      "1999-12-31",
                      "yesterday")),
          (r, g) -> r.put("factors", pick(g, "NOPE", "ASSESSMENT_QUALITY;NOPE", "PLANNING;;x y")),
          set(
              "grade=INADEQUATE",
              "factors=",
              "moderated_grade=",
              "moderator_email=",
              "moderation_date=",
              "moderation_rationale="),
          set("audit_type=THEMATIC_DIP_SAMPLE", "theme="),
          set("moderated_grade=GOOD", "moderator_email=", "moderation_date=2024-01-12"),
          set(
              "moderated_grade=REQUIRES_IMPROVEMENT",
              "moderator_email=moderator@learningloop.example",
              "moderation_date=2023-12-01"),
          set("moderated_grade=", "moderator_email=moderator@learningloop.example"),
          (r, g) -> r.put("child_ref", pick(g, "Jane Smith", "abc", "C 123")),
          (r, g) ->
              r.put(
                  pick(g, "practitioner_email", "team_manager_email", "auditor_email"),
                  pick(g, "no-at-sign", "a@b", "x@@y.z")),
          (r, g) -> r.put("notes", "n".repeat(4001 + g.nextInt(100))),
          (r, g) -> r.put("audit_ref", pick(g, "has space", "-lead", "r".repeat(61), "a/b")),
          (r, g) -> {
            r.put("team", "Help and Protect Team 1");
            r.put("service_area", "Other Area " + g.nextInt(5));
          },
          (r, g) -> r.put("team_manager_email", r.get("practitioner_email")));

  /** A fault that sets columns of the row to fixed values, each written "column=value". */
  private static BiConsumer<Map<String, String>, Random> set(String... columnEqualsValue) {
    return (row, random) -> {
      for (String setting : columnEqualsValue) {
        String[] parts = setting.split("=", 2);
        row.put(parts[0], parts[1]);
      }
    };
  }

  @Test
  void everyMalformedImportFileIsRefusedWithProblemDetailsAndWritesNothing() throws Exception {
    Random random = new Random(4181L);
    Map<String, Long> before = counts();
    for (int i = 0; i < 1000; i++) {
      byte[] file = malformedFile(random, i);
      assertRefused(
          post("/api/audits/import").contentType("text/csv").content(file).with(AUDITOR),
          "file " + i);
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void everyMalformedAuditOrModerationBodyIsRefusedWithProblemDetailsAndWritesNothing()
      throws Exception {
    Random random = new Random(9457L);
    Map<String, Long> before = counts();
    for (int i = 0; i < 1000; i++) {
      Map<String, String> row = row("GEN-J" + i);
      ROW_FAULTS.get(random.nextInt(ROW_FAULTS.size())).accept(row, random);
      String body = shape(random, asJson(row), i);
      assertRefused(
          post("/api/audits").contentType(MediaType.APPLICATION_JSON).content(body).with(AUDITOR),
          "body " + i + ": " + body);
    }
    String existing = jdbc.queryForObject("select min(ref) from audit", String.class);
    for (int i = 0; i < 200; i++) {
      ObjectNode moderation = json.createObjectNode();
      moderation.put("date", pick(random, "2099-01-01", "1999-01-01", "2024-02-30", "", "soon"));
      moderation.put("grade", pick(random, "SUPERB", "", "x"));
      if (random.nextBoolean()) {
        moderation.putArray("factors").add(pick(random, "NOPE", "", "?"));
      }
      String body = shape(random, moderation, i);
      assertRefused(
          put("/api/audits/" + existing + "/moderation")
              .contentType(MediaType.APPLICATION_JSON)
              .content(body)
              .with(MODERATOR),
          "moderation " + i + ": " + body);
    }
    assertThat(counts()).isEqualTo(before);
  }

  private void assertRefused(MockHttpServletRequestBuilder request, String what) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(what).isBetween(400, 499);
    assertThat(response.getContentType())
        .as(what)
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.getStatus());
    assertThat(problem.path("title").asText()).as(what).isNotBlank();
    assertThat(problem.path("errors")).as(what + " " + problem).isNotEmpty();
    assertThat(problem.path("errors").get(0).path("field").asText()).as(what).isNotBlank();
  }

  /** 1 to 6 rows, at least one spoilt for certain; sometimes the file itself is broken as well. */
  private byte[] malformedFile(Random random, int n) {
    List<Map<String, String>> rows = new ArrayList<>();
    int size = 1 + random.nextInt(6);
    int bad = random.nextInt(size);
    for (int i = 0; i < size; i++) {
      Map<String, String> row = row("GEN-C" + n + "-" + i);
      if (random.nextInt(3) == 0) {
        row.put(
            pick(random, AuditField.CSV_HEADER.toArray(String[]::new)),
            JUNK[random.nextInt(JUNK.length)]);
      }
      if (i == bad) {
        ROW_FAULTS.get(random.nextInt(ROW_FAULTS.size())).accept(row, random);
      }
      rows.add(row);
    }
    if (random.nextInt(8) == 0) {
      rows.add(new LinkedHashMap<>(rows.get(0))); // the same ref twice
    }
    String text = AuditFiles.csv(rows, random.nextBoolean() ? "\r\n" : "\n");
    switch (random.nextInt(12)) {
      case 0 -> text = text.replaceFirst("notes", "remarks");
      case 1 -> text = text.replaceFirst(",grade,", ",");
      case 2 -> text = text + "\"unterminated,field\n";
      case 3 -> text = text + "only,three,fields\n";
      case 4 -> text = "";
      case 5 -> text = "\uFEFF" + text;
      default -> {}
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(15) == 0 && bytes.length > 10) {
      bytes[bytes.length / 2] = (byte) 0xC3; // a lone lead byte: not UTF-8
      bytes[bytes.length / 2 + 1] = (byte) 0x28;
    }
    return bytes;
  }

  private ObjectNode asJson(Map<String, String> row) {
    ObjectNode body = json.createObjectNode();
    for (AuditField field : AuditField.values()) {
      String value = row.get(field.column());
      if (field == AuditField.FACTORS) {
        ArrayNode factors = body.putArray("factors");
        for (String code : value.split(";")) {
          factors.add(code);
        }
      } else {
        body.put(field.property(), value);
      }
    }
    return body;
  }

  /** Sometimes breaks the JSON itself: wrong types, truncation, not an object at all. */
  private String shape(Random random, ObjectNode body, int n) {
    switch (random.nextInt(10)) {
      case 0 -> body.putArray(pick(random, "ref", "grade", "date", "auditDate")).add(n);
      case 1 -> body.putObject(pick(random, "notes", "teamManagerEmail", "rationale"));
      case 2 -> {
        String text = body.toString();
        return text.substring(0, random.nextInt(text.length()));
      }
      case 3 -> {
        return pick(random, "[]", "null", "42", "\"text\"", "{\"factors\":\"not-a-list\"", "");
      }
      default -> {}
    }
    return body.toString();
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    TABLES.forEach(
        t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
    return counts;
  }

  private static String pick(Random random, String... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
