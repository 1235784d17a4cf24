package org.learningloop.security;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.learningloop.common.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who saw or did what to children's data, and when: an append-only log admins can read. Feature
 * modules call {@link #record} from every endpoint that shows an audit or a follow-up; sign-in
 * successes, failures and lock-outs are recorded here too (resource type {@value #SIGN_IN},
 * resource id the client's address).
 */
@Service
public class AccessLog {

  /** Resource type of sign-in events. */
  public static final String SIGN_IN = "SIGN_IN";

  public static final int MAX_PAGE_SIZE = Paging.MAX_SIZE;

  /** One entry, as admins read it. */
  public record Entry(
      Long id,
      Instant occurredAt,
      String principal,
      String action,
      String resourceType,
      String resourceId) {}

  /** One page of entries, newest first. */
  public record Page(List<Entry> entries, int page, int size, long totalEntries, int totalPages) {}

  /** What to look for; null fields match anything. {@code to} is exclusive. */
  public record Filter(
      Instant from, Instant to, String principal, String resourceType, String resourceId) {}

  private final AccessLogEntries entries;
  private final Clock clock;

  AccessLog(AccessLogEntries entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  /**
   * Records one access, now. Runs in its own transaction so the entry stays even when the caller's
   * work rolls back (a view that failed half-way was still a view).
   *
   * @param principal who (the signed-in user's name)
   * @param action what, e.g. {@code VIEW}
   * @param resourceType e.g. {@code AUDIT}, {@code FOLLOW_UP}
   * @param resourceId which one, e.g. the audit ref; may be null for lists
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String principal, String action, String resourceType, String resourceId) {
    entries.save(
        new AccessLogEntry(
            clock.instant(),
            clip(required(principal, "principal")),
            clip(required(action, "action"), 60),
            clip(required(resourceType, "resourceType"), 60),
            resourceId == null ? null : clip(resourceId)));
  }

  /**
   * Records one access by the given principal (for example the controller method's {@code
   * Principal}).
   */
  public void record(Principal principal, String action, String resourceType, String resourceId) {
    record(principal == null ? "anonymous" : principal.getName(), action, resourceType, resourceId);
  }

  @Transactional(readOnly = true)
  public Page search(Filter filter, int page, int size) {
    Paging.check(page, size, MAX_PAGE_SIZE);
    var found =
        entries.search(
            filter.from() == null ? Instant.EPOCH : filter.from(),
            filter.to() == null ? Instant.parse("9999-12-31T00:00:00Z") : filter.to(),
            blankToNull(filter.principal()),
            blankToNull(filter.resourceType()),
            blankToNull(filter.resourceId()),
            PageRequest.of(page, size));
    return new Page(
        found.getContent().stream().map(AccessLogEntry::view).toList(),
        page,
        size,
        found.getTotalElements(),
        found.getTotalPages());
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("An access-log entry needs a " + name);
    }
    return value.strip();
  }

  private static String clip(String value) {
    return clip(value, 100);
  }

  private static String clip(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
