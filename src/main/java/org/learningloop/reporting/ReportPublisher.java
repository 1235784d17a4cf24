package org.learningloop.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.learningloop.security.AccessScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee report from draft to published versions. A PI lead prepares the draft of a period;
 * the Assistant Director (the report's owner) writes the narrative and publishes. Publishing
 * renders the report from the data as it stands and stores an immutable, numbered snapshot: the
 * figures as JSON, the HTML and the PDF, each with its SHA-256. A correction is a new version with
 * a reason; earlier versions stay readable. Every Assistant Director and Service Manager is told
 * (notify-and-pull: a link, no figures) in the same transaction, through the outbox.
 */
@Service
class ReportPublisher {

  static final List<Role> AUDIENCE = List.of(Role.ASSISTANT_DIRECTOR, Role.SERVICE_MANAGER);

  private final CommitteeReportStore store;
  private final CommitteeReportRenderer renderer;
  private final CommitteeNarrativeProperties narrative;
  private final Directory directory;
  private final Notifications notifications;
  private final Clock clock;

  ReportPublisher(
      CommitteeReportStore store,
      CommitteeReportRenderer renderer,
      CommitteeNarrativeProperties narrative,
      Directory directory,
      Notifications notifications,
      Clock clock) {
    this.store = store;
    this.renderer = renderer;
    this.narrative = narrative;
    this.directory = directory;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * @throws ReportProblem (409) when the period has a draft already
   */
  @Transactional
  @PreAuthorize(ReportRoles.PREPARE)
  public CommitteeDraft prepare(ReportPeriod period, String username) {
    if (store.find(period).isPresent()) {
      throw ReportProblem.alreadyPrepared(period);
    }
    try {
      store.create(period, username, clock.instant());
    } catch (DuplicateKeyException e) {
      throw ReportProblem.alreadyPrepared(period);
    }
    return store.find(period).orElseThrow();
  }

  /**
   * Saves the narrative and cover details; a section not in the configuration is refused.
   *
   * @throws ReportProblem (409) without a draft, (400) naming each unknown section
   */
  @Transactional
  @PreAuthorize(ReportRoles.PUBLISH)
  public CommitteeDraft writeNarrative(
      ReportPeriod period, NarrativeCommand command, String username) {
    CommitteeDraft draft = store.lock(period).orElseThrow(() -> ReportProblem.notPrepared(period));
    Set<String> keys =
        narrative.sections().stream()
            .map(CommitteeNarrativeProperties.Section::key)
            .collect(Collectors.toSet());
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    command
        .sections()
        .forEach(
            (key, text) -> {
              if (!keys.contains(key)) {
                errors.add(new FieldError("sections." + key, "is not a section of the narrative"));
              } else if (text != null && !text.isBlank()) {
                texts.put(key, text.strip());
              }
            });
    String portfolio = command.portfolio() == null ? null : command.portfolio().strip();
    if (!errors.isEmpty()) {
      throw ReportProblem.invalidNarrative(errors);
    }
    store.saveNarrative(
        draft.id(),
        command.meetingDate(),
        portfolio == null || portfolio.isEmpty() ? null : portfolio,
        command.includedInForwardPlan(),
        texts,
        username,
        clock.instant());
    return store.find(period).orElseThrow();
  }

  /**
   * Publishes the next version of the period's report.
   *
   * @throws ReportProblem (409) without a draft, or when someone else published the same version
   *     meanwhile; (400) when a section has neither text nor a standard wording, or a version after
   *     the first has no reason
   */
  @Transactional
  @PreAuthorize(ReportRoles.PUBLISH)
  public Publication publish(ReportPeriod period, PublishCommand command, String username) {
    // No lock while rendering (a PDF can take seconds): the unique key (report, version) turns away
    // a second publication of the same number, made at the same time, with a conflict.
    CommitteeDraft draft = store.find(period).orElseThrow(() -> ReportProblem.notPrepared(period));
    int version = store.latestVersion(draft.id()) + 1;
    String reason = command.reason() == null ? null : command.reason().strip();
    if (version > 1 && (reason == null || reason.isEmpty())) {
      throw ReportProblem.reasonRequired(version);
    }
    Instant now = clock.instant();
    CommitteeDocument.Stamp stamp =
        new CommitteeDocument.Stamp(
            version,
            version == 1 ? null : reason,
            username,
            Publication.of(period, version, null, username, now, null, null, null, null)
                .publishedAtText());
    // The committee's report: every service area, small numbers suppressed.
    CommitteeDocument document =
        renderer.document(period, draft, stamp, new AccessScope.All(), true);
    List<FieldError> missing =
        document.missing().stream()
            .map(e -> new FieldError("sections." + e.key(), e.heading() + " is not written"))
            .toList();
    if (!missing.isEmpty()) {
      throw ReportProblem.narrativeIncomplete(missing);
    }
    CommitteeReportStore.Snapshot snapshot =
        new CommitteeReportStore.Snapshot(
            renderer.figuresJson(document),
            renderer
                .html(document, CommitteeReportRenderer.Mode.SNAPSHOT)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            renderer.pdf(document));
    try {
      store.insertVersion(draft.id(), version, stamp.reason(), username, now, snapshot);
    } catch (DuplicateKeyException e) {
      throw ReportProblem.publishedMeanwhile(period, version);
    }
    tellTheAudience(period, version);
    return store.version(period, version).orElseThrow();
  }

  private void tellTheAudience(ReportPeriod period, int version) {
    Map<Long, Person> audience = new LinkedHashMap<>();
    AUDIENCE.forEach(
        role -> directory.withRole(role).forEach(p -> audience.putIfAbsent(p.id(), p)));
    String link = "/reports/committee/version?" + period.query() + "&version=" + version;
    String key = "report:" + period.from() + ":" + period.to() + ":published:";
    String suffix = version == 1 ? "" : ":v" + version;
    for (Person person : audience.values()) {
      notifications.enqueue(
          new Notification(
              key + person.username() + suffix,
              person.email(),
              person.displayName(),
              Template.REPORT_PUBLISHED,
              null,
              null,
              link,
              Map.of(
                  Template.Detail.FROM_MONTH,
                  period.from().toString(),
                  Template.Detail.TO_MONTH,
                  period.to().toString()),
              null));
    }
  }

  @Transactional(readOnly = true)
  public Optional<CommitteeDraft> draft(ReportPeriod period) {
    return store.find(period);
  }

  /** The period's published versions, first first. */
  @Transactional(readOnly = true)
  public List<Publication> versions(ReportPeriod period) {
    return store.find(period).map(d -> store.versions(d.id())).orElse(List.of());
  }

  @Transactional(readOnly = true)
  public Publication version(ReportPeriod period, int version) {
    return store
        .version(period, version)
        .orElseThrow(() -> ReportProblem.versionNotFound(period, version));
  }

  @Transactional(readOnly = true)
  public CommitteeReportStore.Snapshot snapshot(ReportPeriod period, int version) {
    return store
        .snapshot(period, version)
        .orElseThrow(() -> ReportProblem.versionNotFound(period, version));
  }

  /** Published versions, most recent first (at most 50). */
  @Transactional(readOnly = true)
  public List<Publication> recent() {
    return store.recent(50);
  }
}
