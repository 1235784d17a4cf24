package org.learningloop.notification;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration
class MailConfiguration {

  /** Embedded default: no SMTP server, messages land in the drop folder. */
  @Bean
  @ConditionalOnProperty(prefix = "learning-loop.mail", name = "drop-folder")
  JavaMailSender dropFolderMailSender(MailProperties properties, Clock clock) {
    return new EmlFileMailSender(properties.dropFolder(), clock);
  }
}
