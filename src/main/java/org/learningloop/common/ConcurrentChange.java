package org.learningloop.common;

import java.util.List;

/**
 * Two people took the same step at the same moment (or one step raced a timer), and the other one
 * was first: this one changed nothing. A 409 problem on the API, a message on the page.
 */
public class ConcurrentChange extends DomainException {

  public ConcurrentChange() {
    super(
        Kind.CONFLICT,
        "concurrent-change",
        "Changed by someone else",
        "Someone else changed this at the same moment, and their change came first. Nothing was"
            + " changed by this request: reload to see what they did, then try again if it still"
            + " needs doing.",
        List.of());
  }
}
