package org.learningloop.followup;

import java.time.Instant;
import java.time.LocalDate;
import org.learningloop.calendar.DeadlineProperties;
import org.learningloop.calendar.Deadlines;
import org.springframework.stereotype.Service;

/**
 * When each stage of a follow-up falls due, from its target in working days ({@link
 * FollowUpStage#target}) and what it counts from. The working-day rules themselves (due moments,
 * overdue, due soon, the ladder) are {@link Deadlines}', which actions reuse.
 */
@Service
public class StageDeadlines {

  private final Deadlines deadlines;
  private final DeadlineProperties properties;

  StageDeadlines(Deadlines deadlines, DeadlineProperties properties) {
    this.deadlines = deadlines;
    this.properties = properties;
  }

  /** The stage's target in working days; fails for a stage without one. */
  public int target(FollowUpStage stage) {
    return stage
        .target(properties)
        .orElseThrow(() -> new IllegalArgumentException(stage + " has no target of its own"));
  }

  /**
   * When a stage falls due: the end of the working day {@link #target} working days after {@code
   * countedFrom}, the moment the follow-up was opened or allocated. A follow-up opened on Friday 22
   * December 2023 at 10:00 must be allocated by Thursday 28 December, 17:00.
   */
  public Instant due(FollowUpStage stage, Instant countedFrom) {
    return deadlines.after(target(stage), countedFrom);
  }

  /** The day a stage falls due (see {@link #due}). */
  public LocalDate dueDate(FollowUpStage stage, Instant countedFrom) {
    return deadlines.dueDate(due(stage, countedFrom));
  }

  /**
   * When a conversation's outcome must be recorded: conversation-outcome working days after it
   * ends, and no later than the conversations stage itself.
   */
  public Instant conversationOutcomeDue(Instant conversationEnds, LocalDate conversationsDue) {
    Instant outcome = deadlines.conversationOutcomeDue(conversationEnds);
    if (conversationsDue == null) {
      return outcome;
    }
    Instant stage = deadlines.endOfDueDate(conversationsDue);
    return stage.isBefore(outcome) ? stage : outcome;
  }
}
