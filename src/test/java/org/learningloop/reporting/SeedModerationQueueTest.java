package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningloop.support.FollowUpApi;

/**
 * The seed report's period drawn by the sampling rule (default: every Inadequate and Outstanding,
 * and 20 % of each auditor's other audits of each month, rounded up): the queue holds exactly what
 * the rule selects and nothing already moderated.
 */
class SeedModerationQueueTest extends SeedScenario {

  @Test
  void theSeedsMonthsQueueHoldsExactlyWhatTheRuleSelects() throws Exception {
    for (String month : List.of("2023-12", "2024-01")) {
      FollowUpApi.as(
              mvc,
              "pi-lead",
              "POST",
              "/api/moderation-queue/draws",
              "{\"month\":\"" + month + "\"}")
          .andExpect(status().isOk());
    }
    for (String month : List.of("2023-12", "2024-01")) {
      List<Map<String, Object>> audits =
          jdbc.queryForList(
              "select a.id, a.ref, a.auditor_id, a.auditor_grade, a.moderated_grade from audit a"
                  + " where a.audit_date between ? and ? and a.ref like 'SEED-0-%'",
              java.time.YearMonth.parse(month).atDay(1),
              java.time.YearMonth.parse(month).atEndOfMonth());
      List<Map<String, Object>> selected =
          jdbc.queryForList(
              "select r.audit_ref, r.reason, r.status from moderation_request r"
                  + " where r.sample_month = ? and r.audit_ref like 'SEED-0-%' and r.reason <> 'CHALLENGE'",
              month);
      long always =
          audits.stream()
              .filter(a -> List.of("INADEQUATE", "OUTSTANDING").contains(a.get("auditor_grade")))
              .count();
      long others = audits.size() - always;
      assertThat(selected.stream().filter(r -> r.get("reason").equals("GRADE")).count())
          .as(month + ": every Inadequate and Outstanding")
          .isEqualTo(always);
      assertThat(selected.stream().filter(r -> r.get("reason").equals("RANDOM_SHARE")).count())
          .as(month + ": the seed's one auditor, 20 % of " + others + " rounded up")
          .isEqualTo((long) Math.ceil(others * 0.2 - 1e-9));
      // Waiting: exactly what was selected and is not moderated.
      for (Map<String, Object> r : selected) {
        Map<String, Object> audit =
            audits.stream()
                .filter(a -> a.get("ref").equals(r.get("audit_ref")))
                .findFirst()
                .orElseThrow();
        if (audit.get("moderated_grade") == null) {
          assertThat(r.get("status")).as(r.get("audit_ref").toString()).isEqualTo("QUEUED");
        } else {
          // moderated before the draw, or (an Inadequate queued when recorded) moderated after
          assertThat(r.get("status"))
              .as(r.get("audit_ref").toString())
              .isIn("ALREADY_MODERATED", "MODERATED");
        }
      }
    }
    // The draw is reproducible: these are the refs the rule picks from the seed, on any database.
    assertThat(
            jdbc.queryForList(
                "select audit_ref from moderation_request where reason = 'RANDOM_SHARE'"
                    + " and audit_ref like 'SEED-0-%' order by audit_ref",
                String.class))
        .containsExactly(
            "SEED-0-177",
            "SEED-0-178",
            "SEED-0-181",
            "SEED-0-183",
            "SEED-0-187",
            "SEED-0-189",
            "SEED-0-190",
            "SEED-0-207",
            "SEED-0-209",
            "SEED-0-212",
            "SEED-0-221",
            "SEED-0-227",
            "SEED-0-228");
    FollowUpApi.as(mvc, "moderator", "GET", "/api/moderation-queue?size=200", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").isNumber());
  }
}
