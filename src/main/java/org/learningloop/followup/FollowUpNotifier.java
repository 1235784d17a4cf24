package org.learningloop.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.notification.CalendarInvite;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.springframework.stereotype.Component;

/**
 * Composes the follow-up's emails: one recipient each, a key unique to the occasion (so a retry
 * never sends twice), the audit ref, what is asked, by when and a link. Never a child's details,
 * notes or a grade.
 */
@Component
class FollowUpNotifier {

  private final Notifications notifications;
  private final Directory directory;
  private final Clock clock;

  FollowUpNotifier(Notifications notifications, Directory directory, Clock clock) {
    this.notifications = notifications;
    this.directory = directory;
    this.clock = clock;
  }

  void created(FollowUp f) {
    tellEvery(Role.PI_LEAD, null, f, "created", Template.FOLLOW_UP_CREATED, f.getAllocationDue());
  }

  void safeguardingRequested(FollowUp f) {
    person(f.getTeamManagerId())
        .ifPresent(
            tm ->
                send(
                    key(f, "safeguarding", tm),
                    tm,
                    Template.SAFEGUARDING_CHECK_REQUESTED,
                    f,
                    f.getSafeguardingDue(),
                    Map.of(),
                    null));
  }

  void safeguardingEscalated(FollowUp f, Person manager, Role rung) {
    send(
        key(f, "safeguarding-" + rung.groupId(), manager),
        manager,
        Template.ESCALATION,
        f,
        f.getSafeguardingDue(),
        Map.of(Template.Detail.STAGE, "SAFEGUARDING_CHECK"),
        null);
  }

  void allocated(FollowUp f, Person officer) {
    send(
        key(f, "allocated-" + f.getTimeline().size(), officer),
        officer,
        Template.FOLLOW_UP_ALLOCATED,
        f,
        f.getConversationsDue(),
        Map.of(),
        null);
  }

  void invitation(FollowUp f, Conversation c, String officerEmail) {
    CalendarInvite invite = invite(f, c, officerEmail, false);
    for (Person attendee : attendees(f, c)) {
      send(
          "conversation:"
              + c.getId()
              + ":invitation:"
              + c.getInviteSequence()
              + ":"
              + attendee.id(),
          attendee,
          Template.CONVERSATION_INVITATION,
          f,
          c.getStartsAt().atZone(clock.getZone()).toLocalDate(),
          Map.of(Template.Detail.CONVERSATION, c.getAttendees().name()),
          invite);
    }
  }

  /** The conversation's calendar event, from the PI officer, or its cancellation. */
  private CalendarInvite invite(
      FollowUp f, Conversation c, String officerEmail, boolean cancelled) {
    return new CalendarInvite(
        c.inviteUid(),
        c.getInviteSequence(),
        c.getStartsAt().atZone(clock.getZone()),
        Duration.ofMinutes(c.getDurationMinutes()),
        "Reflective learning conversation: audit " + f.getAuditRef(),
        c.getLocation(),
        officerEmail,
        cancelled);
  }

  void cancelled(FollowUp f, Conversation c, String officerEmail) {
    CalendarInvite invite = invite(f, c, officerEmail, true);
    for (Person attendee : attendees(f, c)) {
      send(
          "conversation:" + c.getId() + ":cancelled:" + c.getInviteSequence() + ":" + attendee.id(),
          attendee,
          Template.CONVERSATION_CANCELLED,
          f,
          null,
          Map.of(Template.Detail.CONVERSATION, c.getAttendees().name()),
          invite);
    }
  }

  void supportOffered(FollowUp f, SupportItem item, Person owner) {
    send(
        "support-item:" + item.getId() + ":offered",
        owner,
        Template.SUPPORT_OFFERED,
        f,
        item.getDueDate(),
        Map.of(Template.Detail.SUPPORT, item.getTypeCode()),
        null);
  }

  void closureProposed(FollowUp f, String proposer) {
    tellEvery(
        Role.PI_LEAD,
        proposer,
        f,
        "closure-proposed-" + f.getTimeline().size(),
        Template.CLOSURE_PROPOSED,
        f.getClosureDue());
  }

  /** The reason stays on the follow-up's page: emails carry codes, never free text. */
  void closureSentBack(FollowUp f, String proposer) {
    directory
        .findByUsername(proposer)
        .ifPresent(
            p ->
                send(
                    key(f, "sent-back-" + f.getTimeline().size(), p),
                    p,
                    Template.CLOSURE_SENT_BACK,
                    f,
                    f.getClosureDue(),
                    Map.of(),
                    null));
  }

  void ended(FollowUp f) {
    Stream.of(
            directory.findByUsername(f.getOfficerUsername()),
            person(f.getTeamManagerId()),
            person(f.getPractitionerId()))
        .flatMap(java.util.Optional::stream)
        .distinct()
        .forEach(
            p ->
                send(
                    key(f, "ended-" + f.getStatus().name().toLowerCase(java.util.Locale.ROOT), p),
                    p,
                    Template.FOLLOW_UP_ENDED,
                    f,
                    null,
                    Map.of(Template.Detail.OUTCOME, f.getStatus().name()),
                    null));
  }

  void reAuditDue(FollowUp f) {
    tellEvery(Role.AUDITOR, null, f, "re-audit-due", Template.RE_AUDIT_DUE, f.getReAuditDue());
  }

  /** Tells everyone holding the role, but whoever took the step ({@code except}, or null). */
  private void tellEvery(
      Role role, String except, FollowUp f, String occasion, Template template, LocalDate due) {
    for (Person person : directory.withRole(role)) {
      if (!person.username().equals(except)) {
        send(key(f, occasion, person), person, template, f, due, Map.of(), null);
      }
    }
  }

  private List<Person> attendees(FollowUp f, Conversation c) {
    return Stream.of(
            c.includesTeamManager()
                ? person(f.getTeamManagerId())
                : java.util.Optional.<Person>empty(),
            c.includesPractitioner()
                ? person(f.getPractitionerId())
                : java.util.Optional.<Person>empty())
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  private java.util.Optional<Person> person(Long id) {
    return id == null ? java.util.Optional.empty() : directory.findById(id);
  }

  /**
   * A reopened follow-up tells people again: its occasions from the second round on carry the
   * round's number.
   */
  private static String key(FollowUp f, String occasion, Person to) {
    int round = f.round();
    return "follow-up:"
        + f.getId()
        + ":"
        + occasion
        + (round > 1 ? "-round-" + round : "")
        + ":"
        + to.id();
  }

  private void send(
      String key,
      Person to,
      Template template,
      FollowUp f,
      LocalDate due,
      Map<String, String> details,
      CalendarInvite invite) {
    Map<String, String> values = new LinkedHashMap<>(details);
    values.values().removeIf(Objects::isNull);
    notifications.enqueue(
        new Notification(
            key,
            to.email(),
            to.displayName(),
            template,
            f.getAuditRef(),
            due,
            "/follow-ups/" + f.getId(),
            values,
            invite));
  }
}
