package org.learningloop.notification;

/**
 * An email ready to leave: everything the sender needs, so the outbox never goes back to the entity
 * that caused it.
 *
 * @param icsMethod {@code REQUEST} or {@code CANCEL} when an iCalendar part is attached, else null
 * @param ics the iCalendar text, or null
 */
record RenderedMail(
    String subject, String textBody, String htmlBody, String icsMethod, String ics) {}
