package org.learningloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default's demo dip samples (same application context as DemoAuditsTest): the seed's
 * three, with actions open, awaiting verification, done and cancelled, made once only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DemoDipSamplesTest {

  @Autowired DemoDipSamples demoDipSamples;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theSeedsThreeDipSamplesAreThereWithActionsInEveryStateOnceOnly() {
    assertThat(
            jdbc.queryForList(
                "select ref from dip_sample where ref like 'DS-202%' order by ref", String.class))
        .containsExactly(DemoDipSamples.DECEMBER, DemoDipSamples.CWCN, DemoDipSamples.HUB);
    // Each has its sampled audits, found by the dip sample's ref in their theme, as many as
    // sampled.
    assertThat(
            jdbc.queryForList(
                "select concat(theme, ' ', count(*)) from audit where audit_type ="
                    + " 'THEMATIC_DIP_SAMPLE' and theme like 'DS-202%' group by theme order by theme",
                String.class))
        .containsExactly("DS-2023-12-HP 16", "DS-2024-01-CWCN 7", "DS-2024-01-SFPH 10");
    long actions = count("action_item");
    long tasks = count("open_task where action_id is not null");
    long audits = count("audit");

    demoDipSamples.ensurePresent();

    assertThat(count("audit")).isEqualTo(audits);
    assertThat(count("action_item")).isEqualTo(actions);
    assertThat(count("open_task where action_id is not null")).isEqualTo(tasks);
    assertThat(
            jdbc.queryForList(
                "select a.status from action_item a join dip_sample d on d.id = a.dip_sample_id"
                    + " where d.ref in ('DS-2023-12-HP', 'DS-2024-01-SFPH') order by a.id",
                String.class))
        .containsExactly("OPEN", "AWAITING_VERIFICATION", "DONE", "CANCELLED");
    // The open one is in the practitioner's task list; the one awaiting verification in the
    // auditor's.
    assertThat(count("open_task where action_id is not null and assignee = 'practitioner'"))
        .isGreaterThanOrEqualTo(1);
    assertThat(count("open_task where action_id is not null and assignee = 'auditor'"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            count(
                "dip_sample d join action_item a on a.dip_sample_id = d.id where d.ref = 'DS-2024-01-CWCN'"))
        .isZero();
  }

  private long count(String from) {
    return jdbc.queryForObject("select count(*) from " + from, Long.class);
  }
}
