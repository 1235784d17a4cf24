package org.learningloop.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox drained by several nodes at once, for the county-scale benchmark ({@code
 * org.learningloop.bench}): N due notifications written by bulk SQL, then as many {@link
 * OutboxSender}s as nodes (each with its own name, as on separate machines) send until nothing is
 * due, to a mail server that only counts what it gets by Message-ID.
 */
public final class OutboxDrainBenchmark {

  /** What a drain did: messages delivered, in how long, and how many a second time. */
  public record Drained(int delivered, long millis, int duplicates) {}

  private OutboxDrainBenchmark() {}

  /** Writes {@code n} pending notifications, due now, by multi-row inserts. */
  public static void seed(JdbcTemplate jdbc, String prefix, int n, Instant now) {
    Timestamp at = Timestamp.from(now.minusSeconds(60));
    List<Object[]> rows = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      rows.add(
          new Object[] {
            prefix + ":" + i,
            "<" + prefix + "." + i + "@learningloop.example>",
            "p" + (1 + i % 400) + "@bench.example",
            "Reminder " + i,
            "You have tasks due soon: " + i,
            "<p>You have tasks due soon: " + i + "</p>",
            at,
            at
          });
    }
    jdbc.batchUpdate(
        "insert into notification_outbox (notification_key, message_id, template, from_address,"
            + " recipient_email, recipient_name, subject, text_body, html_body, status, attempts,"
            + " next_attempt_at, created_at) values (?, ?, 'REMINDER_DIGEST',"
            + " 'learning-loop@council.example', ?, 'Bench person', ?, ?, ?, 'PENDING', 0, ?, ?)",
        rows);
  }

  /** Sends every due message with {@code nodes} senders running side by side. */
  public static Drained drain(ApplicationContext app, int nodes) throws Exception {
    Outbox outbox = app.getBean(Outbox.class);
    SenderProperties properties = app.getBean(SenderProperties.class);
    Clock clock = app.getBean(Clock.class);
    Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    CountingServer server = new CountingServer(received);
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    long start = System.nanoTime();
    try {
      List<Future<Integer>> senders = new ArrayList<>();
      for (int node = 1; node <= nodes; node++) {
        OutboxSender sender =
            new OutboxSender(outbox, server, properties, clock, "bench-node-" + node);
        senders.add(
            pool.submit(
                () -> {
                  int sent = 0;
                  for (int batch = sender.sendDue(); batch > 0; batch = sender.sendDue()) {
                    sent += batch;
                  }
                  return sent;
                }));
      }
      int delivered = 0;
      for (Future<Integer> sender : senders) {
        delivered += sender.get();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      int duplicates = received.values().stream().mapToInt(count -> count.get() - 1).sum();
      return new Drained(delivered, millis, duplicates);
    } finally {
      pool.shutdown();
    }
  }

  /** A mail server that takes everything and counts each Message-ID it is given. */
  private static final class CountingServer extends JavaMailSenderImpl {
    private final Map<String, AtomicInteger> received;

    CountingServer(Map<String, AtomicInteger> received) {
      this.received = received;
    }

    @Override
    public void send(MimeMessage... messages) {
      for (MimeMessage message : messages) {
        try {
          received
              .computeIfAbsent(message.getMessageID(), id -> new AtomicInteger())
              .incrementAndGet();
        } catch (MessagingException e) {
          throw new MailSendException("no Message-ID", e);
        }
      }
    }
  }
}
