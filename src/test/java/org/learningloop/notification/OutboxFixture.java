package org.learningloop.notification;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the tests of the outbox against a test SMTP server share: the application's notifications
 * and outbox, and for each test an empty outbox, a new SMTP server and a movable clock; the server
 * stops after the test.
 */
abstract class OutboxFixture {

  @Autowired Notifications notifications;
  @Autowired Outbox outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  TransactionTemplate transaction;
  TestSmtp smtp;
  TestSmtp.MovableClock clock;

  @BeforeEach
  void emptyOutboxAndStartSmtp() {
    transaction = new TransactionTemplate(transactionManager);
    jdbc.update("delete from notification_outbox");
    smtp = new TestSmtp();
    clock = new TestSmtp.MovableClock();
  }

  @AfterEach
  void stopSmtp() {
    smtp.server.stop();
  }

  /**
   * A sender to the test SMTP server on the movable clock, as the node named, that gives a message
   * up after {@code maxAttempts}.
   */
  OutboxSender sender(String node, int maxAttempts) {
    var properties =
        new SenderProperties(
            false,
            Duration.ofSeconds(10),
            50,
            Duration.ofMinutes(2),
            maxAttempts,
            Duration.ofSeconds(30),
            Duration.ofMinutes(10));
    return new OutboxSender(outbox, smtp.client(), properties, clock, node);
  }
}
