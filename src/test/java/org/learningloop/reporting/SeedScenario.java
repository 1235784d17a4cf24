package org.learningloop.reporting;

import org.junit.jupiter.api.BeforeEach;
import org.learningloop.audit.AuditRegister;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.dipsample.DipSamples;
import org.learningloop.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seed report's period in the register: its audits through the audit register, its follow-ups
 * as written and its three dip samples as recorded, without demo data; emails to a mock. Every
 * subclass shares one context.
 */
@SpringBootTest(properties = "learning-loop.demo.data=false")
@AutoConfigureMockMvc
abstract class SeedScenario {

  @Autowired MockMvc mvc;
  @Autowired AuditRegister register;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingDayCalendar calendar;
  @Autowired DipSamples dipSamples;
  @MockitoBean Notifications notifications;

  @BeforeEach
  void seed() {
    SeedAudits.ensureLoaded(register);
    SeedFollowUps.ensureWritten(jdbc, calendar, 0);
    SeedDipSamples.ensureRecorded(dipSamples, 0);
  }
}
