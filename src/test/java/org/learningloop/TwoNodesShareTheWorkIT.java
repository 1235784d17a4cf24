package org.learningloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learningloop.support.AppNode;
import org.learningloop.support.DemoHttp;
import org.learningloop.support.MariaDb;
import org.learningloop.support.SmtpRelay;

/**
 * Two nodes, two JVM processes of the packaged jar on one MariaDB schema, each running the job
 * executor, the outbox sender and the reminder sweep, each sending to a real SMTP server
 * (GreenMail) through a relay of its own. Their clocks are moved together through weeks of
 * reminders, escalations and safeguarding timers: every email arrives exactly once, counted by
 * Message-ID. Then one node is killed ({@code kill -9}) while it holds timer jobs (blocked
 * half-way) and an outbox claim (its mail server hanging): the other node finishes that work once
 * the job locks and the claim run out, and still every email arrives once.
 */
class TwoNodesShareTheWorkIT {

  private static final String HEADER =
      "audit_ref,audit_date,audit_type,theme,service_area,team,practitioner_email,practitioner_name,"
          + "team_manager_email,team_manager_name,child_ref,auditor_email,grade,moderator_email,"
          + "moderation_date,moderated_grade,moderation_rationale,factors,notes\n";

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final List<AppNode> nodes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private String schemaUrl;
  private GreenMail smtp;
  private SmtpRelay relayA;
  private SmtpRelay relayB;
  private Duration offset = Duration.ZERO;

  @AfterEach
  void stopEverything() throws Exception {
    for (AppNode node : nodes) {
      node.stop();
    }
    for (SmtpRelay relay : new SmtpRelay[] {relayA, relayB}) {
      if (relay != null) {
        relay.close();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (schemaUrl != null) {
      AppNode.dropSchema(schemaUrl);
    }
  }

  @Test
  void everyEmailArrivesOnceAndAKilledNodesWorkIsFinishedByTheOther() throws Exception {
    schemaUrl = AppNode.schemaUrl("two_nodes_work");
    int smtpPort = AppNode.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    relayA = new SmtpRelay(smtpPort);
    relayB = new SmtpRelay(smtpPort);
    AppNode a = node("a", relayA);
    AppNode b = node("b", relayB);
    // Two nodes under libfaketime starting side by side on two cores took from 6 to 19 minutes.
    AppNode.awaitReady(nodes, Duration.ofMinutes(35));

    // Weeks of work shared by two nodes, their clocks moved together (to 10:00 in London on each
    // day, so that the run means the same whatever the time of day it starts).
    importAudits(a, "TWO-1-", 6, 2);
    settle("after the import");
    for (int day : new int[] {2, 5, 9, 16}) {
      moveClocks(day, 10, a, b);
      settle("on day " + day);
    }
    List<String> templates = sentTemplates();
    assertThat(templates)
        .as("the import's, the reminders', the ladder's and the safeguarding timers' emails")
        .contains(
            "FOLLOW_UP_CREATED",
            "SAFEGUARDING_CHECK_REQUESTED",
            "REMINDER_DIGEST",
            "ESCALATION_BUNDLE",
            "ESCALATION");
    assertEveryEmailArrivedOnce();

    // Three new safety checks, due at the end of the next working day; then node A alone moves on.
    importAudits(b, "TWO-2-", 3, 3);
    settle("after the second import");
    relayA.hang();
    // The next morning (before the checks are due) A's sweep queues the day's digests, and A's
    // sender takes one and waits on its hanging mail server.
    moveClocks(17, 9, a);
    await("node A holds an outbox claim")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> claimsOf(a) > 0);
    try (Connection blocker = connect()) {
      // Hold the new follow-ups' rows: A's safeguarding timers, due by now, stop half-way inside
      // their jobs.
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.executeQuery("select id from follow_up where audit_ref like 'TWO-2-%' for update")
            .close();
      }
      moveClocks(22, 10, a);
      await("node A holds timer jobs, stopped half-way, and an outbox claim")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> lockedTimers() >= 3 && waitingTransactions() > 0 && claimsOf(a) > 0);
      a.kill();
      nodes.remove(a);
      blocker.rollback();
    }
    assertThat(relayA.hung()).isPositive();
    moveClocks(22, 10, b);
    settle("after node A was killed");

    assertThat(count("select count(*) from ACT_RU_INCIDENT")).as("no incidents").isZero();
    // By the time node B ran the three checks' timers, the Service Manager's own deadline had
    // passed
    // as well: each rung of each check told its manager once.
    assertThat(
            count(
                "select count(*) from notification_outbox where template = 'ESCALATION'"
                    + " and audit_ref like 'TWO-2-%'"))
        .as(
            "each of the three safety checks escalated to the Service Manager and then the"
                + " Assistant Director, each once")
        .isEqualTo(6);
    assertThat(
            count(
                "select count(distinct audit_ref, recipient_email) from notification_outbox"
                    + " where template = 'ESCALATION' and audit_ref like 'TWO-2-%'"))
        .isEqualTo(6);
    assertEveryEmailArrivedOnce();
  }

  private AppNode node(String name, SmtpRelay relay) {
    AppNode node =
        AppNode.start(
            name,
            schemaUrl,
            true,
            List.of(
                "--learning-loop.demo.users=true",
                "--learning-loop.demo.allow-external-database=true",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + relay.port(),
                "--spring.mail.properties.mail.smtp.connectiontimeout=5000",
                "--spring.mail.properties.mail.smtp.timeout=15000",
                "--learning-loop.mail.sender.poll-interval=1s",
                "--learning-loop.mail.sender.claim-duration=20s",
                "--learning-loop.reminders.sweep-interval=2s",
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                "--camunda.bpm.job-execution.max-wait=2000"));
    nodes.add(node);
    return node;
  }

  /** Moves the nodes' clocks to {@code hour}:00 in London, {@code day} days from today. */
  private void moveClocks(int day, int hour, AppNode... moved) {
    Instant target = LocalDate.now(LONDON).plusDays(day).atTime(hour, 0).atZone(LONDON).toInstant();
    offset = Duration.between(Instant.now(), target);
    for (AppNode node : moved) {
      node.clock("+" + offset.toSeconds() + "s");
    }
  }

  /** Imports {@code inadequate} Inadequate audits, the first {@code harm} with a safety check. */
  private void importAudits(AppNode node, String prefix, int inadequate, int harm)
      throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    LocalDate date = LocalDate.ofInstant(Instant.now().plus(offset), LONDON).minusDays(1);
    for (int i = 1; i <= inadequate + 2; i++) {
      boolean bad = i <= inadequate;
      csv.append(prefix)
          .append(i)
          .append(',')
          .append(date)
          .append(
              ",DEEP_DIVE,,Help and Protect,Help and Protect Team 1,practitioner@learningloop.example,,"
                  + "team-manager@learningloop.example,,C-")
          .append(prefix)
          .append(i)
          .append(",auditor@learningloop.example,")
          .append(bad ? "INADEQUATE" : "GOOD")
          .append(",,,,,")
          .append(!bad ? "" : i <= harm ? "SIGNIFICANT_HARM_RISK" : "ASSESSMENT_QUALITY")
          .append(",\n");
    }
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(node.base() + "/api/audits/import"))
                .header("Authorization", DemoHttp.basic("auditor"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  /**
   * Waits until the nodes are done with everything due: no timer job due by their clock, every
   * email sent and received, and nothing new for several sweeps.
   */
  private void settle(String when) {
    AtomicLong lastTotal = new AtomicLong(-1);
    AtomicInteger quiet = new AtomicInteger();
    await(when)
        .atMost(Duration.ofMinutes(3))
        .pollDelay(Duration.ofSeconds(3))
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () -> {
              assertThat(count("select count(*) from notification_outbox where status = 'FAILED'"))
                  .as("failed emails %s", when)
                  .isZero();
              long total = count("select count(*) from notification_outbox");
              boolean done =
                  dueTimers() == 0
                      && count("select count(*) from notification_outbox where status <> 'SENT'")
                          == 0
                      && smtp.getReceivedMessages().length == total;
              if (done && total == lastTotal.get()) {
                return quiet.incrementAndGet() >= 3;
              }
              lastTotal.set(total);
              quiet.set(0);
              return false;
            });
  }

  private void assertEveryEmailArrivedOnce() throws Exception {
    List<String> received = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      received.add(messageId(message));
    }
    assertThat(received).as("Message-IDs received").doesNotHaveDuplicates();
    List<String> sent = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("select message_id from notification_outbox where status = 'SENT'")) {
      while (r.next()) {
        sent.add(r.getString(1));
      }
    }
    assertThat(received)
        .as("each email sent arrived once")
        .containsExactlyInAnyOrderElementsOf(sent);
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> sentTemplates() throws Exception {
    List<String> templates = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select distinct template from notification_outbox")) {
      while (r.next()) {
        templates.add(r.getString(1));
      }
    }
    return templates;
  }

  /** Timer jobs due by the nodes' clock and not yet run. */
  private long dueTimers() throws Exception {
    Instant now = Instant.now().plus(offset);
    long due = 0;
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select DUEDATE_ from ACT_RU_JOB where RETRIES_ > 0")) {
      while (r.next()) {
        Timestamp at = r.getTimestamp(1);
        if (at == null || !at.toInstant().isAfter(now)) {
          due++;
        }
      }
    }
    return due;
  }

  private long lockedTimers() throws Exception {
    return count("select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null");
  }

  private long waitingTransactions() throws Exception {
    return count(
        "select count(*) from information_schema.innodb_trx t join information_schema.processlist p"
            + " on p.id = t.trx_mysql_thread_id where t.trx_state = 'LOCK WAIT' and p.db = database()");
  }

  private long claimsOf(AppNode node) throws Exception {
    return count(
        "select count(*) from notification_outbox where status = 'PENDING' and claimed_by like '"
            + node.pid()
            + "@%'");
  }

  private long count(String sql) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(schemaUrl, MariaDb.username(), MariaDb.password());
  }
}
