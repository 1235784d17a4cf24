package org.learningloop.notification;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration
class MailConfiguration {

  /**
   * Embedded default: no SMTP server, messages land in the drop folder. An empty value means SMTP.
   */
  @Bean
  @ConditionalOnExpression("'${learning-loop.mail.drop-folder:}'.trim() != ''")
  JavaMailSender dropFolderMailSender(MailProperties properties, Clock clock) {
    return new EmlFileMailSender(properties.dropFolder(), clock);
  }

  /**
   * This node's sender; its name ("pid@host") shows in claims, so an administrator can tell nodes
   * apart.
   */
  @Bean
  OutboxSender outboxSender(
      Outbox outbox, JavaMailSender mailSender, SenderProperties properties, Clock clock) {
    return new OutboxSender(
        outbox, mailSender, properties, clock, ManagementFactory.getRuntimeMXBean().getName());
  }
}
