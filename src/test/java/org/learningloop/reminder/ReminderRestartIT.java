package org.learningloop.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.learningloop.LearningLoopApplication;
import org.learningloop.audit.AuditRegister;
import org.learningloop.directory.Role;
import org.learningloop.followup.FollowUpCommand;
import org.learningloop.followup.FollowUpCommands;
import org.learningloop.support.MariaDb;
import org.learningloop.support.MovableClock;
import org.learningloop.support.TestAudits;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A council server stopped over a holiday: the application runs on MariaDB, is stopped, and is
 * started again on the same schema months later with the clock moved on. The engine's job executor
 * and the scheduled reminder sweep (every second here) catch up by themselves: the re-audit timer
 * that fell due during the downtime fires, and every rung of the ladder reached meanwhile is
 * recorded and emailed once, in one bundle per person, however often the sweep runs and even when
 * two nodes sweep at the same moment.
 *
 * <p>A schema of its own ({@code <it schema>_restart}), so that nothing another test leaves open
 * falls due when the clock jumps.
 */
class ReminderRestartIT {

  private static final String SCHEMA_URL = schemaUrl();

  @AfterAll
  static void releaseTheEnginesClock() {
    MovableClock.release();
  }

  @Test
  void timersAndTheSweepCatchUpAfterDowntimeOnce() throws Exception {
    long waiting;
    long closed;
    // Monday 2 March 2026, 09:00: two inadequate audits. One waits in the queue (allocation due
    // Wednesday 4 March); the other is worked and closed at once (re-audit due Tuesday 2 June).
    try (ConfigurableApplicationContext app = start("2026-03-02T09:00:00Z")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      AuditRegister register = app.getBean(AuditRegister.class);
      FollowUpCommands followUps = app.getBean(FollowUpCommands.class);
      MovableClock clock = app.getBean(MovableClock.class);
      waiting = followUpOf(jdbc, recordInadequate(register));
      closed = followUpOf(jdbc, recordInadequate(register));
      followUps.claim(closed, "pi-officer", new FollowUpCommand.Claim(true));
      long conversation =
          jdbc.queryForObject(
              "select id from follow_up_conversation where follow_up_id = ?", Long.class, closed);
      followUps.scheduleConversation(
          closed,
          conversation,
          "pi-officer",
          new FollowUpCommand.Schedule(
              LocalDateTime.parse("2026-03-02T10:00:00"), 60, "Room 2, County Hall"));
      clock.moveTo(Instant.parse("2026-03-02T12:00:00Z"));
      followUps.recordConversationHeld(
          closed,
          conversation,
          "pi-officer",
          new FollowUpCommand.Held("Went through the plan", "Drift"));
      followUps.proposeClosure(closed, "pi-officer");
      followUps.signOff(closed, "pi-lead");
      assertThat(bundles(jdbc)).isEmpty();
    }

    // Down until Wednesday 10 June 2026, 09:00. Started again: nothing is done by hand.
    try (ConfigurableApplicationContext app = start("2026-06-10T08:00:00Z")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      await()
          .atMost(Duration.ofMinutes(3))
          .until(
              () ->
                  bundles(jdbc).size() == 4
                      && "RE_AUDIT".equals(stage(jdbc, closed))
                      && !outbox(jdbc, "RE_AUDIT_DUE").isEmpty());
      // Several sweeps later, still once.
      long sweepsBefore = sweeps(app);
      await().atMost(Duration.ofMinutes(2)).until(() -> sweeps(app) >= sweepsBefore + 3);
      // Two more nodes' worth of sweeps at the same moment change nothing either.
      ReminderSweep sweep = app.getBean(ReminderSweep.class);
      concurrently(sweep::sweep);

      assertThat(bundles(jdbc))
          .as(
              "each rung reached during the downtime, once: one bundle per person (both audits'"
                  + " moderations, due 16 March, waited too, so the moderator is among them)")
          .containsExactlyInAnyOrder(
              "escalation:pi-lead:2026-06-10",
              "escalation:service-manager:2026-06-10",
              "escalation:assistant-director:2026-06-10",
              "escalation:moderator:2026-06-10");
      String ref =
          jdbc.queryForObject(
              "select audit_ref from follow_up where id = ?", String.class, waiting);
      assertThat(
              jdbc.queryForObject(
                  "select text_body from notification_outbox where notification_key = ?",
                  String.class,
                  "escalation:assistant-director:2026-06-10"))
          .contains(
              "- Audit "
                  + ref
                  + ": allocation to a PI officer, due Wednesday 4 March 2026, 66 working days"
                  + " overdue.");
      assertThat(outbox(jdbc, "RE_AUDIT_DUE"))
          .as("the re-audit timer that fell due while the server was down fired once")
          .containsExactly("auditor@learningloop.example");
      assertThat(
              jdbc.queryForList(
                  "select detail from follow_up_event where follow_up_id = ? and action = 'ESCALATION_RUNG_REACHED'"
                      + " order by id",
                  String.class,
                  waiting))
          .containsExactly(
              "ALLOCATION due 2026-03-04, 0 working days overdue: pi-lead told",
              "ALLOCATION due 2026-03-04, 3 working days overdue: service-manager told",
              "ALLOCATION due 2026-03-04, 5 working days overdue: assistant-director told");
      assertThat(
              jdbc.queryForObject(
                  "select due_date from follow_up where id = ?", LocalDate.class, closed))
          .as("the re-audit is due 20 working days after it fell due, not at once")
          .isEqualTo(LocalDate.of(2026, 6, 30));
    }
  }

  // ---- the application ----

  /** The whole application, as a node starts it, on this test's schema, its clock at {@code at}. */
  private static ConfigurableApplicationContext start(String at) {
    // As command-line arguments: they outrank the mysql profile's own settings.
    return new SpringApplicationBuilder(
            LearningLoopApplication.class, MovableClock.Configuration.class)
        .profiles("mysql")
        .run(
            "--spring.datasource.url=" + SCHEMA_URL,
            "--spring.datasource.username=" + MariaDb.username(),
            "--spring.datasource.password=" + MariaDb.password(),
            "--server.port=0",
            "--learning-loop.demo.users=true",
            // A throwaway test schema: the demo users are allowed on it (README "Demo users").
            "--learning-loop.demo.allow-external-database=true",
            // An engine of its own name, so that closing this application leaves the engines of
            // the other tests' contexts in this JVM registered.
            "--camunda.bpm.process-engine-name=restart",
            "--learning-loop.demo.data=false",
            "--learning-loop.mail.sender.enabled=false",
            "--learning-loop.mail.drop-folder=target/it-mail",
            "--learning-loop.reminders.enabled=true",
            "--learning-loop.reminders.sweep-interval=1s",
            "--learning-loop.test.clock-start=" + at);
  }

  private static String schemaUrl() {
    String base = MariaDb.url();
    int slash = base.indexOf('/', "jdbc:mysql://".length());
    int query = base.indexOf('?');
    String schema = base.substring(slash + 1, query < 0 ? base.length() : query) + "_restart";
    try (Connection c =
            DriverManager.getConnection(
                base.substring(0, slash + 1) + (query < 0 ? "" : base.substring(query)),
                MariaDb.username(),
                MariaDb.password());
        Statement s = c.createStatement()) {
      s.execute("drop database if exists `" + schema + "`");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("MariaDB is not reachable at " + base, e);
    }
    return base.substring(0, slash + 1)
        + schema
        + (query < 0 ? "?createDatabaseIfNotExist=true" : base.substring(query));
  }

  private static String recordInadequate(AuditRegister register) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "auditor", null, List.of(new SimpleGrantedAuthority(Role.AUDITOR.authority()))));
    try {
      return TestAudits.inadequate(
          register, LocalDate.of(2026, 2, 27), "RESTART", List.of("PLANNING"));
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static long followUpOf(JdbcTemplate jdbc, String ref) {
    return jdbc.queryForObject("select id from follow_up where audit_ref = ?", Long.class, ref);
  }

  private static String stage(JdbcTemplate jdbc, long followUp) {
    return jdbc.queryForObject("select stage from follow_up where id = ?", String.class, followUp);
  }

  private static List<String> bundles(JdbcTemplate jdbc) {
    return jdbc.queryForList(
        "select notification_key from notification_outbox where template = 'ESCALATION_BUNDLE'",
        String.class);
  }

  private static List<String> outbox(JdbcTemplate jdbc, String template) {
    return jdbc.queryForList(
        "select recipient_email from notification_outbox where template = ?",
        String.class,
        template);
  }

  /** How many sweeps the scheduled sweep has finished on this node. */
  private static long sweeps(ConfigurableApplicationContext app) {
    return app.getBean(ReminderSchedule.class).completedSweeps();
  }

  /** Two sweeps released at the same moment, as two nodes. */
  private static void concurrently(Runnable work) throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        runs.add(
            nodes.submit(
                () -> {
                  go.await();
                  work.run();
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> run : runs) {
        run.get(2, TimeUnit.MINUTES);
      }
    } finally {
      nodes.shutdownNow();
    }
  }
}
