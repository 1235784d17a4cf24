package org.learningloop.common;

/**
 * Runs a burst of similar changes (the follow-ups an import opens) so that collaborators may write
 * them together: an implementation may hold back the writes the work makes through it until the
 * work returns, still inside the caller's transaction. The workflow module runs the work as one
 * process-engine command, so the processes it starts are written in one flush rather than one each.
 * Only for work whose steps do not read back, through such a collaborator, what earlier steps of
 * the same burst wrote through it.
 */
public interface Burst {

  /** Runs the work as it is: for a context without any collaborator that batches. */
  Burst NONE = Runnable::run;

  void run(Runnable work);
}
