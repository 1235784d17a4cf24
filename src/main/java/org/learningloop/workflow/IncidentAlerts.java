package org.learningloop.workflow;

import java.util.List;
import java.util.Map;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells every administrator, by email, of each new incident: once per incident and person, however
 * many nodes look (the outbox keeps one email per key). Looks every few minutes ({@code
 * learning-loop.workflow.incident-check}).
 */
@Component
class IncidentAlerts {

  /** How many open incidents one look reads: enough for any real morning. */
  static final int LOOK_AT_MOST = 200;

  private static final Logger log = LoggerFactory.getLogger(IncidentAlerts.class);

  private final EngineIncidents incidents;
  private final Directory directory;
  private final Notifications notifications;
  private final TransactionTemplate transaction;

  IncidentAlerts(
      EngineIncidents incidents,
      Directory directory,
      Notifications notifications,
      TransactionTemplate transaction) {
    this.incidents = incidents;
    this.directory = directory;
    this.notifications = notifications;
    this.transaction = transaction;
  }

  @Scheduled(
      initialDelayString = "${learning-loop.workflow.incident-check:PT5M}",
      fixedDelayString = "${learning-loop.workflow.incident-check:PT5M}")
  void look() {
    List<EngineIncidents.OpenIncident> open = incidents.open(LOOK_AT_MOST);
    if (open.isEmpty()) {
      return;
    }
    List<Person> administrators = directory.withRole(Role.ADMIN);
    transaction.executeWithoutResult(
        status -> {
          for (EngineIncidents.OpenIncident incident : open) {
            for (Person admin : administrators) {
              notifications.enqueue(
                  new Notification(
                      "incident:" + incident.id() + ":" + admin.username(),
                      admin.email(),
                      admin.displayName(),
                      Template.JOB_INCIDENT,
                      null,
                      null,
                      "/admin/incidents",
                      Map.of(),
                      null));
            }
          }
        });
    log.info("{} open incident(s); administrators told of each once", open.size());
  }
}
