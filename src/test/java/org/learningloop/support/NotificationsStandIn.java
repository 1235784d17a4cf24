package org.learningloop.support;

import org.learningloop.notification.Notifications;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * For the tests only: a stand-in for the mail outbox (built on another branch) while this branch has none, so that
 * contexts that do not care about email start. It gives way to the real bean; tests that check emails use
 * {@code @MockitoBean Notifications}.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationsStandIn {

  @Bean
  @ConditionalOnMissingBean
  Notifications standInNotifications() {
    return notification -> {};
  }
}
