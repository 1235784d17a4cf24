package org.learningloop.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.learningloop.common.TimeConfiguration;
import org.learningloop.common.UkDates;
import org.learningloop.notification.Template.Detail;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Checks a notification and turns it into the email's subject, plain-text and HTML bodies
 * (Thymeleaf templates under {@code templates/mail/}) and, for conversations, the iCalendar part.
 * The model holds only the notification's own fields, so a template cannot reach child data even by
 * mistake.
 */
@Component
class MailRenderer {

  private static final ZoneId LONDON = TimeConfiguration.LONDON;
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
  private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,5}");
  private static final Pattern MONTH = Pattern.compile("[12][0-9]{3}-(0[1-9]|1[0-2])");
  private static final Map<String, String> CONVERSATIONS =
      Map.of(
          "PRACTITIONER", "with the practitioner",
          "TEAM_MANAGER", "with the Team Manager",
          "JOINT", "with the Team Manager and the practitioner");
  private static final Map<String, String> OUTCOMES =
      Map.of(
          "CLOSED", "been closed: the loop is complete",
          "WITHDRAWN", "been withdrawn",
          "GRADE_REVISED", "ended because moderation revised the audit");
  private static final Map<String, String> STAGES =
      Map.ofEntries(
          Map.entry("ALLOCATION", "allocation to a PI officer"),
          Map.entry("SAFEGUARDING_CHECK", "safeguarding check"),
          Map.entry("CONVERSATIONS", "reflective learning conversations"),
          Map.entry("SUPPORT", "support plan"),
          Map.entry("CLOSURE", "closure"),
          Map.entry("SIGN_OFF", "closure sign-off"),
          Map.entry("RE_AUDIT", "effectiveness re-audit"),
          Map.entry("OWNER_ACTION", "an action for its owner to do"),
          Map.entry("VERIFICATION", "verifying what was done for an action"),
          Map.entry("MODERATION", "moderation of a sampled audit"),
          Map.entry("CHALLENGE_REVIEW", "review of a challenged grade"));
  private static final Map<String, String> CHALLENGE_OUTCOMES =
      Map.of(
          "UPHELD", "the moderator kept the grade",
          "REGRADED", "the moderator changed the grade");

  private final SpringTemplateEngine engine;
  private final MailProperties properties;
  private final Clock clock;

  MailRenderer(MailProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.engine = new SpringTemplateEngine();
    engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of("mail/*" + suffix));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }

  /** Refuses a notification that cannot become a safe, complete email, naming what is wrong. */
  void check(Notification n) {
    require(
        n.key() != null && KEY.matcher(n.key()).matches(),
        "key must be 1 to 255 printable ASCII characters");
    require(n.template() != null, "template is required");
    require(
        n.recipientEmail() != null && isAddress(n.recipientEmail()),
        "recipientEmail must be one email address");
    require(
        n.linkPath() != null && n.linkPath().startsWith("/") && !n.linkPath().startsWith("//"),
        "linkPath must be a path starting with /");
    require(
        !(n.template().aboutAnAudit() || n.template().isAboutAnAction())
            || (n.auditRef() != null && !n.auditRef().isBlank()),
        "auditRef is required for " + n.template());
    for (Map.Entry<String, String> detail : n.details().entrySet()) {
      require(
          n.template().allowedDetails().contains(detail.getKey()),
          "detail '"
              + detail.getKey()
              + "' is not allowed in "
              + n.template()
              + "; allowed: "
              + n.template().allowedDetails());
      require(
          validValue(detail.getKey(), detail.getValue()),
          "detail '" + detail.getKey() + "' has a value that is not allowed");
    }
    if (n.template() == Template.ESCALATION_BUNDLE) {
      require(!n.items().isEmpty(), "an escalation bundle lists at least one follow-up");
      for (Notification.Item item : n.items()) {
        require(
            item.auditRef() != null && KEY.matcher(item.auditRef()).matches(),
            "each item needs an audit ref");
        require(
            item.stage() != null && CODE.matcher(item.stage()).matches(),
            "each item's stage must be a code");
        require(item.dueDate() != null, "each item needs its due date");
        require(item.daysOverdue() >= 0, "each item's working days overdue must not be negative");
        require(
            item.linkPath() != null
                && item.linkPath().startsWith("/")
                && !item.linkPath().startsWith("//"),
            "each item's link must be a path starting with /");
      }
    } else {
      require(n.items().isEmpty(), n.template() + " lists no follow-ups");
    }
    if (n.template().carriesInvite()) {
      CalendarInvite invite = n.invite();
      require(invite != null, n.template() + " needs a calendar invite");
      require(
          invite.cancelled() == (n.template() == Template.CONVERSATION_CANCELLED),
          "the invite's cancelled flag must match " + n.template());
      require(invite.uid() != null && !invite.uid().isBlank(), "invite uid is required");
      require(invite.sequence() >= 0, "invite sequence must not be negative");
      require(invite.start() != null, "invite start is required");
      require(
          invite.duration() != null
              && !invite.duration().isNegative()
              && !invite.duration().isZero(),
          "invite duration must be positive");
      require(
          invite.organiserEmail() != null && isAddress(invite.organiserEmail()),
          "invite organiserEmail must be one email address");
    } else {
      require(n.invite() == null, n.template() + " does not carry a calendar invite");
    }
  }

  RenderedMail render(Notification n) {
    check(n);
    String link = properties.baseUrl().replaceAll("/+$", "") + n.linkPath();
    Context context = new Context(Locale.UK);
    context.setVariable(
        "name",
        n.recipientName() == null || n.recipientName().isBlank() ? "colleague" : n.recipientName());
    context.setVariable("auditRef", n.auditRef());
    context.setVariable("due", n.dueDate() == null ? null : UkDates.WEEKDAY.format(n.dueDate()));
    context.setVariable("link", link);
    Map<String, String> details = n.details();
    context.setVariable("withWhom", lookup(CONVERSATIONS, details.get(Detail.CONVERSATION), ""));
    context.setVariable("support", humanise(details.get(Detail.SUPPORT)));
    context.setVariable("ownerType", humanise(details.get(Detail.OWNER_TYPE)));
    context.setVariable("outcome", lookup(OUTCOMES, details.get(Detail.OUTCOME), null));
    context.setVariable(
        "challengeOutcome",
        lookup(CHALLENGE_OUTCOMES, details.get(Detail.CHALLENGE_OUTCOME), null));
    context.setVariable("dueSoon", details.get(Detail.DUE_SOON));
    context.setVariable("overdue", details.get(Detail.OVERDUE));
    context.setVariable("stage", lookup(STAGES, details.get(Detail.STAGE), null));
    context.setVariable("daysOverdue", details.get(Detail.DAYS_OVERDUE));
    context.setVariable(
        "period", period(details.get(Detail.FROM_MONTH), details.get(Detail.TO_MONTH)));
    String base = properties.baseUrl().replaceAll("/+$", "");
    context.setVariable(
        "items",
        n.items().stream()
            .map(
                item ->
                    new RenderedItem(
                        (item.linkPath().startsWith("/actions/") ? "Action on " : "Audit ")
                            + item.auditRef(),
                        lookup(STAGES, item.stage(), item.stage()),
                        UkDates.WEEKDAY.format(item.dueDate()),
                        item.daysOverdue(),
                        base + item.linkPath()))
            .toList());
    CalendarInvite invite = n.invite();
    if (invite != null) {
      context.setVariable("when", when(invite));
      context.setVariable(
          "where",
          invite.location() == null || invite.location().isBlank() ? null : invite.location());
      context.setVariable(
          "rescheduled", invite.sequence() > 0 && !invite.cancelled() ? "yes" : null);
    }
    String subject = subject(n, invite);
    context.setVariable("subject", subject);
    String name = n.template().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String text = engine.process("mail/" + name + ".txt", context);
    String html = engine.process("mail/" + name + ".html", context);
    if (invite == null) {
      return new RenderedMail(subject, text, html, null, null);
    }
    String ics =
        CalendarWriter.write(
            invite, n.auditRef(), n.recipientEmail(), n.recipientName(), link, clock.instant());
    return new RenderedMail(subject, text, html, CalendarWriter.method(invite), ics);
  }

  private static String subject(Notification n, CalendarInvite invite) {
    String audit = "Audit " + n.auditRef() + ": ";
    return switch (n.template()) {
      case FOLLOW_UP_CREATED -> audit + "a new follow-up is waiting to be allocated";
      case FOLLOW_UP_ALLOCATED -> audit + "a follow-up has been allocated to you";
      case SAFEGUARDING_CHECK_REQUESTED -> audit + "please confirm the safeguarding check";
      case CONVERSATION_INVITATION ->
          audit
              + (invite.sequence() > 0 ? "rescheduled" : "invitation to")
              + " reflective learning conversation on "
              + UkDates.WEEKDAY.format(invite.start().withZoneSameInstant(LONDON));
      case CONVERSATION_CANCELLED -> audit + "reflective learning conversation cancelled";
      case SUPPORT_OFFERED -> audit + "support has been offered to you";
      case CLOSURE_PROPOSED -> audit + "please review a proposal to close the follow-up";
      case CLOSURE_SENT_BACK -> audit + "your closure proposal was sent back";
      case FOLLOW_UP_ENDED -> audit + "the follow-up has ended";
      case RE_AUDIT_DUE -> audit + "a re-audit is due";
      case REMINDER_DIGEST -> "Learning Loop: your tasks due soon or overdue";
      case ESCALATION -> audit + "an overdue follow-up has been escalated to you";
      case ESCALATION_BUNDLE ->
          n.items().size() == 1
              ? "Learning Loop: 1 overdue follow-up has been escalated to you"
              : "Learning Loop: "
                  + n.items().size()
                  + " overdue follow-ups have been escalated to you";
      case REPORT_PUBLISHED -> "Learning Loop: a new audit activity report is published";
      case JOB_INCIDENT -> "Learning Loop: a background job has stopped and needs you";
      case ACTION_SET -> "Action on " + n.auditRef() + ": an action has been set for you";
      case ACTION_SENT_BACK -> "Action on " + n.auditRef() + ": an action was sent back to you";
      case ACTION_COMPLETED -> "Action on " + n.auditRef() + ": please verify what was done";
      case GRADE_CHALLENGE_DECIDED -> audit + "the review of its grade has been decided";
    };
  }

  private static String when(CalendarInvite invite) {
    ZonedDateTime start = invite.start().withZoneSameInstant(LONDON);
    ZonedDateTime end = start.plus(invite.duration());
    String endText =
        end.toLocalDate().equals(start.toLocalDate())
            ? UkDates.TIME.format(end)
            : UkDates.WEEKDAY.format(end) + " " + UkDates.TIME.format(end);
    return UkDates.WEEKDAY.format(start)
        + ", "
        + UkDates.TIME.format(start)
        + " to "
        + endText
        + " (UK time)";
  }

  /**
   * "December 2023 to January 2024" from two checked YYYY-MM values; null when either is absent.
   */
  private static String period(String from, String to) {
    if (from == null || to == null) {
      return null;
    }
    return UkDates.MONTH.format(java.time.YearMonth.parse(from))
        + " to "
        + UkDates.MONTH.format(java.time.YearMonth.parse(to));
  }

  /** Map.of refuses a null key: an absent detail gives the fallback. */
  private static String lookup(Map<String, String> words, String code, String fallback) {
    return code == null ? fallback : words.getOrDefault(code, fallback);
  }

  private static boolean validValue(String key, String value) {
    if (value == null) {
      return false;
    }
    return switch (key) {
      case Detail.CONVERSATION -> CONVERSATIONS.containsKey(value);
      case Detail.OUTCOME -> OUTCOMES.containsKey(value);
      case Detail.CHALLENGE_OUTCOME -> CHALLENGE_OUTCOMES.containsKey(value);
      case Detail.STAGE -> STAGES.containsKey(value);
      case Detail.SUPPORT, Detail.OWNER_TYPE -> CODE.matcher(value).matches();
      case Detail.DUE_SOON, Detail.OVERDUE, Detail.DAYS_OVERDUE -> COUNT.matcher(value).matches();
      case Detail.FROM_MONTH, Detail.TO_MONTH -> MONTH.matcher(value).matches();
      default -> false;
    };
  }

  /** ASSESSMENT_TRAINING_REFRESH becomes "Assessment training refresh". */
  private static String humanise(String code) {
    if (code == null) {
      return null;
    }
    String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static boolean isAddress(String email) {
    try {
      InternetAddress[] parsed = InternetAddress.parse(email, true);
      if (parsed.length != 1) {
        return false;
      }
      parsed[0].validate();
      return parsed[0].getAddress().equals(email) && email.contains("@");
    } catch (AddressException e) {
      return false;
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("Notification refused: " + message);
    }
  }

  /**
   * One line of an escalation bundle, as the templates show it: {@code subject} is "Audit AUD-1"
   * for a follow-up, "Action on DS-2023-12-HP" for an action on a dip sample or an audit.
   */
  record RenderedItem(String subject, String stage, String due, int daysOverdue, String link) {}
}
