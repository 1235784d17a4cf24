package org.learningloop.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Writes a reflective-conversation invitation (METHOD:REQUEST) or its cancellation (METHOD:CANCEL)
 * as iCalendar text for one attendee. Times are written in UTC, which every calendar client reads
 * without a VTIMEZONE. The SUMMARY and DESCRIPTION carry the audit ref and nothing else about the
 * case.
 */
final class CalendarWriter {

  static final String REQUEST = "REQUEST";
  static final String CANCEL = "CANCEL";

  private CalendarWriter() {}

  /** The iCalendar METHOD for this invite. */
  static String method(CalendarInvite invite) {
    return invite.cancelled() ? CANCEL : REQUEST;
  }

  static String summary(String auditRef) {
    return "Reflective learning conversation: audit " + auditRef;
  }

  static String write(
      CalendarInvite invite,
      String auditRef,
      String attendeeEmail,
      String attendeeName,
      String link,
      Instant now) {
    Instant start = invite.start().toInstant();
    VEvent event = new VEvent(start, start.plus(invite.duration()), summary(auditRef));
    event.replace(new DtStamp(now));
    event.add(new Uid(invite.uid()));
    event.add(new Sequence(invite.sequence()));
    event.add(
        new Description(
            "Reflective learning conversation about audit " + auditRef + ". Details: " + link));
    if (invite.location() != null && !invite.location().isBlank()) {
      event.add(new Location(invite.location()));
    }
    event.add(new Organizer(URI.create("mailto:" + invite.organiserEmail())));
    Attendee attendee = new Attendee(URI.create("mailto:" + attendeeEmail));
    attendee.add(Role.REQ_PARTICIPANT);
    attendee.add(PartStat.NEEDS_ACTION);
    attendee.add(Rsvp.TRUE);
    if (attendeeName != null && !attendeeName.isBlank()) {
      attendee.add(new Cn(attendeeName));
    }
    event.add(attendee);
    event.add(
        invite.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);

    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Learning Loop//Reflective conversations//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(invite.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    calendar.add(event);

    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(true).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalArgumentException(
          "The calendar invitation is not valid: " + e.getMessage(), e);
    }
    return out.toString();
  }
}
