package org.learningloop.reporting;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes the committee report of a period, once: records who and when, and tells every Assistant
 * Director and Service Manager (notify-and-pull: a link to the report, no figures) in the same
 * transaction, through the outbox.
 */
@Service
class ReportPublisher {

  static final List<Role> AUDIENCE = List.of(Role.ASSISTANT_DIRECTOR, Role.SERVICE_MANAGER);

  private final ReportPublicationRepository publications;
  private final Directory directory;
  private final Notifications notifications;
  private final Clock clock;

  ReportPublisher(
      ReportPublicationRepository publications,
      Directory directory,
      Notifications notifications,
      Clock clock) {
    this.publications = publications;
    this.directory = directory;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * @throws ReportProblem (409) when that period's report was already published
   */
  @Transactional
  @PreAuthorize(ReportRoles.PUBLISH)
  public Publication publish(ReportPeriod period, String username) {
    if (find(period).isPresent()) {
      throw ReportProblem.alreadyPublished(period);
    }
    // saveAndFlush: a simultaneous publication of the same period fails here, on the unique key,
    // before anyone is told.
    ReportPublication publication =
        publications.saveAndFlush(new ReportPublication(period, username, clock.instant()));
    Map<Long, Person> audience = new LinkedHashMap<>();
    AUDIENCE.forEach(
        role -> directory.withRole(role).forEach(p -> audience.putIfAbsent(p.id(), p)));
    String link = "/reports/committee?" + period.query();
    for (Person person : audience.values()) {
      notifications.enqueue(
          new Notification(
              "report:" + period.from() + ":" + period.to() + ":published:" + person.username(),
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
    return Publication.of(publication);
  }

  @Transactional(readOnly = true)
  public Optional<Publication> find(ReportPeriod period) {
    return publications
        .findByPeriodFromAndPeriodTo(period.from().atDay(1), period.to().atEndOfMonth())
        .map(Publication::of);
  }

  @Transactional(readOnly = true)
  public List<Publication> recent() {
    return publications.findTop50ByOrderByPublishedAtDesc().stream().map(Publication::of).toList();
  }
}
