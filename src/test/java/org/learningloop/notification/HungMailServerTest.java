package org.learningloop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application as it runs, with its own schedulers on: the outbox sender polls every second and
 * the reminder sweep runs every second, and the mail server takes the connection and never answers.
 * The sender waits on that server (for up to its SMTP timeout), and meanwhile the sweep keeps
 * running on another scheduler thread: a hung mail server does not stop reminders and escalations.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.process-engine-name=hung-mail-server",
      "learning-loop.mail.drop-folder=",
      "learning-loop.mail.sender.enabled=true",
      "learning-loop.mail.sender.poll-interval=1s",
      "learning-loop.reminders.enabled=true",
      "learning-loop.reminders.sweep-interval=1s",
      "spring.mail.properties.mail.smtp.connectiontimeout=60000",
      "spring.mail.properties.mail.smtp.timeout=60000",
    })
class HungMailServerTest {

  static final TestSmtp.Silent SILENT = new TestSmtp.Silent();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SILENT::port);
  }

  @AfterAll
  static void closeServer() throws Exception {
    SILENT.close();
  }

  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MeterRegistry meters;

  @Test
  void remindersKeepBeingSweptWhileTheSenderWaitsOnAMailServerThatNeverAnswers() {
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status ->
                notifications.enqueue(
                    new Notification(
                        "hung:1",
                        "owen@council.example",
                        null,
                        Template.FOLLOW_UP_ALLOCATED,
                        "AUD-HUNG-1",
                        null,
                        "/follow-ups/1",
                        Map.of(),
                        null)));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(SILENT.connections()).isEqualTo(1);
              assertThat(claimed()).isTrue();
            });
    long sweepsWhileHung = sweeps();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(sweeps()).isGreaterThanOrEqualTo(sweepsWhileHung + 3);
              assertThat(claimed()).as("the sender is still waiting on the server").isTrue();
            });
  }

  /** Whether the sender holds a message (the queued one, or one the demo data queued before it). */
  private boolean claimed() {
    Integer held =
        jdbc.queryForObject(
            "select count(*) from notification_outbox where claimed_by is not null", Integer.class);
    return held != null && held > 0;
  }

  private long sweeps() {
    return meters.get("learningloop.reminders.sweep").timer().count();
  }
}
