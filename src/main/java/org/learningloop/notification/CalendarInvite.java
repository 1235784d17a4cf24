package org.learningloop.notification;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * A reflective-conversation invitation as an iCalendar event. A reschedule keeps the {@code uid}
 * and raises the {@code sequence}; {@code cancelled} sends METHOD:CANCEL for the same event.
 *
 * @param summary a caller's title for the event; not written to calendars, whose SUMMARY and
 *     DESCRIPTION carry the audit ref only, so that no free text (a child's name, say) reaches
 *     anyone's calendar
 * @param location a place or a meeting link
 */
public record CalendarInvite(
    String uid,
    int sequence,
    ZonedDateTime start,
    Duration duration,
    String summary,
    String location,
    String organiserEmail,
    boolean cancelled) {}
