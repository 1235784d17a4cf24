package org.learningloop.audit;

import java.time.Instant;

/**
 * The port through which a moderation request drives its own small process (a task for the
 * moderators' group); the workflow module implements it on the process engine. Every call joins the
 * caller's transaction, so the queue and the process commit or roll back together.
 */
public interface ModerationEngine {

  /**
   * @param auditRef the business key, as task lists show it
   * @param due when the moderation is due
   * @param challenge whether a practitioner or Team Manager asked for it (then they are told the
   *     outcome)
   */
  record Start(long requestId, String auditRef, Instant due, boolean challenge) {}

  void start(Start start);

  /** A moderation of the audit settled the request: its task is done. */
  void settled(long requestId);
}
