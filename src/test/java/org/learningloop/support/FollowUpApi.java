package org.learningloop.support;

import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.learningloop.audit.AuditBecameInadequate;
import org.learningloop.audit.AuditFacts;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditSummary;
import org.learningloop.audit.AuditType;
import org.learningloop.audit.Grade;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The follow-up API as the demo users drive it, and audits of the demo practitioner stubbed on a
 * spy of the real audit register ({@link AuditLookup}), for tests whose contexts differ (a mock
 * outbox, the real one, a moving clock) but whose steps are the same.
 */
public final class FollowUpApi {

  private final MockMvc mvc;
  private final Directory directory;
  private final AuditLookup audits;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;

  public FollowUpApi(
      MockMvc mvc,
      Directory directory,
      AuditLookup audits,
      ApplicationEventPublisher events,
      TransactionTemplate transaction) {
    this.mvc = mvc;
    this.directory = directory;
    this.audits = audits;
    this.events = events;
    this.transaction = transaction;
  }

  /**
   * An audit of the demo practitioner in the demo team, dated {@code date}, as the audit register
   * would describe it.
   */
  public AuditSummary audit(String ref, LocalDate date, Grade grade, String... factors) {
    Person practitioner = directory.findByUsername("practitioner").orElseThrow();
    Person teamManager = directory.findByUsername("team-manager").orElseThrow();
    Person auditor = directory.findByUsername("auditor").orElseThrow();
    AuditSummary audit =
        new AuditSummary(
            new AuditFacts(
                ref,
                date,
                AuditType.DEEP_DIVE,
                null,
                practitioner.serviceAreaId(),
                practitioner.teamId(),
                practitioner.id(),
                teamManager.id(),
                auditor.id()),
            grade,
            grade,
            false,
            Set.of(factors));
    doReturn(Optional.of(audit)).when(audits).findByRef(ref);
    return audit;
  }

  /**
   * An Inadequate audit, announced as the audit register does (the event inside the transaction
   * that recorded the grade); answers the id of the follow-up it started, found through the list's
   * {@code auditRef} filter.
   */
  public long inadequateAudit(String ref, LocalDate date, String... factors) throws Exception {
    audit(ref, date, Grade.INADEQUATE, factors);
    transaction.executeWithoutResult(status -> events.publishEvent(new AuditBecameInadequate(ref)));
    return followUpOf(ref);
  }

  /** The id of the audit's follow-up, found through the list's {@code auditRef} filter. */
  public long followUpOf(String ref) throws Exception {
    return ((Number) read(getAs("pi-lead", "/api/follow-ups?auditRef=" + ref), "$.content[0].id"))
        .longValue();
  }

  /** The id of the follow-up's first conversation with these attendees. */
  public int conversation(String base, String attendees) throws Exception {
    List<Integer> ids =
        read(
            getAs("pi-officer", base), "$.conversations[?(@.attendees == '" + attendees + "')].id");
    return ids.get(0);
  }

  public ResultActions as(String user, String method, String path, String json) throws Exception {
    return as(mvc, user, method, path, json);
  }

  /** A request (any method) of JSON as one of the demo users (password "demo"), asking for JSON. */
  public static ResultActions as(MockMvc mvc, String user, String method, String path, String json)
      throws Exception {
    var request =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
            org.springframework.http.HttpMethod.valueOf(method), path);
    request.with(httpBasic(user, "demo")).accept(MediaType.APPLICATION_JSON);
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request);
  }

  public ResultActions postAs(String user, String path, String json) throws Exception {
    return as(user, "POST", path, json);
  }

  public ResultActions getAs(String user, String path) throws Exception {
    return as(user, "GET", path, null);
  }

  public static <T> T read(ResultActions result, String path) throws Exception {
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
  }
}
