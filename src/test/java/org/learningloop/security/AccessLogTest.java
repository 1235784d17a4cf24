package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The access log: recorded by feature modules, read by admins only, never changed, purged after
 * retention.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AccessLogTest {

  @Autowired MockMvc mvc;
  @Autowired AccessLog accessLog;
  @Autowired AccessLogRetention retention;
  @Autowired RetentionProperties retentionProperties;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void adminFindsWhoViewedAnAuditByResource() throws Exception {
    String ref = "AUD-" + System.nanoTime();
    accessLog.record("pi-officer", "VIEW", "AUDIT", ref);
    accessLog.record("team-manager", "VIEW", "AUDIT", ref);
    accessLog.record("pi-officer", "VIEW", "FOLLOW_UP", "other");
    String today = LocalDate.now(clock).toString();

    mvc.perform(
            get("/api/admin/access-log")
                .param("resourceType", "AUDIT")
                .param("resourceId", ref)
                .param("from", today)
                .param("to", today)
                .with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalEntries").value(2))
        .andExpect(jsonPath("$.entries[0].principal").value("team-manager"))
        .andExpect(jsonPath("$.entries[1].principal").value("pi-officer"))
        .andExpect(jsonPath("$.entries[0].action").value("VIEW"))
        .andExpect(jsonPath("$.entries[0].occurredAt").exists());

    mvc.perform(
            get("/api/admin/access-log")
                .param("user", "team-manager")
                .param("resourceId", ref)
                .param("size", "1")
                .with(httpBasic("admin", "demo")))
        .andExpect(jsonPath("$.totalEntries").value(1))
        .andExpect(jsonPath("$.size").value(1));
  }

  @Test
  void readingTheLogIsItselfRecorded() throws Exception {
    mvc.perform(get("/api/admin/access-log").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk());
    assertThat(
            accessLog
                .search(new AccessLog.Filter(null, null, "admin", "ACCESS_LOG", null), 0, 10)
                .entries())
        .isNotEmpty();
  }

  @Test
  void badSearchIsAProblemNamingEachField() throws Exception {
    searchAsAdmin("yesterday", "2024-01-01")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    searchAsAdmin("2024-02-01", "2024-01-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("must be on or before to"));
    mvc.perform(get("/api/admin/access-log").param("size", "1000").with(httpBasic("admin", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("size"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a whole number from 1 to 200"));
  }

  /** The admin's search of the log over a period. */
  private ResultActions searchAsAdmin(String from, String to) throws Exception {
    return mvc.perform(
        get("/api/admin/access-log")
            .param("from", from)
            .param("to", to)
            .with(httpBasic("admin", "demo")));
  }

  @Test
  void onlyAdminsReadTheLog() throws Exception {
    mvc.perform(get("/api/admin/access-log").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
    mvc.perform(get("/admin/access-log").with(httpBasic("auditor", "demo")))
        .andExpect(status().isForbidden());
  }

  @Test
  void adminPageListsEntriesAndExplainsBadInput() throws Exception {
    String ref = "PAGE-" + System.nanoTime();
    accessLog.record("moderator", "VIEW", "AUDIT", ref);
    mvc.perform(get("/admin/access-log").param("resourceId", ref).with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("govuk-table")))
        .andExpect(content().string(Matchers.containsString(ref)))
        .andExpect(content().string(Matchers.containsString("1 entries")));
    mvc.perform(
            get("/admin/access-log").param("from", "31/01/2024").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("There is a problem")))
        .andExpect(content().string(Matchers.containsString("must be a date like 2024-01-31")));
  }

  @Test
  void entriesOlderThanTheRetentionPeriodArePurgedAndNoOthers() {
    String marker = "RET-" + System.nanoTime();
    Instant now = clock.instant();
    Instant cutoff = now.atZone(clock.getZone()).minus(retentionProperties.accessLog()).toInstant();
    AccessLogRows.insert(jdbc, cutoff.minus(1, ChronoUnit.DAYS), "someone", marker + "-expired");
    AccessLogRows.insert(jdbc, cutoff.plus(1, ChronoUnit.DAYS), "someone", marker + "-kept");
    accessLog.record("pi-lead", "VIEW", "AUDIT", marker + "-new");

    assertThat(retention.purgeExpired()).isGreaterThanOrEqualTo(1);

    assertThat(AccessLogRows.resourceIdsStartingWith(jdbc, marker))
        .containsExactlyInAnyOrder(marker + "-kept", marker + "-new");
    assertThat(retention.purgeExpired()).isZero();
  }
}
