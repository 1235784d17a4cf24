package org.learningloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded default's demo audits (same application context as EmbeddedApplicationTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DemoAuditsTest {

  @Autowired DemoAudits demoAudits;
  @Autowired JdbcTemplate jdbc;

  @Test
  void demoAuditsGiveTheDemoPractitionerInadequateAuditsOnceOnly() {
    long before = count("ref like 'DEMO-%'");
    assertThat(before).isGreaterThanOrEqualTo(60);

    demoAudits.ensurePresent();

    assertThat(count("ref like 'DEMO-%'")).isEqualTo(before);
    String practitioners =
        "ref like 'DEMO-%' and effective_grade = 'INADEQUATE'"
            + " and practitioner_id = (select id from staff where username = 'practitioner')"
            + " and team_manager_id = (select id from staff where username = 'team-manager')";
    assertThat(count(practitioners)).isGreaterThanOrEqualTo(2);
    assertThat(count("ref like 'DEMO-%' and moderated_grade is not null")).isPositive();
    assertThat(
            count(
                "ref like 'DEMO-%' and effective_grade = 'INADEQUATE' and id in"
                    + " (select audit_id from audit_factor where factor_code = 'SIGNIFICANT_HARM_RISK')"))
        .isPositive();
    assertThat(
            count(
                "ref like 'DEMO-%' and team_id <> (select id from team where name = 'Help and Protect Team 1')"))
        .isPositive();
  }

  private long count(String where) {
    return jdbc.queryForObject("select count(*) from audit where " + where, Long.class);
  }
}
