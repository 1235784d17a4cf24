package org.learningloop.dipsample;

import java.time.Instant;

/**
 * The port through which an action drives its own small process; the workflow module implements it
 * on the process engine. Every call joins the caller's transaction; a call the process is not ready
 * for fails with an {@link ActionProblem} conflict, so the domain change rolls back with it.
 */
public interface ActionEngine {

  /**
   * What the process needs: ids, usernames and due moments only.
   *
   * @param sourceRef the dip sample's or audit's ref: the business key, as task lists show it
   * @param ownerUsername who records what was done
   * @param due when the owner's part is due
   * @param setterUsername who verifies (a PI lead may too)
   */
  record Start(
      long actionId, String sourceRef, String ownerUsername, Instant due, String setterUsername) {}

  void start(Start start);

  /** The owner recorded what was done; the verification is due at {@code verificationDue}. */
  void completed(long actionId, Instant verificationDue);

  /** The setter or a PI lead verified it ({@code true}) or sent it back ({@code false}). */
  void verified(long actionId, boolean verified);

  void cancelled(long actionId);
}
