package org.learningloop.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One email to one person.
 *
 * @param key unique per notification (e.g. {@code follow-up:42:allocated:pi-officer}); a second
 *     notification with the same key is never sent, and the Message-ID derives from it
 * @param auditRef the audit the email is about, or null for a digest
 * @param dueDate by when the recipient must act, or null
 * @param linkPath where the recipient acts, relative to the configured base URL, e.g. {@code
 *     /follow-ups/42}
 * @param details template-specific values (e.g. {@code reason}, {@code when}); never child data
 * @param invite an iCalendar invitation or cancellation to attach, or null
 * @param items the follow-ups an escalation bundle lists, one line each; empty for other emails
 */
public record Notification(
    String key,
    String recipientEmail,
    String recipientName,
    Template template,
    String auditRef,
    LocalDate dueDate,
    String linkPath,
    Map<String, String> details,
    CalendarInvite invite,
    List<Item> items) {

  public Notification {
    details = Map.copyOf(details);
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** An email about at most one audit, listing nothing. */
  public Notification(
      String key,
      String recipientEmail,
      String recipientName,
      Template template,
      String auditRef,
      LocalDate dueDate,
      String linkPath,
      Map<String, String> details,
      CalendarInvite invite) {
    this(
        key,
        recipientEmail,
        recipientName,
        template,
        auditRef,
        dueDate,
        linkPath,
        details,
        invite,
        List.of());
  }

  /**
   * One follow-up in an escalation bundle: its audit ref, the overdue stage (a code), since when,
   * how many working days overdue, and where to act.
   */
  public record Item(
      String auditRef, String stage, LocalDate dueDate, int daysOverdue, String linkPath) {}
}
