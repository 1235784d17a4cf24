package org.learningloop.dipsample;

import java.util.Map;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emails of an action's process, called by its service tasks: the owner is told when the action
 * is set and again each time it is sent back; the setter when evidence waits for them.
 * Notify-and-pull: the ref, what is asked, by when and a link, never the description or evidence.
 * Each is keyed by the action and how often it was sent back, so a retry never sends it twice.
 */
@Service
@Transactional
public class ActionNotices {

  private final ActionRepository actions;
  private final Directory directory;
  private final Notifications notifications;

  ActionNotices(ActionRepository actions, Directory directory, Notifications notifications) {
    this.actions = actions;
    this.directory = directory;
    this.notifications = notifications;
  }

  /** Tells whoever acts for the owner what is asked: set, or sent back. */
  public void tellOwner(long actionId) {
    Action a = actions.findById(actionId).orElseThrow(() -> ActionProblem.notFound(actionId));
    boolean sentBack = a.getSentBackCount() > 0;
    tell(
        a,
        a.getOwnerUsername(),
        sentBack ? Template.ACTION_SENT_BACK : Template.ACTION_SET,
        "action:" + actionId + ":owner:" + a.getSentBackCount(),
        a.getDueDate());
  }

  /** Tells the setter that evidence waits for their verification. */
  public void tellVerifier(long actionId) {
    Action a = actions.findById(actionId).orElseThrow(() -> ActionProblem.notFound(actionId));
    tell(
        a,
        a.getSetBy(),
        Template.ACTION_COMPLETED,
        "action:" + actionId + ":completed:" + a.getSentBackCount(),
        a.getVerificationDue());
  }

  private void tell(
      Action a, String username, Template template, String key, java.time.LocalDate due) {
    directory
        .findByUsername(username)
        .filter(Person::enabled)
        .ifPresent(
            to ->
                notifications.enqueue(
                    new Notification(
                        key,
                        to.email(),
                        to.displayName(),
                        template,
                        a.getSourceRef(),
                        due,
                        "/actions/" + a.getId(),
                        Map.of(Template.Detail.OWNER_TYPE, a.getOwnerType().name()),
                        null)));
  }
}
