package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.learningloop.support.OnMariaDb;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Published versions on MariaDB through Connector/J: two Assistant Directors publishing the same
 * report at once never make two versions with one number (the unique key turns the second away with
 * a conflict, or they are numbered 1 and 2), and the snapshots come back from the LONGBLOB columns
 * byte for byte, matching their SHA-256. Shares the *IT database and context; its period,
 * January–February 2002, has no other data.
 */
@OnMariaDb
class CommitteeReportVersionsMariaDbIT {

  private static final String PERIOD = "from=2002-01&to=2002-02";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void simultaneousPublicationsAreNumberedOneAfterTheOtherAndReadBackByteForByte()
      throws Exception {
    mvc.perform(post("/api/reports/committee-reports?" + PERIOD).with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isCreated());
    mvc.perform(
            put("/api/reports/committee-reports/narrative?" + PERIOD)
                .with(httpBasic("assistant-director", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"sections\":{\"summary\":\"Winter 2002.\",\"internal-consultations\":\"Legal.\"}}"))
        .andExpect(status().isOk());

    CountDownLatch start = new CountDownLatch(1);
    Callable<MockHttpServletResponse> publish =
        () -> {
          start.await();
          return mvc.perform(
                  post("/api/reports/publications?" + PERIOD)
                      .with(httpBasic("assistant-director", "demo"))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"reason\":\"Published twice at once.\"}"))
              .andReturn()
              .getResponse();
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
    try {
      answers.add(pool.submit(publish));
      answers.add(pool.submit(publish));
      start.countDown();
      // Either both are numbered in turn (1 and 2), or both took number 1 and the second is told
      // that it was published meanwhile; never two versions with one number.
      List<Integer> versions = new ArrayList<>();
      int conflicts = 0;
      for (Future<MockHttpServletResponse> answer : answers) {
        MockHttpServletResponse response = answer.get();
        if (response.getStatus() == 409) {
          assertThat(json.readTree(response.getContentAsString()).get("title").asText())
              .isEqualTo("Published meanwhile");
          conflicts++;
        } else {
          assertThat(response.getStatus()).isEqualTo(201);
          versions.add(json.readTree(response.getContentAsString()).get("version").asInt());
        }
      }
      if (conflicts == 1) {
        assertThat(versions).containsExactly(1);
        versions.add(json.readTree(publish.call().getContentAsString()).get("version").asInt());
      }
      assertThat(versions).containsExactlyInAnyOrder(1, 2);
    } finally {
      pool.shutdownNow();
    }

    JsonNode draft =
        json.readTree(
            mvc.perform(
                    get("/api/reports/committee-reports?" + PERIOD)
                        .with(httpBasic("service-manager", "demo")))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(draft.get("versions")).hasSize(2);
    assertThat(draft.get("versions").get(0).get("reason").isNull()).isTrue();
    assertThat(draft.get("versions").get(0).get("supersededBy").asInt()).isEqualTo(2);
    assertThat(draft.get("versions").get(1).get("reason").asText())
        .isEqualTo("Published twice at once.");
    for (JsonNode v : draft.get("versions")) {
      String query = PERIOD + "&version=" + v.get("version").asInt();
      byte[] pdf = bytes("/reports/committee/version.pdf?" + query);
      byte[] html = bytes("/reports/committee/version.html?" + query);
      byte[] figures = bytes("/reports/committee/version.json?" + query);
      assertThat(Sha256.hex(pdf)).isEqualTo(v.get("pdfSha256").asText());
      assertThat(Sha256.hex(html)).isEqualTo(v.get("htmlSha256").asText());
      assertThat(Sha256.hex(figures)).isEqualTo(v.get("figuresSha256").asText());
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
    }
  }

  private byte[] bytes(String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic("service-manager", "demo")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }
}
