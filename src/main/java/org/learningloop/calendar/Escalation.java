package org.learningloop.calendar;

import java.time.Instant;

/**
 * One recipient on one rung of the escalation ladder of an overdue task.
 *
 * @param rung the rung, from 0 (the first people told)
 * @param overdueBy working days past the due date at which this rung is reached
 * @param recipient who is told
 * @param at when: the due moment itself for a rung at 0, else the end of the working day {@code
 *     overdueBy} working days after the due date
 */
public record Escalation(int rung, int overdueBy, EscalationRecipient recipient, Instant at) {}
