package org.learningloop.followup;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.support.FollowUpScenario;
import org.learningloop.support.OnMariaDb;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The happy path through the REST API on MariaDB through Connector/J: the schema, the engine and
 * the read model.
 */
@OnMariaDb
class FollowUpMariaDbIT extends FollowUpScenario {

  @Autowired JdbcTemplate jdbc;

  /**
   * Every column that holds a reference (an audit's, a dip sample's), and the engine's business
   * key, compares byte for byte: under the server's default collation "AUD-1" would equal "aud-1".
   */
  @Test
  void everyReferenceColumnComparesCaseSensitively() {
    List<String> columns =
        jdbc.queryForList(
            "select concat(table_name, '.', column_name, ' ', collation_name)"
                + " from information_schema.columns where table_schema = database()"
                + " and ((column_name like '%ref' and column_name <> 'child_ref')"
                + " or column_name = 'BUSINESS_KEY_')"
                + " order by table_name, column_name",
            String.class);
    org.assertj.core.api.Assertions.assertThat(columns)
        .isNotEmpty()
        .contains("audit.ref utf8mb4_bin", "follow_up.audit_ref utf8mb4_bin")
        .allSatisfy(column -> org.assertj.core.api.Assertions.assertThat(column).endsWith("_bin"));
  }

  @Test
  void anInadequateAuditIsFollowedUpUntilClosureByApi() throws Exception {
    String ref = newRef();
    long id = inadequateAudit(ref);
    String base = "/api/follow-ups/" + id;
    // The queue is oldest first and the MariaDB database outlives test runs: the new task is on one
    // of the last pages.
    int total =
        ((Number) read(getAs("pi-officer", "/api/tasks?view=team&size=200"), "$.totalElements"))
            .intValue();
    int last = Math.max(0, (total - 1) / 200);
    java.util.List<String> keys = new java.util.ArrayList<>();
    for (int page = Math.max(0, last - 1); page <= last + 1; page++) {
      keys.addAll(
          read(
              getAs("pi-officer", "/api/tasks?view=team&size=200&page=" + page),
              "$.content[?(@.auditRef == '" + ref + "')].taskKey"));
    }
    org.assertj.core.api.Assertions.assertThat(keys).containsExactly("Task_AllocateFollowUp");

    postAs("pi-lead", base + "/allocate", "{\"officer\":\"pi-officer\"}")
        .andExpect(status().isOk());
    getAs("pi-officer", "/api/tasks?view=mine&size=200")
        .andExpect(
            jsonPath("$.content[?(@.auditRef == '" + ref + "')].taskKey")
                .value(
                    org.hamcrest.Matchers.contains(
                        "Task_ScheduleConversation", "Task_ScheduleConversation")));
    List<Integer> conversations = read(getAs("pi-officer", base), "$.conversations[*].id");
    for (int conversation : conversations) {
      holdConversation(base, conversation);
    }
    int item = completedCoaching(base, 20);
    postAs("pi-officer", base + "/support-items/" + item + "/verify", null)
        .andExpect(status().isOk());
    postAs("pi-officer", base + "/closure/propose", null).andExpect(status().isOk());
    postAs("pi-lead", base + "/closure/sign-off", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.timeline.length()").value(org.hamcrest.Matchers.greaterThan(10)));
    getAs("pi-officer", "/api/tasks?view=mine&size=200")
        .andExpect(jsonPath("$.content[?(@.auditRef == '" + ref + "')]").isEmpty());
  }

  /**
   * Audit references are case-sensitive: "x" and "X" are two audits, so two follow-ups, each with
   * its own tasks.
   */
  @Test
  void auditReferencesThatDifferOnlyInCaseHaveAFollowUpEach() throws Exception {
    String upper = newRef() + "-CASE";
    String lower = upper.toLowerCase(java.util.Locale.ROOT);
    long first = inadequateAudit(upper);
    long second = inadequateAudit(lower);
    org.assertj.core.api.Assertions.assertThat(second).isNotEqualTo(first);
    getAs("pi-lead", "/api/follow-ups/" + first).andExpect(jsonPath("$.auditRef").value(upper));
    getAs("pi-lead", "/api/follow-ups/" + second).andExpect(jsonPath("$.auditRef").value(lower));
    getAs("pi-lead", "/api/follow-ups?auditRef=" + lower)
        .andExpect(jsonPath("$.content[0].id").value(second));
  }
}
