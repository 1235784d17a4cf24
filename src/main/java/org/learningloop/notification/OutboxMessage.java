package org.learningloop.notification;

import java.time.Instant;

/**
 * One row of the outbox. Bodies are null when read for a list.
 *
 * @param claimedBy the claim token of the node sending it now, or null
 */
record OutboxMessage(
    long id,
    String notificationKey,
    String messageId,
    Template template,
    String auditRef,
    String fromAddress,
    String recipientEmail,
    String recipientName,
    String subject,
    String textBody,
    String htmlBody,
    String icsMethod,
    String ics,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    String claimedBy,
    Instant claimedUntil,
    String lastError,
    Instant createdAt,
    Instant sentAt) {

  /**
   * PENDING until sent; FAILED after the last allowed attempt failed, until an administrator
   * retries it.
   */
  enum Status {
    PENDING,
    SENT,
    FAILED
  }

  /** Whether a node holds it at {@code now} (it is being sent). */
  public boolean sendingAt(Instant now) {
    return status == Status.PENDING && claimedUntil != null && claimedUntil.isAfter(now);
  }
}
