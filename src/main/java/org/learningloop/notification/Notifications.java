package org.learningloop.notification;

/** What other modules may ask of email. */
public interface Notifications {

  /**
   * Queues an email in the caller's transaction (the outbox): it leaves only if that transaction
   * commits, and a notification whose key was queued before is ignored.
   */
  void enqueue(Notification notification);
}
