package org.learningloop.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.learningloop.audit.AuditBecameInadequate;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditNoLongerInadequate;
import org.learningloop.audit.AuditSummary;
import org.learningloop.audit.Grade;
import org.learningloop.directory.Directory;
import org.learningloop.notification.Notifications;
import org.learningloop.workflow.FollowUpProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The follow-up's world for Spring tests: audits are stubbed on a spy of the real audit register
 * ({@link AuditLookup}), support types come from the real catalogue, emails go to a mock {@link
 * Notifications} to verify, and the API is driven as the demo users. No demo audits (their
 * follow-ups would ask the stub for audits it does not know). Every subclass shares one application
 * context.
 */
@TestPropertySource(properties = "learning-loop.demo.data=false")
public abstract class FollowUpScenario {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @MockitoSpyBean protected AuditLookup audits;
  @MockitoBean protected Notifications notifications;

  @Autowired protected MockMvc mvc;
  @Autowired protected Directory directory;
  @Autowired protected ApplicationEventPublisher events;
  @Autowired protected TransactionTemplate transaction;
  @Autowired protected Clock clock;
  @Autowired protected ManagementService management;
  // the application's engine, not ProcessEngines' default: the bare-engine tests register one too
  // in the same JVM
  @Autowired protected RuntimeService runtime;

  protected static String newRef() {
    return "AUD-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
  }

  /** The API and the audit stubs, as the demo users drive them. */
  protected FollowUpApi api() {
    return new FollowUpApi(mvc, directory, audits, events, transaction);
  }

  /** An audit of the demo practitioner, three days old, as the audit register would describe it. */
  protected AuditSummary audit(String ref, Grade grade, String... factors) {
    return api().audit(ref, LocalDate.now(clock).minusDays(3), grade, factors);
  }

  /** As the audit register does: the event inside the transaction that recorded the grade. */
  protected long inadequateAudit(String ref, String... factors) throws Exception {
    return api().inadequateAudit(ref, LocalDate.now(clock).minusDays(3), factors);
  }

  /**
   * An audit of the demo practitioner dated tomorrow, as the register would describe it once that
   * day has come: the first day a follow-up closed today accepts as its effectiveness re-audit.
   */
  protected AuditSummary reAuditOf(String ref, Grade grade, String... factors) {
    return api().audit(ref, LocalDate.now(clock).plusDays(1), grade, factors);
  }

  /**
   * A follow-up of a new Inadequate audit taken through the API to its effectiveness re-audit: one
   * joint conversation held, closure proposed by the PI officer and signed off by the PI lead, and
   * the re-audit timer fired as the job executor would when it falls due.
   */
  protected long reAuditDue(String ref) throws Exception {
    long id = inadequateAudit(ref);
    String base = "/api/follow-ups/" + id;
    postAs("pi-officer", base + "/claim", "{\"jointConversation\":true}")
        .andExpect(status().isOk());
    holdConversation(base, api().conversation(base, "JOINT"));
    postAs("pi-officer", base + "/closure/propose", null).andExpect(status().isOk());
    postAs("pi-lead", base + "/closure/sign-off", null).andExpect(status().isOk());
    fireTimer(ref);
    return id;
  }

  /** Runs the one timer the follow-up's process waits on, as the job executor would. */
  protected void fireTimer(String ref) {
    List<Job> timers =
        management
            .createJobQuery()
            .timers()
            .processInstanceId(
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(ref)
                    .processDefinitionKey(FollowUpProcess.KEY)
                    .singleResult()
                    .getId())
            .list();
    assertThat(timers).hasSize(1);
    management.executeJob(timers.get(0).getId());
  }

  /** The demo moderator, who moves grades into and out of Inadequate. */
  protected static final String MODERATOR = "moderator@learningloop.example";

  /**
   * As the audit register does when the moderator changes a grade: the audit's new grade, and the
   * event inside the transaction that recorded it.
   */
  protected void moderatedTo(String ref, Grade grade, String rationale, String... factors) {
    audit(ref, grade, factors);
    Object event =
        grade == Grade.INADEQUATE
            ? new AuditBecameInadequate(ref, MODERATOR, rationale)
            : new AuditNoLongerInadequate(ref, grade, MODERATOR, rationale);
    transaction.executeWithoutResult(status -> events.publishEvent(event));
  }

  protected ResultActions as(String user, String method, String path, String json)
      throws Exception {
    return api().as(user, method, path, json);
  }

  protected ResultActions postAs(String user, String path, String json) throws Exception {
    return as(user, "POST", path, json);
  }

  protected ResultActions getAs(String user, String path) throws Exception {
    return as(user, "GET", path, null);
  }

  protected static <T> T read(ResultActions result, String path) throws Exception {
    return FollowUpApi.read(result, path);
  }

  /**
   * A time in the council's zone, an hour ago: the conversation has happened and its outcome can be
   * recorded.
   */
  protected String anHourAgo() {
    return LocalDateTime.now(clock).minusHours(1).withNano(0).toString();
  }

  /** Schedules a conversation an hour ago and records it as held, through the API. */
  protected void holdConversation(String base, int conversation) throws Exception {
    postAs(
            "pi-officer",
            base + "/conversations/" + conversation + "/schedule",
            schedule(anHourAgo()))
        .andExpect(status().isOk());
    postAs(
            "pi-officer",
            base + "/conversations/" + conversation + "/outcome",
            "{\"held\":true,\"notes\":\"Talked through the assessment\",\"learningPoints\":\"Use the child's words\"}")
        .andExpect(status().isOk());
  }

  /**
   * Offers individual coaching to the practitioner, due in {@code days}, which they accept and
   * complete; answers the item's id.
   */
  protected int completedCoaching(String base, int days) throws Exception {
    postAs(
            "pi-officer",
            base + "/support-items",
            "{\"type\":\"INDIVIDUAL_COACHING\",\"owner\":\"PRACTITIONER\",\"dueDate\":\""
                + LocalDate.now(clock).plusDays(days)
                + "\"}")
        .andExpect(status().isCreated());
    int item = ((List<Integer>) read(getAs("pi-officer", base), "$.supportItems[*].id")).get(0);
    postAs("practitioner", base + "/support-items/" + item + "/accept", null)
        .andExpect(status().isOk());
    postAs("practitioner", base + "/support-items/" + item + "/complete", null)
        .andExpect(status().isOk());
    return item;
  }

  protected String schedule(String when) {
    return "{\"startsAt\":\""
        + when
        + "\",\"durationMinutes\":60,\"location\":\"Room 2, County Hall\"}";
  }
}
