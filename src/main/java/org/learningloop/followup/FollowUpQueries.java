package org.learningloop.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.learningloop.calendar.Deadlines;
import org.learningloop.common.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of follow-ups for the API and the pages: a page of the follow-ups someone may see,
 * one follow-up in full, and the follow-up of an audit. Nothing here changes anything.
 */
@Service
@Transactional(readOnly = true)
public class FollowUpQueries {

  private final FollowUpRepository followUps;
  private final FollowUpAccess access;
  private final Deadlines deadlines;
  private final Clock clock;

  FollowUpQueries(
      FollowUpRepository followUps, FollowUpAccess access, Deadlines deadlines, Clock clock) {
    this.followUps = followUps;
    this.access = access;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** The follow-ups {@code actor} may see, by due date, optionally of one status. */
  public PageOf<FollowUpSummary> list(String actor, FollowUpStatus status, int page, int size) {
    return list(actor, status, null, page, size);
  }

  /** One page of the follow-ups the actor may see; status and audit ref filter when given. */
  public PageOf<FollowUpSummary> list(
      String actor, FollowUpStatus status, String auditRef, int page, int size) {
    Paging.check(page, size);
    Specification<FollowUp> spec = access.visibleTo(access.person(actor));
    if (status != null) {
      spec = spec.and((root, q, cb) -> cb.equal(root.get("status"), status));
    }
    if (auditRef != null && !auditRef.isBlank()) {
      String ref = auditRef.strip();
      spec = spec.and((root, q, cb) -> cb.equal(root.get("auditRef"), ref));
    }
    Page<FollowUp> result =
        followUps.findAll(
            spec,
            PageRequest.of(page, size, Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("id"))));
    Instant now = clock.instant();
    return new PageOf<>(
        result.getContent().stream().map(f -> FollowUpSummary.of(f, deadlines, now)).toList(),
        page,
        size,
        result.getTotalElements(),
        result.getTotalPages());
  }

  /** One follow-up in full, when {@code actor} may see it; else it is not found. */
  public FollowUpDetails get(long id, String actor) {
    FollowUp f = access.visible(id, actor);
    Long reAuditFollowUpId =
        f.getReAuditRef() == null
            ? null
            : followUps.findByAuditRef(f.getReAuditRef()).map(FollowUp::getId).orElse(null);
    FollowUpDetails.RepeatOf repeatOf =
        f.getRepeatOfFollowUpId() == null
            ? null
            : followUps
                .findById(f.getRepeatOfFollowUpId())
                .map(e -> new FollowUpDetails.RepeatOf(e.getId(), e.getAuditRef()))
                .orElse(null);
    return NeedToKnow.forReader(
        FollowUpDetails.of(f, deadlines, clock.instant(), reAuditFollowUpId, repeatOf),
        f,
        access.person(actor));
  }

  /** The id of an audit's follow-up, if it has one (whoever asks still needs to see it). */
  public Optional<Long> idOf(String auditRef) {
    return followUps.findByAuditRef(auditRef).map(FollowUp::getId);
  }
}
