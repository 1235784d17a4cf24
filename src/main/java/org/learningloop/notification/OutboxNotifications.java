package org.learningloop.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues notifications in the outbox, in the caller's transaction: an email exists exactly when the
 * change that caused it commits. The message is rendered here, at enqueue time, so that the row
 * holds the exact email that will leave (later template or configuration changes do not alter
 * queued mail, the sender needs nothing but the row), and so that a notification that cannot be
 * rendered fails the caller's change at once instead of failing later, unseen.
 */
@Service
class OutboxNotifications implements Notifications {

  private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

  private final Outbox outbox;
  private final MailRenderer renderer;
  private final MailProperties properties;
  private final Clock clock;

  OutboxNotifications(
      Outbox outbox, MailRenderer renderer, MailProperties properties, Clock clock) {
    this.outbox = outbox;
    this.renderer = renderer;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(Notification notification) {
    renderer.check(notification);
    if (outbox.contains(notification.key())) {
      log.debug("Notification {} was queued before; ignored", notification.key());
      return;
    }
    RenderedMail mail = renderer.render(notification);
    boolean inserted =
        outbox.insertIfAbsent(
            notification.key(),
            messageId(notification.key(), properties.from()),
            notification.template(),
            notification.auditRef(),
            properties.from(),
            notification.recipientEmail(),
            notification.recipientName(),
            mail,
            clock.instant());
    if (!inserted) {
      log.debug(
          "Notification {} was queued at the same time by another transaction; ignored",
          notification.key());
    }
  }

  /**
   * The Message-ID of a notification: the same key always gives the same id, so if a message is
   * ever sent twice (a node died after handing it to the server but before recording it) mail
   * servers and clients can drop the copy.
   */
  static String messageId(String key, String from) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String domain = from.substring(from.lastIndexOf('@') + 1);
      return "<" + HexFormat.of().formatHex(hash, 0, 20) + "@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
