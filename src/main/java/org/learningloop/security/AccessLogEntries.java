package org.learningloop.security;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The access log's table. Deliberately a bare {@link Repository}: it can add and read entries, and
 * delete only those older than a cut-off (the retention purge); there is no way to change or delete
 * one particular entry.
 */
interface AccessLogEntries extends Repository<AccessLogEntry, Long> {

  AccessLogEntry save(AccessLogEntry entry);

  @Query(
      """
      select e from AccessLogEntry e
      where e.occurredAt >= :from and e.occurredAt < :to
        and (:principal is null or e.principal = :principal)
        and (:resourceType is null or e.resourceType = :resourceType)
        and (:resourceId is null or e.resourceId = :resourceId)
      order by e.occurredAt desc, e.id desc
      """)
  Page<AccessLogEntry> search(
      Instant from,
      Instant to,
      String principal,
      String resourceType,
      String resourceId,
      Pageable page);

  long count();

  @Modifying
  @Query("delete from AccessLogEntry e where e.occurredAt < :cutoff")
  int deleteOlderThan(Instant cutoff);
}
