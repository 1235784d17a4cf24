package org.learningloop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.support.OnMariaDb;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox on MariaDB through Connector/J, as several app nodes use it: two senders over one
 * outbox, a duplicate key queued by two transactions at once, an SMTP outage seen by both nodes.
 * Each message reaches the server once.
 */
@OnMariaDb
class OutboxConcurrencyIT extends OutboxFixture {

  @Autowired SenderProperties configured;

  ExecutorService nodes;

  @BeforeEach
  void startTwoNodes() {
    nodes = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stopTheNodes() {
    nodes.shutdownNow();
  }

  /** Work done in a transaction of its own on one of the nodes' threads. */
  private Future<?> inATransactionOnANode(Runnable work) {
    return nodes.submit(() -> transaction.executeWithoutResult(status -> work.run()));
  }

  OutboxSender node(String name, TestSmtp.MovableClock clock) {
    return new OutboxSender(outbox, smtp.client(), configured, clock, name);
  }

  OutboxSender node(String name) {
    return sender(name, 5);
  }

  static Notification allocated(String key, String email) {
    return new Notification(
        key,
        email,
        null,
        Template.FOLLOW_UP_ALLOCATED,
        "AUD-IT-1",
        null,
        "/follow-ups/1",
        Map.of(),
        null);
  }

  void enqueue(int count) {
    transaction.executeWithoutResult(
        status ->
            IntStream.range(0, count)
                .forEach(
                    i ->
                        notifications.enqueue(
                            allocated("it:" + i, "officer" + i + "@council.example"))));
  }

  /**
   * Both nodes poll at the same moment, each until nothing is left for it; returns what each
   * delivered.
   */
  List<Integer> bothNodesPoll(OutboxSender a, OutboxSender b) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> runs = new ArrayList<>();
    for (OutboxSender node : List.of(a, b)) {
      Callable<Integer> run =
          () -> {
            start.await();
            int delivered = 0;
            while (!outbox.due(clock.instant(), 1).isEmpty()) {
              delivered += node.sendDue();
            }
            return delivered;
          };
      runs.add(nodes.submit(run));
    }
    start.countDown();
    List<Integer> delivered = new ArrayList<>();
    for (Future<Integer> run : runs) {
      delivered.add(run.get(60, TimeUnit.SECONDS));
    }
    return delivered;
  }

  static List<String> messageIds(MimeMessage[] messages) {
    return Arrays.stream(messages)
        .map(
            m -> {
              try {
                return m.getMessageID();
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void twoNodesOverOneOutboxDeliverEachMessageExactlyOnce() throws Exception {
    smtp.server.start();
    enqueue(40);

    List<Integer> delivered = bothNodesPoll(node("node-a"), node("node-b"));

    assertThat(delivered.get(0) + delivered.get(1)).isEqualTo(40);
    MimeMessage[] received = smtp.server.getReceivedMessages();
    assertThat(received).hasSize(40);
    assertThat(messageIds(received)).doesNotHaveDuplicates();
    assertThat(jdbc.queryForList("select status from notification_outbox", String.class))
        .hasSize(40)
        .containsOnly("SENT");
  }

  @Test
  void anOutageSeenByTwoNodesStillEndsWithEachMessageDeliveredOnce() throws Exception {
    enqueue(10);
    OutboxSender a = node("node-a");
    OutboxSender b = node("node-b");

    assertThat(bothNodesPoll(a, b)).containsOnly(0);
    assertThat(jdbc.queryForList("select attempts from notification_outbox", Integer.class))
        .as("one attempt per message, whichever node made it")
        .hasSize(10)
        .containsOnly(1);

    smtp.server.start();
    clock.advance(Duration.ofSeconds(31));
    List<Integer> delivered = bothNodesPoll(a, b);

    assertThat(delivered.get(0) + delivered.get(1)).isEqualTo(10);
    assertThat(smtp.server.getReceivedMessages()).hasSize(10);
    assertThat(messageIds(smtp.server.getReceivedMessages())).doesNotHaveDuplicates();
  }

  @Test
  void oneKeyQueuedByTwoTransactionsAtOnceIsKeptOnceAndBothTransactionsCommit() throws Exception {
    CountDownLatch firstQueued = new CountDownLatch(1);
    CountDownLatch firstMayCommit = new CountDownLatch(1);
    Future<?> first =
        inATransactionOnANode(
            () -> {
              notifications.enqueue(allocated("race", "first@council.example"));
              firstQueued.countDown();
              awaitLatch(firstMayCommit);
            });
    assertThat(firstQueued.await(30, TimeUnit.SECONDS)).isTrue();

    // The second transaction does not see the first's uncommitted row, so its insert waits on the
    // unique key...
    Future<?> second =
        inATransactionOnANode(
            () -> {
              notifications.enqueue(allocated("race", "second@council.example"));
              notifications.enqueue(allocated("race:after", "second@council.example"));
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from information_schema.innodb_trx t join information_schema.processlist p"
                            + " on p.id = t.trx_mysql_thread_id where t.trx_state = 'LOCK WAIT' and p.db = database()",
                        Integer.class)
                    > 0);
    // ...and is refused once the first commits: the savepoint absorbs it, the second transaction
    // carries on.
    firstMayCommit.countDown();
    first.get(30, TimeUnit.SECONDS);
    second.get(30, TimeUnit.SECONDS);

    assertThat(
            jdbc.queryForList(
                "select recipient_email from notification_outbox where notification_key = 'race'",
                String.class))
        .containsExactly("first@council.example");
    assertThat(outbox.contains("race:after")).isTrue();
  }

  @Test
  void aLiveClaimIsKeptByTheDatabasesClockWhateverANodesClockSays() {
    smtp.server.start();
    enqueue(1);
    long id = outbox.findByKey("it:0").orElseThrow().id();
    assertThat(outbox.claim(id, "node-a:1", clock.instant(), Duration.ofMinutes(2))).isPresent();

    // Node B's clock runs three hours ahead of node A's: by its own clock A's claim ran out long
    // ago.
    TestSmtp.MovableClock ahead = new TestSmtp.MovableClock();
    ahead.advance(Duration.ofHours(3));
    assertThat(node("node-b", ahead).sendDue()).isZero();
    assertThat(outbox.claim(id, "node-b:1", ahead.instant(), Duration.ofMinutes(2))).isEmpty();
    assertThat(smtp.server.getReceivedMessages()).isEmpty();
  }

  @Test
  void aMailServerThatTakesTheConnectionAndNeverAnswersCostsOneTimeoutAndTheMessageWaits()
      throws Exception {
    enqueue(1);
    try (TestSmtp.Silent silent = new TestSmtp.Silent()) {
      OutboxSender hung =
          new OutboxSender(
              outbox, TestSmtp.client(silent.port(), 1500), configured, clock, "node-a");
      long started = System.nanoTime();
      assertThat(hung.sendDue()).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
      assertThat(silent.connections()).isEqualTo(1);
    }
    OutboxMessage waiting = outbox.findByKey("it:0").orElseThrow();
    assertThat(waiting.status()).isEqualTo(OutboxMessage.Status.PENDING);
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.claimedBy()).isNull();
    assertThat(waiting.lastError()).containsIgnoringCase("timed out");

    smtp.server.start();
    clock.advance(configured.backoffAfter(1).plusSeconds(1));
    assertThat(node("node-a").sendDue()).isEqualTo(1);
    assertThat(smtp.server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void theMailServerDownForAnHourLosesAndDoublesNothingWithTheConfiguredRetries() throws Exception {
    enqueue(12);
    OutboxSender a = node("node-a", clock);
    OutboxSender b = node("node-b", clock);

    // Both nodes poll every minute of a simulated hour while the server is down.
    for (int minute = 0; minute < 60; minute++) {
      assertThat(bothNodesPoll(a, b)).containsOnly(0);
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(jdbc.queryForList("select status from notification_outbox", String.class))
        .as("still waiting after an hour, none given up")
        .hasSize(12)
        .containsOnly("PENDING");

    smtp.server.start();
    for (int minute = 0;
        minute < 90 && !outbox.due(clock.instant().plus(Duration.ofDays(1)), 1).isEmpty();
        minute++) {
      bothNodesPoll(a, b);
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(jdbc.queryForList("select status from notification_outbox", String.class))
        .hasSize(12)
        .containsOnly("SENT");
    assertThat(messageIds(smtp.server.getReceivedMessages())).hasSize(12).doesNotHaveDuplicates();
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
