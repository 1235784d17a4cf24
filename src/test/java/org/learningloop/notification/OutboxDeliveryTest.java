package org.learningloop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.learningloop.notification.Template.Detail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * The outbox on H2 with GreenMail as the SMTP server: queued with the caller's change, delivered
 * once, retried with back-off through an outage, failed messages shown to administrators. (Same
 * context as EmbeddedApplicationTest.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OutboxDeliveryTest extends OutboxFixture {

  @Autowired MockMvc mvc;
  @Autowired OutboxSender dropFolderSender;

  OutboxSender sender(int maxAttempts) {
    return sender("test-node", maxAttempts);
  }

  static Notification allocated(String key, String email) {
    return new Notification(
        key,
        email,
        "Owen Officer",
        Template.FOLLOW_UP_ALLOCATED,
        "AUD-2024-001",
        null,
        "/follow-ups/1",
        Map.of(),
        null);
  }

  void enqueueCommitted(Notification... notifications) {
    transaction.executeWithoutResult(
        status -> Arrays.stream(notifications).forEach(this.notifications::enqueue));
  }

  @Test
  void enqueueNeedsTheCallersTransaction() {
    assertThatThrownBy(
            () -> notifications.enqueue(allocated("no-transaction", "owen@council.example")))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThat(outbox.contains("no-transaction")).isFalse();
  }

  @Test
  void nothingIsQueuedWhenTheCallersChangeRollsBack() {
    transaction.executeWithoutResult(
        status -> {
          notifications.enqueue(allocated("rolled-back", "owen@council.example"));
          status.setRollbackOnly();
        });
    assertThat(outbox.contains("rolled-back")).isFalse();
  }

  @Test
  void aKeyQueuedBeforeIsIgnoredAndTheCallersTransactionStillCommits() {
    enqueueCommitted(allocated("once", "owen@council.example"));
    transaction.executeWithoutResult(
        status -> {
          notifications.enqueue(allocated("once", "someone.else@council.example"));
          notifications.enqueue(allocated("once", "someone.else@council.example"));
          notifications.enqueue(allocated("after-the-duplicate", "owen@council.example"));
        });
    assertThat(
            jdbc.queryForList(
                "select recipient_email from notification_outbox order by id", String.class))
        .containsExactly("owen@council.example", "owen@council.example");
    assertThat(outbox.contains("after-the-duplicate")).isTrue();
  }

  @Test
  void aBadNotificationFailsTheCallersChange() {
    assertThatThrownBy(
            () ->
                enqueueCommitted(
                    allocated("good", "owen@council.example"),
                    new Notification(
                        "bad",
                        "owen@council.example",
                        null,
                        Template.FOLLOW_UP_ALLOCATED,
                        "AUD-1",
                        null,
                        "/follow-ups/1",
                        Map.of("childRef", "CH-1"),
                        null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(outbox.contains("good")).isFalse();
  }

  @Test
  void deliversOverSmtpOnceWithAMessageIdDerivedFromTheKey() throws Exception {
    smtp.server.start();
    enqueueCommitted(allocated("follow-up:1:allocated:pi-officer", "owen@council.example"));
    OutboxSender sender = sender(5);

    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(sender.sendDue()).isZero();

    MimeMessage[] received = smtp.server.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getMessageID())
        .isEqualTo(
            OutboxNotifications.messageId(
                "follow-up:1:allocated:pi-officer", "learning-loop@learningloop.example"))
        .matches("<[0-9a-f]{40}@learningloop\\.example>");
    assertThat(mail.getSubject())
        .isEqualTo("Audit AUD-2024-001: a follow-up has been allocated to you");
    assertThat(mail.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("Owen Officer <owen@council.example>");
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    OutboxMessage row = outbox.findByKey("follow-up:1:allocated:pi-officer").orElseThrow();
    assertThat(row.status()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(row.sentAt()).isNotNull();
  }

  @Test
  void anSmtpOutageDelaysDeliveryButNeverLosesOrDoublesAMessage() {
    enqueueCommitted(
        allocated("outage:1", "one@council.example"),
        allocated("outage:2", "two@council.example"),
        allocated("outage:3", "three@council.example"));
    OutboxSender sender = sender(5);

    assertThat(sender.sendDue()).isZero();
    assertThat(jdbc.queryForList("select attempts from notification_outbox", Integer.class))
        .containsOnly(1);
    assertThat(outbox.findByKey("outage:1").orElseThrow().lastError())
        .contains("Connection refused");
    assertThat(sender.sendDue()).as("backing off: nothing is due yet").isZero();
    clock.advance(Duration.ofSeconds(31));
    assertThat(sender.sendDue()).isZero();
    assertThat(jdbc.queryForList("select attempts from notification_outbox", Integer.class))
        .containsOnly(2);

    smtp.server.start();
    clock.advance(Duration.ofSeconds(30));
    assertThat(sender.sendDue()).as("second back-off is twice the first").isZero();
    clock.advance(Duration.ofSeconds(31));
    assertThat(sender.sendDue()).isEqualTo(3);
    clock.advance(Duration.ofHours(1));
    assertThat(sender.sendDue()).isZero();

    assertThat(smtp.server.getReceivedMessages()).hasSize(3);
    assertThat(jdbc.queryForList("select status from notification_outbox", String.class))
        .containsOnly("SENT");
  }

  @Test
  void aMessageThatKeepsFailingIsFailedShownToAdminsAndCanBeRetried() throws Exception {
    enqueueCommitted(allocated("keeps-failing", "owen@council.example"));
    OutboxSender sender = sender(2);
    sender.sendDue();
    clock.advance(Duration.ofMinutes(1));
    sender.sendDue();
    OutboxMessage failed = outbox.findByKey("keeps-failing").orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxMessage.Status.FAILED);
    clock.advance(Duration.ofDays(1));
    assertThat(sender.sendDue()).as("a failed message waits for an administrator").isZero();

    mvc.perform(get("/admin/outbox").param("status", "FAILED").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "Audit AUD-2024-001: a follow-up has been allocated to you")))
        .andExpect(content().string(Matchers.containsString("Failed (1)")));
    mvc.perform(get("/admin/outbox/{id}", failed.id()).with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Connection refused")))
        .andExpect(content().string(Matchers.containsString("Retry this email")));
    mvc.perform(
            post("/admin/outbox/{id}/retry", failed.id())
                .with(httpBasic("admin", "demo"))
                .with(csrf()))
        .andExpect(redirectedUrl("/admin/outbox/" + failed.id()));

    smtp.server.start();
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(smtp.server.getReceivedMessages()).hasSize(1);
    assertThat(outbox.findByKey("keeps-failing").orElseThrow().status())
        .isEqualTo(OutboxMessage.Status.SENT);
  }

  @Test
  void theOutboxIsForAdministratorsOnly() throws Exception {
    mvc.perform(get("/admin/outbox").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/outbox").with(httpBasic("admin", "demo"))).andExpect(status().isOk());
    mvc.perform(get("/admin/outbox/{id}", 999_999).with(httpBasic("admin", "demo")))
        .andExpect(status().isNotFound());
  }

  @Test
  void aClaimHeldByANodeThatDiedIsTakenOverWhenItRunsOutByTheDatabasesClock() {
    smtp.server.start();
    enqueueCommitted(allocated("orphaned", "owen@council.example"));
    long id = outbox.findByKey("orphaned").orElseThrow().id();
    assertThat(outbox.claim(id, "dead-node:1", clock.instant(), Duration.ofSeconds(1))).isPresent();
    OutboxSender sender = sender(5);

    assertThat(sender.sendDue()).as("the dead node's claim is still live").isZero();
    // A node's clock running ahead does not end the claim: the database's clock does.
    clock.advance(Duration.ofHours(3));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> sender.sendDue() == 1);
    assertThat(smtp.server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void theEmbeddedDefaultWritesEachEmailAsAnEmlFileInTheDropFolder() throws Exception {
    // The folder outlives a run: a key of its own keeps earlier runs' files out of the count.
    String key = "drop-folder:" + java.util.UUID.randomUUID();
    enqueueCommitted(allocated(key, "owen@council.example"));
    String messageId = outbox.findByKey(key).orElseThrow().messageId();

    assertThat(dropFolderSender.sendDue()).isEqualTo(1);

    java.nio.file.Path folder = java.nio.file.Path.of("target/test-mail");
    try (var files = java.nio.file.Files.list(folder)) {
      assertThat(files.filter(f -> f.toString().endsWith(".eml")).map(TestSmtp::read))
          .filteredOn(eml -> eml.contains("Message-ID: " + messageId))
          .singleElement()
          .satisfies(
              eml ->
                  assertThat(eml)
                      .contains(
                          "Subject: Audit AUD-2024-001: a follow-up has been allocated to you"));
    }
    assertThat(outbox.findByKey(key).orElseThrow().status()).isEqualTo(OutboxMessage.Status.SENT);
  }

  @Test
  void anInvitationCarriesACalendarRequestAndAnIcsAttachment() throws Exception {
    smtp.server.start();
    CalendarInvite invite =
        new CalendarInvite(
            "conversation-7@learningloop",
            0,
            java.time.ZonedDateTime.parse("2024-02-06T14:00:00Z[Europe/London]"),
            Duration.ofMinutes(45),
            null,
            "https://meet.example/abc",
            "owen@council.example",
            false);
    enqueueCommitted(
        new Notification(
            "conversation:7:invite:0:pat",
            "pat@council.example",
            "Pat Practitioner",
            Template.CONVERSATION_INVITATION,
            "AUD-2024-007",
            null,
            "/follow-ups/7",
            Map.of(Detail.CONVERSATION, "PRACTITIONER"),
            invite));

    assertThat(sender(5).sendDue()).isEqualTo(1);

    MimeMessage mail = smtp.server.getReceivedMessages()[0];
    assertThat(mail.getContentType()).startsWith("multipart/mixed");
    Multipart mixed = (Multipart) mail.getContent();
    Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(alternative.getCount()).isEqualTo(3);
    assertThat(alternative.getBodyPart(2).getContentType())
        .startsWith("text/calendar")
        .contains("method=REQUEST");
    assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("invite.ics");
    String ics =
        new String(
            mixed.getBodyPart(1).getInputStream().readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    VEvent event =
        (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponents().get(0);
    assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
        .isEqualTo("conversation-7@learningloop");
    assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue())
        .isEqualTo("20240206T140000Z");
  }

  @Autowired OutboxRetention retention;

  @Test
  void theRetentionPurgeRemovesTheTextOfEmailsSentBeforeTheCutOffAndKeepsTheRecord() {
    smtp.server.start();
    enqueueCommitted(allocated("follow-up:retention:allocated:pi-officer", "owen@council.example"));
    assertThat(sender(5).sendDue()).isEqualTo(1);
    String body = "select text_body from notification_outbox where notification_key = ?";
    String key = "follow-up:retention:allocated:pi-officer";

    assertThat(retention.purgeBodiesSentBefore(clock.instant().minusSeconds(3600))).isZero();
    assertThat(jdbc.queryForObject(body, String.class, key)).isNotEmpty();

    assertThat(retention.purgeBodiesSentBefore(clock.instant().plusSeconds(3600))).isEqualTo(1);
    assertThat(jdbc.queryForObject(body, String.class, key)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select recipient_email from notification_outbox where notification_key = ?",
                String.class,
                key))
        .isEqualTo("owen@council.example");
  }
}
