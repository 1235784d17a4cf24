package org.learningloop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.learningloop.audit.Grade;
import org.learningloop.common.TimeConfiguration;
import org.learningloop.notification.Template.Detail;

/**
 * Every email template, rendered with child data lying around everywhere a careless caller could
 * put it: none of it may reach a subject, a body or a calendar invite.
 */
class MailTemplatesTest {

  static final String CHILD_NAME = "Jayden Sentinel-Childname";
  static final String CHILD_REF = "CHILDREF-SENTINEL-777";
  static final String CASE_NOTES = "Sentinel case notes: mother disclosed";
  static final List<String> CHILD_DATA = List.of(CHILD_NAME, CHILD_REF, CASE_NOTES);
  static final Instant NOW = Instant.parse("2024-01-15T09:30:00Z");
  static final ZonedDateTime START =
      ZonedDateTime.of(2024, 1, 23, 10, 0, 0, 0, TimeConfiguration.LONDON);

  final MailRenderer renderer =
      new MailRenderer(
          new MailProperties(
              "learning-loop@council.example", Path.of("unused"), "https://loop.council.example/"),
          Clock.fixed(NOW, TimeConfiguration.LONDON));

  /** The right values for every key a template allows. */
  static Map<String, String> validDetails(Template template) {
    Map<String, String> values =
        Map.ofEntries(
            Map.entry(Detail.CONVERSATION, "JOINT"),
            Map.entry(Detail.SUPPORT, "ASSESSMENT_TRAINING_REFRESH"),
            Map.entry(Detail.OUTCOME, "GRADE_REVISED"),
            Map.entry(Detail.DUE_SOON, "3"),
            Map.entry(Detail.OVERDUE, "2"),
            Map.entry(Detail.STAGE, "CONVERSATIONS"),
            Map.entry(Detail.DAYS_OVERDUE, "4"),
            Map.entry(Detail.FROM_MONTH, "2023-12"),
            Map.entry(Detail.TO_MONTH, "2024-01"),
            Map.entry(Detail.OWNER_TYPE, "PRACTITIONER"),
            Map.entry(Detail.CHALLENGE_OUTCOME, "UPHELD"));
    Map<String, String> details = new HashMap<>();
    template.allowedDetails().forEach(key -> details.put(key, values.get(key)));
    return details;
  }

  /**
   * A mail of a conversation template about the conversation named, with the {@link #invite} of
   * that template.
   */
  private RenderedMail conversationMail(
      Template template, String conversation, int sequence, String summary) {
    return renderer.render(
        notification(
            template,
            Map.of(Detail.CONVERSATION, conversation),
            invite(template, sequence, summary)));
  }

  static CalendarInvite invite(Template template, int sequence, String summary) {
    return template.carriesInvite()
        ? new CalendarInvite(
            "conversation-42-joint@learningloop",
            sequence,
            START,
            Duration.ofMinutes(60),
            summary,
            "Room 2, Civic Centre",
            "owen.officer@council.example",
            template == Template.CONVERSATION_CANCELLED)
        : null;
  }

  static Notification notification(
      Template template, Map<String, String> details, CalendarInvite invite) {
    return new Notification(
        "test:" + template,
        "pat.practitioner@council.example",
        "Pat Practitioner",
        template,
        template.aboutAnAudit() || template.isAboutAnAction() ? "AUD-2024-017" : null,
        LocalDate.of(2024, 1, 19),
        "/follow-ups/42",
        details,
        invite,
        template == Template.ESCALATION_BUNDLE
            ? List.of(
                new Notification.Item(
                    "AUD-2024-017",
                    "CONVERSATIONS",
                    LocalDate.of(2024, 1, 19),
                    3,
                    "/follow-ups/42"),
                new Notification.Item(
                    "AUD-2024-021", "ALLOCATION", LocalDate.of(2024, 1, 23), 1, "/follow-ups/57"))
            : List.of());
  }

  @org.junit.jupiter.api.Test
  void anEscalationBundleListsEachFollowUpWithItsStageDaysOverdueAndLink() {
    RenderedMail mail = renderer.render(notification(Template.ESCALATION_BUNDLE, Map.of(), null));

    assertThat(mail.subject())
        .isEqualTo("Learning Loop: 2 overdue follow-ups have been escalated to you");
    assertThat(mail.textBody())
        .contains(
            "- Audit AUD-2024-017: reflective learning conversations, due Friday 19 January 2024, 3"
                + " working days overdue.")
        .contains("https://loop.council.example/follow-ups/42")
        .contains(
            "- Audit AUD-2024-021: allocation to a PI officer, due Tuesday 23 January 2024, 1"
                + " working day overdue.")
        .contains("https://loop.council.example/follow-ups/57");
    assertThat(mail.htmlBody()).contains("href=\"https://loop.council.example/follow-ups/57\"");
  }

  @org.junit.jupiter.api.Test
  void anEscalationBundleNamesAnActionAsAnActionOnItsDipSampleOrAudit() {
    RenderedMail mail =
        renderer.render(
            new Notification(
                "k",
                "a@x.example",
                null,
                Template.ESCALATION_BUNDLE,
                null,
                null,
                "/tasks?view=overdue",
                Map.of(),
                null,
                List.of(
                    new Notification.Item(
                        "DS-2023-12-HP",
                        "OWNER_ACTION",
                        LocalDate.of(2024, 1, 23),
                        2,
                        "/actions/7"),
                    new Notification.Item(
                        "AUD-2024-021",
                        "ALLOCATION",
                        LocalDate.of(2024, 1, 23),
                        1,
                        "/follow-ups/57"))));
    assertThat(mail.textBody())
        .contains(
            "- Action on DS-2023-12-HP: an action for its owner to do, due Tuesday 23 January")
        .contains("- Audit AUD-2024-021: allocation to a PI officer")
        .doesNotContain("Audit DS-2023-12-HP");
    assertThat(mail.htmlBody()).contains("Action on DS-2023-12-HP");
  }

  @org.junit.jupiter.api.Test
  void anEscalationBundleWithNothingInItIsRefused() {
    assertThatThrownBy(
            () ->
                renderer.render(
                    new Notification(
                        "test:empty",
                        "pat.practitioner@council.example",
                        "Pat",
                        Template.ESCALATION_BUNDLE,
                        null,
                        null,
                        "/tasks",
                        Map.of(),
                        null,
                        List.of())))
        .hasMessageContaining("at least one follow-up");
  }

  @ParameterizedTest
  @EnumSource(Template.class)
  void everyTemplateCarriesTheAskAndTheLinkButNoChildDataAndNoGrade(Template template) {
    // The invite's free-text summary is where a caller would most likely write the child's name: it
    // must not leak.
    RenderedMail mail =
        renderer.render(
            notification(
                template,
                validDetails(template),
                invite(template, 0, CHILD_NAME + " " + CHILD_REF)));

    String everything =
        String.join(
            "\n",
            mail.subject(),
            mail.textBody(),
            mail.htmlBody(),
            mail.ics() == null ? "" : mail.ics());
    for (String sentinel : CHILD_DATA) {
      assertThat(everything).doesNotContainIgnoringCase(sentinel);
    }
    for (Grade grade : Grade.values()) {
      assertThat(everything.toLowerCase(Locale.ROOT))
          .doesNotContain(grade.label().toLowerCase(Locale.ROOT))
          .doesNotContain(grade.name().toLowerCase(Locale.ROOT));
    }
    assertThat(mail.textBody())
        .contains("https://loop.council.example/follow-ups/42")
        .contains("What is asked:")
        .contains("Dear Pat Practitioner")
        .doesNotContain("[(")
        .doesNotContain(" th:");
    assertThat(mail.htmlBody())
        .contains("href=\"https://loop.council.example/follow-ups/42\"")
        .contains("What is asked:")
        .doesNotContain(" th:");
    if (template.aboutAnAudit()) {
      assertThat(mail.subject()).startsWith("Audit AUD-2024-017: ");
      assertThat(mail.textBody()).contains("AUD-2024-017").contains("Friday 19 January 2024");
    }
    if (template.isAboutAnAction()) {
      // an action is on a dip sample or an audit: its ref, never the action's own words
      assertThat(mail.subject()).startsWith("Action on AUD-2024-017: ");
      assertThat(mail.textBody())
          .contains("AUD-2024-017")
          .contains("Friday 19 January 2024")
          .contains("(owner: Practitioner)");
    }
    assertThat(mail.ics() != null).isEqualTo(template.carriesInvite());
  }

  @ParameterizedTest
  @EnumSource(Template.class)
  void childDataInAnyDetailIsRefused(Template template) {
    for (String key : template.allowedDetails()) {
      for (String sentinel : CHILD_DATA) {
        Map<String, String> details = validDetails(template);
        details.put(key, sentinel);
        assertThatIllegalArgumentException()
            .isThrownBy(
                () -> renderer.render(notification(template, details, invite(template, 0, null))))
            .withMessageContaining(key);
      }
    }
    for (String childKey : List.of("childRef", "child_ref", "childName", "grade", "notes")) {
      Map<String, String> details = validDetails(template);
      details.put(childKey, CHILD_REF);
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> renderer.render(notification(template, details, invite(template, 0, null))))
          .withMessageContaining("'" + childKey + "' is not allowed");
    }
  }

  @Test
  void detailsAreWrittenInPlainEnglish() {
    RenderedMail support =
        renderer.render(
            notification(
                Template.SUPPORT_OFFERED, Map.of(Detail.SUPPORT, "CARE_PLANNING_VIDEO"), null));
    assertThat(support.textBody())
        .contains("Support has been offered to you after audit AUD-2024-017: Care planning video.");

    RenderedMail digest =
        renderer.render(
            notification(
                Template.REMINDER_DIGEST, Map.of(Detail.DUE_SOON, "3", Detail.OVERDUE, "1"), null));
    assertThat(digest.subject()).isEqualTo("Learning Loop: your tasks due soon or overdue");
    assertThat(digest.textBody())
        .contains("Tasks due in the next few days: 3")
        .contains("Tasks overdue: 1")
        .doesNotContain("Audit reference");

    RenderedMail invitation =
        conversationMail(Template.CONVERSATION_INVITATION, "PRACTITIONER", 0, null);
    assertThat(invitation.subject())
        .isEqualTo(
            "Audit AUD-2024-017: invitation to reflective learning conversation on Tuesday 23 January 2024");
    assertThat(invitation.textBody())
        .contains("reflective learning conversation with the practitioner about audit AUD-2024-017")
        .contains("When: Tuesday 23 January 2024, 10:00 to 11:00 (UK time)")
        .contains("Where: Room 2, Civic Centre")
        .doesNotContain("rescheduled");
  }

  @Test
  void invitationIsAnICalendarRequestThatParsesBack() throws Exception {
    RenderedMail mail = conversationMail(Template.CONVERSATION_INVITATION, "JOINT", 0, "ignored");

    assertThat(mail.icsMethod()).isEqualTo("REQUEST");
    Calendar calendar = new CalendarBuilder().build(new StringReader(mail.ics()));
    assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    VEvent event = (VEvent) calendar.getComponents().get(0);
    assertThat(value(event, Property.UID)).isEqualTo("conversation-42-joint@learningloop");
    assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
    assertThat(value(event, Property.SUMMARY))
        .isEqualTo("Reflective learning conversation: audit AUD-2024-017");
    assertThat(value(event, Property.DESCRIPTION))
        .isEqualTo(
            "Reflective learning conversation about audit AUD-2024-017. Details: https://loop.council.example/follow-ups/42");
    assertThat(value(event, Property.LOCATION)).isEqualTo("Room 2, Civic Centre");
    assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
    assertThat(value(event, Property.DTSTAMP)).isEqualTo("20240115T093000Z");
    DtStart<?> start = event.getStartDate().orElseThrow();
    assertThat(Instant.from(start.getDate())).isEqualTo(START.toInstant());
    assertThat(value(event, Property.DTEND)).isEqualTo("20240123T110000Z");
    assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:owen.officer@council.example");
    Attendee attendee = event.<Attendee>getProperty(Property.ATTENDEE).orElseThrow();
    assertThat(attendee.getCalAddress())
        .isEqualTo(URI.create("mailto:pat.practitioner@council.example"));
    assertThat(attendee.getParameter("PARTSTAT").orElseThrow().getValue())
        .isEqualTo("NEEDS-ACTION");
    assertThat(attendee.getParameter("RSVP").orElseThrow().getValue()).isEqualTo("TRUE");
    assertThat(attendee.getParameter("CN").orElseThrow().getValue()).isEqualTo("Pat Practitioner");
  }

  @Test
  void rescheduleUpdatesTheSameEventAndCancellationCancelsIt() throws Exception {
    RenderedMail rescheduled = conversationMail(Template.CONVERSATION_INVITATION, "JOINT", 1, null);
    RenderedMail cancelled = conversationMail(Template.CONVERSATION_CANCELLED, "JOINT", 2, null);

    assertThat(rescheduled.subject()).contains("rescheduled reflective learning conversation");
    assertThat(rescheduled.textBody()).contains("the conversation has been rescheduled");
    VEvent update =
        (VEvent)
            new CalendarBuilder().build(new StringReader(rescheduled.ics())).getComponents().get(0);
    assertThat(value(update, Property.UID)).isEqualTo("conversation-42-joint@learningloop");
    assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");

    assertThat(cancelled.icsMethod()).isEqualTo("CANCEL");
    Calendar cancellation = new CalendarBuilder().build(new StringReader(cancelled.ics()));
    assertThat(cancellation.getProperty(Property.METHOD).orElseThrow().getValue())
        .isEqualTo("CANCEL");
    VEvent cancel = (VEvent) cancellation.getComponents().get(0);
    assertThat(value(cancel, Property.UID)).isEqualTo("conversation-42-joint@learningloop");
    assertThat(value(cancel, Property.SEQUENCE)).isEqualTo("2");
    assertThat(value(cancel, Property.STATUS)).isEqualTo("CANCELLED");
  }

  @Test
  void incompleteOrMisdirectedNotificationsAreRefused() {
    Map<String, String> joint = Map.of(Detail.CONVERSATION, "JOINT");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> renderer.render(notification(Template.CONVERSATION_INVITATION, joint, null)))
        .withMessageContaining("needs a calendar invite");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                renderer.render(
                    notification(
                        Template.CONVERSATION_INVITATION,
                        joint,
                        invite(Template.CONVERSATION_CANCELLED, 1, null))))
        .withMessageContaining("cancelled flag");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                renderer.render(
                    notification(
                        Template.FOLLOW_UP_CREATED,
                        Map.of(),
                        invite(Template.CONVERSATION_INVITATION, 0, null))))
        .withMessageContaining("does not carry a calendar invite");
    assertRefused(
        created("k", "a@x.example, b@x.example", "AUD-1", "/follow-ups/1"), "recipientEmail");
    assertRefused(created("k", "a@x.example", "AUD-1", "https://evil.example/"), "linkPath");
    assertRefused(created("k", "a@x.example", null, "/follow-ups/1"), "auditRef");
    assertRefused(created("", "a@x.example", "AUD-1", "/follow-ups/1"), "key");
  }

  private void assertRefused(Notification notification, String naming) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> renderer.render(notification))
        .withMessageContaining(naming);
  }

  private static Notification created(String key, String to, String auditRef, String linkPath) {
    return new Notification(
        key, to, null, Template.FOLLOW_UP_CREATED, auditRef, null, linkPath, Map.of(), null);
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow().getValue();
  }
}
