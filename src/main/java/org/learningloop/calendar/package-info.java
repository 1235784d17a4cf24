/**
 * Working days and deadlines. {@link org.learningloop.calendar.WorkingDayCalendar} knows which days
 * count in England and Wales (no weekends, bank holidays or council closure days) and does the
 * arithmetic on them; {@link org.learningloop.calendar.Deadlines} turns the configured targets of
 * the follow-up process into due moments, reminder moments and the escalation ladder. Nothing here
 * reads the clock: every answer follows from its arguments.
 */
package org.learningloop.calendar;
