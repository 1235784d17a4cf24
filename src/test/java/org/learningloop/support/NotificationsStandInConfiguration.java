package org.learningloop.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Tests only, and only while the application has no email outbox of its own (it arrives from another branch): keeps
 * the notifications in memory, so that the follow-up pages can be tested before email exists. An auto-configuration,
 * so that the condition is decided after every application bean is known.
 */
@AutoConfiguration
public class NotificationsStandInConfiguration {

  /** The notifications queued so far. */
  public static final class Recorded implements Notifications {
    private final List<Notification> queued = new CopyOnWriteArrayList<>();

    @Override
    public void enqueue(Notification notification) {
      queued.add(notification);
    }

    public List<Notification> queued() {
      return List.copyOf(queued);
    }
  }

  @Bean
  @ConditionalOnMissingBean(Notifications.class)
  Notifications recordedNotifications() {
    return new Recorded();
  }
}
