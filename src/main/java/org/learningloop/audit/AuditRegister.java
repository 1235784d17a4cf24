package org.learningloop.audit;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.Person;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.directory.TeamPlace;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit register: records audits, moderates them and reads them back. Every write goes through
 * {@link AuditWriter}, so the grade-change events fire the same way whether an audit was recorded,
 * imported or moderated. Role checks sit on the controller; this service is also used at start-up
 * by the demo data.
 */
@Service
@Transactional(readOnly = true)
public class AuditRegister implements AuditLookup {

  private final AuditRepository audits;
  private final ModerationRepository moderations;
  private final ModerationRequestRepository requests;
  private final AuditWriter writer;
  private final StaffRegistry registry;
  private final Catalogues catalogues;
  private final Clock clock;

  AuditRegister(
      AuditRepository audits,
      ModerationRepository moderations,
      ModerationRequestRepository requests,
      AuditWriter writer,
      StaffRegistry registry,
      Catalogues catalogues,
      Clock clock) {
    this.audits = audits;
    this.moderations = moderations;
    this.requests = requests;
    this.writer = writer;
    this.registry = registry;
    this.catalogues = catalogues;
    this.clock = clock;
  }

  @Override
  public Optional<AuditSummary> findByRef(String ref) {
    return ref == null ? Optional.empty() : audits.findByRef(ref.strip()).map(Audit::summary);
  }

  public boolean exists(String ref) {
    return audits.findByRef(ref).isPresent();
  }

  /**
   * Records a new audit (possibly already moderated).
   *
   * @return its ref
   * @throws org.learningloop.common.DomainException with every field at fault, or when the ref is
   *     taken
   */
  @Transactional
  public String record(AuditDraft draft) {
    if (draft.ref() != null
        && !draft.ref().isBlank()
        && audits.findByRef(draft.ref().strip()).isPresent()) {
      throw AuditProblem.alreadyRecorded(draft.ref().strip());
    }
    List<FieldError> errors = new ArrayList<>();
    ValidAudit audit = validator().check(draft, null, AuditField::property, errors);
    if (audit == null) {
      throw AuditProblem.invalid(errors);
    }
    writer.write(
        List.of(audit),
        Map.of(),
        audit.moderation() != null ? audit.moderation().moderatorEmail() : audit.auditorEmail());
    return audit.ref();
  }

  /**
   * Records (or revises) the moderation of an audit. Errors name the fields of the moderation
   * request: {@code grade}, {@code date}, {@code rationale}, {@code factors}, {@code
   * moderatorEmail}.
   */
  @Transactional
  public void moderate(String ref, ModerationDraft moderation) {
    Audit audit = audits.findByRef(ref).orElseThrow(() -> AuditProblem.notFound(ref));
    AuditDraft draft = draftOf(audit.state()).withModeration(moderation);
    List<FieldError> errors = new ArrayList<>();
    ValidAudit valid =
        validator().check(draft, audit.state(), AuditRegister::moderationField, errors);
    if (valid == null) {
      throw AuditProblem.invalid(errors);
    }
    writer.write(
        List.of(valid),
        Map.of(audit.getRef(), audit),
        moderation.moderatorEmail(),
        moderation.factors() != null);
  }

  AuditValidator validator() {
    return new AuditValidator(LocalDate.now(clock), catalogues.factors(), registry.teams());
  }

  /** One audit with its moderation history and its place in the moderation queue. */
  AuditView view(String ref, AuditScope scope) {
    Specification<Audit> byRef = (root, query, cb) -> cb.equal(root.get("ref"), ref);
    Audit audit =
        audits.findOne(byRef.and(visibleTo(scope))).orElseThrow(() -> AuditProblem.notFound(ref));
    AuditView v = views(List.of(audit)).get(0);
    List<Moderation> history = moderations.history(audit.getId());
    List<ModerationRequest> queue = requests.findByAuditIdOrderById(audit.getId());
    Set<Long> ids = new HashSet<>();
    history.forEach(m -> ids.add(m.getModeratorId()));
    queue.stream()
        .map(ModerationRequest::getChallengedBy)
        .filter(Objects::nonNull)
        .forEach(ids::add);
    Map<Long, Person> people = registry.findByIds(ids);
    Function<Long, AuditView.StaffRef> staff = id -> staffRef(id, people);
    return new AuditView(
        v.ref(),
        v.auditDate(),
        v.type(),
        v.theme(),
        v.serviceArea(),
        v.team(),
        v.practitioner(),
        v.teamManager(),
        v.auditor(),
        v.childRef(),
        v.auditorGrade(),
        v.effectiveGrade(),
        v.moderated(),
        v.moderation(),
        v.factors(),
        v.auditorFactors(),
        v.notes(),
        v.createdAt(),
        v.updatedAt(),
        history.stream()
            .map(
                m ->
                    new AuditView.ModerationEntry(
                        staff.apply(m.getModeratorId()),
                        m.getModerationDate(),
                        m.getGrade(),
                        m.getPreviousGrade(),
                        m.getRationale(),
                        m.revisedFactors() == null
                            ? null
                            : List.copyOf(new TreeSet<>(m.revisedFactors())),
                        m.getRecordedAt(),
                        m.getRecordedBy()))
            .toList(),
        queue.stream()
            .map(
                r ->
                    new AuditView.QueueEntry(
                        r.getId(),
                        r.getReason().name(),
                        r.getStatus().name(),
                        r.getSampleMonth(),
                        r.getDueDate(),
                        r.getCreatedAt(),
                        r.getChallengedBy() == null ? null : staff.apply(r.getChallengedBy()),
                        r.getChallengeReasons(),
                        r.getSettledAt(),
                        r.getOutcome() == null ? null : r.getOutcome().name(),
                        r.getGradeBefore(),
                        r.getGradeAfter()))
            .toList());
  }

  private static AuditView.StaffRef staffRef(Long id, Map<Long, Person> people) {
    Person p = people.get(id);
    return p == null
        ? new AuditView.StaffRef(id, null, null)
        : new AuditView.StaffRef(id, p.email(), p.displayName());
  }

  /** One page of the audits the scope allows, filtered; never loads more than the page. */
  AuditPage list(AuditQuery filter, AuditScope scope, int page, int size) {
    Specification<Audit> spec = visibleTo(scope).and(filter.specification());
    Page<Audit> found =
        audits.findAll(
            spec,
            PageRequest.of(
                page, size, Sort.by(Sort.Order.desc("auditDate"), Sort.Order.desc("id"))));
    return new AuditPage(
        views(found.getContent()), page, size, found.getTotalElements(), found.getTotalPages());
  }

  /** Resolves a team filter given as an id or a name. */
  Optional<Long> teamId(String idOrName) {
    return registry.teams().stream()
        .filter(
            t ->
                String.valueOf(t.teamId()).equals(idOrName.strip())
                    || t.teamName().equalsIgnoreCase(idOrName.strip()))
        .map(TeamPlace::teamId)
        .findFirst();
  }

  private static Specification<Audit> visibleTo(AuditScope scope) {
    return (root, query, cb) -> {
      if (scope.all()) {
        return cb.conjunction();
      }
      List<Predicate> allowed = new ArrayList<>();
      if (scope.teamManager()) {
        if (scope.teamId() != null) {
          allowed.add(cb.equal(root.get("teamId"), scope.teamId()));
        }
        allowed.add(cb.equal(root.get("teamManagerId"), scope.staffId()));
      }
      if (scope.practitioner()) {
        allowed.add(cb.equal(root.get("practitionerId"), scope.staffId()));
      }
      return allowed.isEmpty() ? cb.disjunction() : cb.or(allowed.toArray(Predicate[]::new));
    };
  }

  private List<AuditView> views(List<Audit> found) {
    Set<Long> staffIds = new HashSet<>();
    for (Audit audit : found) {
      AuditState s = audit.state();
      staffIds.add(s.facts().practitionerId());
      staffIds.add(s.facts().teamManagerId());
      staffIds.add(s.facts().auditorId());
      if (s.moderated()) {
        staffIds.add(s.moderation().moderatorId());
      }
    }
    Map<Long, Person> people = registry.findByIds(staffIds);
    Map<Long, TeamPlace> teams = teamsById();
    return found.stream().map(a -> view(a, people, teams)).toList();
  }

  private static AuditView view(Audit audit, Map<Long, Person> people, Map<Long, TeamPlace> teams) {
    AuditState s = audit.state();
    AuditFacts f = s.facts();
    TeamPlace team = teams.get(f.teamId());
    Function<Long, AuditView.StaffRef> staff = id -> staffRef(id, people);
    String areaName =
        teams.values().stream()
            .filter(t -> t.serviceAreaId().equals(f.serviceAreaId()))
            .map(TeamPlace::serviceAreaName)
            .findFirst()
            .orElse(null);
    return new AuditView(
        f.ref(),
        f.auditDate(),
        f.type(),
        f.theme(),
        new AuditView.Named(f.serviceAreaId(), areaName),
        new AuditView.Named(f.teamId(), team == null ? null : team.teamName()),
        staff.apply(f.practitionerId()),
        staff.apply(f.teamManagerId()),
        staff.apply(f.auditorId()),
        s.childRef(),
        s.auditorGrade(),
        s.effectiveGrade(),
        s.moderated(),
        s.moderated()
            ? new AuditView.Moderation(
                staff.apply(s.moderation().moderatorId()),
                s.moderation().date(),
                s.moderation().grade(),
                s.moderation().rationale())
            : null,
        List.copyOf(s.effectiveFactorCodes()),
        List.copyOf(s.factorCodes()),
        s.notes(),
        audit.getCreatedAt(),
        audit.getUpdatedAt(),
        null,
        null);
  }

  private Map<Long, TeamPlace> teamsById() {
    return registry.teams().stream().collect(Collectors.toMap(TeamPlace::teamId, t -> t));
  }

  /**
   * A stored audit as a draft again, so that a moderation is checked with every rule an audit must
   * keep.
   */
  private AuditDraft draftOf(AuditState s) {
    AuditFacts f = s.facts();
    Collection<Long> ids =
        new HashSet<>(List.of(f.practitionerId(), f.teamManagerId(), f.auditorId()));
    Map<Long, Person> people = registry.findByIds(ids);
    TeamPlace team = teamsById().get(f.teamId());
    return new AuditDraft(
        f.ref(),
        f.auditDate().toString(),
        f.type().name(),
        f.theme(),
        team.serviceAreaName(),
        team.teamName(),
        people.get(f.practitionerId()).email(),
        null,
        people.get(f.teamManagerId()).email(),
        null,
        s.childRef(),
        people.get(f.auditorId()).email(),
        s.auditorGrade().name(),
        null,
        null,
        null,
        null,
        List.copyOf(s.factorCodes()),
        s.notes());
  }

  private static String moderationField(AuditField field) {
    return switch (field) {
      case MODERATED_GRADE -> "grade";
      case MODERATION_DATE -> "date";
      case MODERATION_RATIONALE -> "rationale";
      default -> field.property();
    };
  }

  /** Audits not moderated yet, or waiting in the moderation queue. */
  enum ModerationFilter {
    UNMODERATED,
    QUEUED
  }

  /**
   * The list's filters: audit months (inclusive), team id, effective grade, type; each optional.
   */
  record AuditQuery(
      YearMonth from,
      YearMonth to,
      Long teamId,
      Grade grade,
      AuditType type,
      ModerationFilter moderation) {

    AuditQuery(YearMonth from, YearMonth to, Long teamId, Grade grade, AuditType type) {
      this(from, to, teamId, grade, type, null);
    }

    Specification<Audit> specification() {
      return (root, query, cb) -> {
        List<Predicate> all = new ArrayList<>();
        if (from != null) {
          all.add(cb.greaterThanOrEqualTo(root.get("auditDate"), from.atDay(1)));
        }
        if (to != null) {
          all.add(cb.lessThanOrEqualTo(root.get("auditDate"), to.atEndOfMonth()));
        }
        if (teamId != null) {
          all.add(cb.equal(root.get("teamId"), teamId));
        }
        if (grade != null) {
          all.add(cb.equal(root.get("effectiveGrade"), grade));
        }
        if (type != null) {
          all.add(cb.equal(root.get("type"), type));
        }
        if (moderation == ModerationFilter.UNMODERATED) {
          all.add(cb.isNull(root.get("moderatedGrade")));
        } else if (moderation == ModerationFilter.QUEUED) {
          var queued = query.subquery(Long.class);
          var request = queued.from(ModerationRequest.class);
          queued
              .select(request.get("auditId"))
              .where(
                  cb.equal(request.get("auditId"), root.get("id")),
                  cb.equal(request.get("status"), ModerationRequest.Status.QUEUED));
          all.add(cb.exists(queued));
        }
        return cb.and(all.toArray(Predicate[]::new));
      };
    }
  }
}
