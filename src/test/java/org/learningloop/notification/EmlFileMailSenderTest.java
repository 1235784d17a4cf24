package org.learningloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.SimpleMailMessage;

class EmlFileMailSenderTest {

  @TempDir Path folder;

  @Test
  void eachMessageBecomesOneEmlFileThatReadsBackAsTheSameMessage() throws Exception {
    Path mail = folder.resolve("mail");
    var sender =
        new EmlFileMailSender(
            mail, Clock.fixed(Instant.parse("2024-01-15T09:30:00Z"), ZoneOffset.UTC));
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom("learning-loop@example.org");
    message.setTo("pat@example.org");
    message.setSubject("Audit AUD-1: please book a reflective conversation");
    message.setText("Open https://learningloop.example/follow-ups/1");

    sender.send(message, message);

    List<Path> files;
    try (Stream<Path> listed = Files.list(mail)) {
      files = listed.toList();
    }
    assertThat(files)
        .hasSize(2)
        .allSatisfy(
            f ->
                assertThat(f.getFileName().toString())
                    .startsWith("20240115-093000-000-")
                    .endsWith(".eml"));
    try (InputStream in = Files.newInputStream(files.get(0))) {
      MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(read.getSubject()).isEqualTo("Audit AUD-1: please book a reflective conversation");
      assertThat(read.getAllRecipients())
          .extracting(Object::toString)
          .containsExactly("pat@example.org");
      assertThat(read.getContent().toString()).contains("/follow-ups/1");
    }
  }
}
