package org.learningloop.dipsample;

import java.time.Instant;
import java.util.Collection;
import org.learningloop.calendar.Deadlines;

/**
 * How a set of actions stands: how many were set (cancelled ones too), done (verified), done on
 * time (the owner's completion, as verified, by the end of the due date), open (the owner's part or
 * the verification) and overdue (open past its current due date: the owner's, or the
 * verification's).
 */
public record ActionFigures(long set, long done, long doneOnTime, long open, long overdue) {

  static ActionFigures of(Collection<Action> actions, Deadlines deadlines, Instant now) {
    long done = 0;
    long onTime = 0;
    long open = 0;
    long overdue = 0;
    for (Action a : actions) {
      if (a.getStatus() == ActionStatus.DONE) {
        done++;
        if (a.doneOnTime(deadlines.endOfDueDate(a.getDueDate()))) {
          onTime++;
        }
      } else if (a.getStatus().isOpen()) {
        open++;
        if (Actions.overdue(a, deadlines, now)) {
          overdue++;
        }
      }
    }
    return new ActionFigures(actions.size(), done, onTime, open, overdue);
  }

  /** Two sets of figures added together. */
  public ActionFigures plus(ActionFigures other) {
    return new ActionFigures(
        set + other.set,
        done + other.done,
        doneOnTime + other.doneOnTime,
        open + other.open,
        overdue + other.overdue);
  }

  public static ActionFigures none() {
    return new ActionFigures(0, 0, 0, 0, 0);
  }
}
