package org.learningloop.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Writes each message as an {@code .eml} file (RFC 822, opens in any mail client) instead of
 * sending it: the embedded default needs no mail server. A file appears whole or not at all
 * (written aside, then moved into place).
 */
class EmlFileMailSender extends JavaMailSenderImpl {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final Path folder;
  private final Clock clock;

  EmlFileMailSender(Path folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new MailSendException("Cannot create the mail folder " + folder, e);
    }
    for (MimeMessage message : mimeMessages) {
      write(message);
    }
  }

  private void write(MimeMessage message) {
    String name =
        STAMP.format(clock.instant().atZone(clock.getZone())) + "-" + UUID.randomUUID() + ".eml";
    Path target = folder.resolve(name);
    Path partial = folder.resolve(name + ".part");
    try {
      message.saveChanges();
      try (OutputStream out = Files.newOutputStream(partial)) {
        message.writeTo(out);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (MessagingException e) {
      throw new MailPreparationException("Message could not be written", e);
    } catch (IOException e) {
      throw new MailSendException("Cannot write " + target, new UncheckedIOException(e));
    }
  }
}
