package org.learningloop.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls the outbox every {@code learning-loop.mail.sender.poll-interval} on every node; claims keep
 * the nodes from sending the same message. Off with {@code learning-loop.mail.sender.enabled=false}
 * (the tests drive the sender).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    prefix = "learning-loop.mail.sender",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class OutboxPolling implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(OutboxPolling.class);

  private final OutboxSender sender;
  private final SenderProperties properties;

  OutboxPolling(OutboxSender sender, SenderProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::poll, properties.pollInterval());
  }

  private void poll() {
    try {
      sender.sendDue();
    } catch (RuntimeException e) {
      // The database is unreachable, say: nothing is lost, the next poll tries again.
      log.warn(
          "Polling the outbox failed; trying again in {}: {}",
          properties.pollInterval(),
          e.getMessage());
    }
  }
}
