package org.learningloop.bench;

/**
 * One follow-up from start to sign-off, step by step: the same sixteen business steps in our
 * services and in the bare engine. Each step is timed as part of the whole and its statements are
 * counted; whatever a lifecycle does between steps (looking up ids to act on) is not.
 */
interface Lifecycle {

  /** The business steps of one lifecycle, in order. */
  int STEPS = 16;

  /** Runs one whole lifecycle for {@code key}, each business step inside {@code steps}. */
  void run(String key, Steps steps);

  /** Runs one business step, counting its statements. */
  interface Steps {
    void step(Runnable step);
  }
}
