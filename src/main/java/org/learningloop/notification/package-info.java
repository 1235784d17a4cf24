/**
 * Email that is never lost or doubled. Other modules call {@link
 * org.learningloop.notification.Notifications#enqueue} inside their own transaction; the
 * notification is checked, rendered (plain text, HTML, iCalendar) and written to the {@code
 * notification_outbox} table with a unique key. A sender on each node claims due messages, sends
 * them (SMTP, or {@code .eml} files in the embedded default's drop folder) and retries failures
 * with back-off; what keeps failing is shown to administrators at {@code /admin/outbox}. Emails
 * never carry child data or grades.
 */
package org.learningloop.notification;
