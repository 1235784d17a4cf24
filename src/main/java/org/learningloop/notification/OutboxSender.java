package org.learningloop.notification;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends what the outbox holds. Each message is first claimed (see {@link Outbox#claim}), so several
 * nodes can run a sender over one database and still hand each message to the mail server once. A
 * failed attempt is retried with exponential back-off; after the last allowed attempt the message
 * is FAILED, logged at ERROR and listed for administrators at {@code /admin/outbox}.
 */
class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final Outbox outbox;
  private final JavaMailSender mailSender;
  private final SenderProperties properties;
  private final Clock clock;
  private final String node;
  private final Session session = Session.getInstance(new Properties());

  OutboxSender(
      Outbox outbox,
      JavaMailSender mailSender,
      SenderProperties properties,
      Clock clock,
      String node) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.properties = properties;
    this.clock = clock;
    this.node = node.length() > 60 ? node.substring(0, 60) : node;
  }

  /**
   * Sends every message due now (up to the batch size) that no other node holds.
   *
   * @return how many were delivered
   */
  int sendDue() {
    int delivered = 0;
    for (Long id : outbox.due(clock.instant(), properties.batchSize())) {
      String token = node + ":" + UUID.randomUUID();
      Optional<OutboxMessage> claimed =
          outbox.claim(id, token, clock.instant(), properties.claimDuration());
      if (claimed.isPresent() && send(claimed.get(), token)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean send(OutboxMessage message, String token) {
    try {
      mailSender.send(mime(message));
    } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
      failed(message, token, e);
      return false;
    }
    if (!outbox.markSent(message.id(), token, clock.instant())) {
      // Our claim ran out while the server was taking the message; another node may send it again,
      // under the same
      // Message-ID, so that receiving servers and clients can drop the copy.
      log.warn(
          "Email {} was delivered after its claim had run out; a second copy may follow",
          message.id());
    }
    return true;
  }

  private void failed(OutboxMessage message, String token, Exception e) {
    int failures = message.attempts() + 1;
    Instant now = clock.instant();
    String error = describe(e);
    if (failures >= properties.maxAttempts()) {
      outbox.markFailed(message.id(), token, OutboxMessage.Status.FAILED, now, error);
      log.error(
          "Email {} ({}, audit {}) failed {} times and will not be retried until an administrator retries it "
              + "at /admin/outbox: {}",
          message.id(),
          message.template(),
          message.auditRef(),
          failures,
          error);
    } else {
      Instant next = now.plus(properties.backoffAfter(failures));
      outbox.markFailed(message.id(), token, OutboxMessage.Status.PENDING, next, error);
      log.warn(
          "Email {} could not be sent (attempt {} of {}), next attempt at {}: {}",
          message.id(),
          failures,
          properties.maxAttempts(),
          next,
          error);
    }
  }

  /**
   * The email as MIME: plain text and HTML alternatives, plus the calendar part and an .ics
   * attachment if any.
   */
  MimeMessage mime(OutboxMessage m) throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = new StableIdMimeMessage(session, m.messageId());
    message.setFrom(new InternetAddress(m.fromAddress(), "Learning Loop", "UTF-8"));
    message.setRecipient(
        Message.RecipientType.TO,
        new InternetAddress(m.recipientEmail(), m.recipientName(), "UTF-8"));
    message.setSubject(m.subject(), "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader("Auto-Submitted", "auto-generated");

    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(m.textBody(), "UTF-8", "plain");
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(m.htmlBody(), "UTF-8", "html");
    alternative.addBodyPart(html);
    if (m.ics() == null) {
      message.setContent(alternative);
      message.saveChanges();
      return message;
    }
    // Outlook and Gmail show accept/decline buttons for a text/calendar alternative with the method
    // parameter; the
    // attachment is for clients that only offer to import a file.
    String calendarType = "text/calendar; charset=UTF-8; method=" + m.icsMethod();
    MimeBodyPart calendar = new MimeBodyPart();
    calendar.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(m.ics().getBytes(StandardCharsets.UTF_8), calendarType)));
    calendar.setHeader("Content-Type", calendarType);
    alternative.addBodyPart(calendar);

    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    MimeBodyPart attachment = new MimeBodyPart();
    String attachmentType = "application/ics; name=invite.ics";
    attachment.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(m.ics().getBytes(StandardCharsets.UTF_8), attachmentType)));
    attachment.setHeader("Content-Type", attachmentType);
    attachment.setFileName("invite.ics");
    attachment.setDisposition(Part.ATTACHMENT);
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(body);
    mixed.addBodyPart(attachment);
    message.setContent(mixed);
    message.saveChanges();
    return message;
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e;
        t != null && text.length() < 900;
        t = t.getCause() == t ? null : t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage().strip());
      }
    }
    return text.toString();
  }

  /**
   * A message whose Message-ID stays the one derived from the notification key, whatever saves it.
   */
  static final class StableIdMimeMessage extends MimeMessage {

    private final String messageId;

    StableIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
