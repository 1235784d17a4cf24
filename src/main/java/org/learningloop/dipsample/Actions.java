package org.learningloop.dipsample;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditSummary;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.Paging;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.directory.TeamPlace;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions set on a dip sample or on an audit, and each step on them. Auditors and PI leads set
 * actions; the owner (or whoever acts for a team, service area or partner) records what was done;
 * the setter or a PI lead verifies it or sends it back, and may cancel it with a reason. Each step
 * moves the action's own process in the same transaction ({@link ActionEngine}).
 *
 * <p>Who sees an action: PI staff, auditors and moderators every one; Service Managers and
 * Assistant Directors their service area's, Team Managers their team's; everyone the actions they
 * own or set. One they may not see does not exist for them (404).
 */
@Service
@Transactional
public class Actions {

  private static final String COLUMNS =
      "select id, source_ref, dip_sample_id, status, owner_type, owner_name, owner_username,"
          + " description, due_date, verification_due, set_by from action_item ";

  private final ActionRepository actions;
  private final ActionEventRepository events;
  private final DipSamples dipSamples;
  private final AuditLookup audits;
  private final Directory directory;
  private final StaffRegistry registry;
  private final Deadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final ActionEngine engine;
  private final Validator validator;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  Actions(
      ActionRepository actions,
      ActionEventRepository events,
      DipSamples dipSamples,
      AuditLookup audits,
      Directory directory,
      StaffRegistry registry,
      Deadlines deadlines,
      WorkingDayCalendar calendar,
      ActionEngine engine,
      Validator validator,
      NamedParameterJdbcTemplate jdbc,
      Clock clock) {
    this.actions = actions;
    this.events = events;
    this.dipSamples = dipSamples;
    this.audits = audits;
    this.directory = directory;
    this.registry = registry;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.engine = engine;
    this.validator = validator;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Where the owner sits, and who acts for them. */
  private record Owner(String name, String username, Long serviceAreaId, Long teamId) {}

  /** Sets an action; all or nothing: every field at fault is named, and nothing is written. */
  public ActionDetails set(ActionCommand.Set command, String setter) {
    Person me = person(setter);
    if (!me.hasRole(Role.AUDITOR) && !me.hasRole(Role.PI_LEAD)) {
      throw ActionProblem.forbidden("Only auditors and PI leads set actions.");
    }
    List<FieldError> errors = violations(command);
    boolean hasSource = command.source() != null && !command.source().isBlank();
    Optional<DipSample> dipSample =
        hasSource ? dipSamples.findByRef(command.source().strip()) : Optional.empty();
    Optional<AuditSummary> audit =
        hasSource && dipSample.isEmpty()
            ? audits.findByRef(command.source().strip())
            : Optional.empty();
    if (hasSource && dipSample.isEmpty() && audit.isEmpty()) {
      errors.add(new FieldError("source", "no such dip sample or audit"));
    }
    Owner owner = null;
    if (command.ownerType() != null && command.owner() != null && !command.owner().isBlank()) {
      owner = owner(command, errors);
    }
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    if (command.dueDate() != null
        && (command.dueDate().isBefore(today) || !calendar.isWorkingDay(command.dueDate()))) {
      errors.add(new FieldError("dueDate", "must be a working day, today or later"));
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
      throw ActionProblem.invalid(errors);
    }
    Long areaId = owner.serviceAreaId();
    Long teamId = owner.teamId();
    if (areaId == null) {
      areaId =
          dipSample
              .map(DipSample::getServiceAreaId)
              .orElseGet(() -> audit.map(a -> a.facts().serviceAreaId()).orElse(null));
    }
    if (teamId == null && command.ownerType() == ActionOwnerType.PARTNER) {
      teamId = audit.map(a -> a.facts().teamId()).orElse(null);
    }
    Instant now = clock.instant();
    Action action =
        actions.saveAndFlush(
            new Action(
                dipSample.map(DipSample::getRef).orElseGet(() -> audit.orElseThrow().facts().ref()),
                dipSample.map(DipSample::getId).orElse(null),
                command.ownerType(),
                owner.name(),
                owner.username(),
                areaId,
                teamId,
                command.description().strip(),
                command.dueDate(),
                setter,
                now));
    record(action, setter, ActionEvent.Kind.SET, null);
    engine.start(
        new ActionEngine.Start(
            action.getId(),
            action.getSourceRef(),
            action.getOwnerUsername(),
            deadlines.endOfDueDate(action.getDueDate()),
            setter));
    return details(action);
  }

  /** The owner (or whoever acts for them) records what was done. */
  public ActionDetails complete(long id, String actor, ActionCommand.Complete command) {
    valid(command);
    Action action = visible(id, actor);
    if (!action.getOwnerUsername().equals(actor)) {
      throw ActionProblem.forbidden(
          "Only " + action.getOwnerUsername() + ", who acts for the owner, records what was done.");
    }
    Instant now = clock.instant();
    Instant verificationDue = deadlines.supportVerificationDue(now);
    action.complete(command.evidence().strip(), now, deadlines.dueDate(verificationDue));
    actions.saveAndFlush(action);
    record(action, actor, ActionEvent.Kind.COMPLETED, command.evidence().strip());
    engine.completed(id, verificationDue);
    return details(action);
  }

  public ActionDetails verify(long id, String actor) {
    Action action = verifiable(id, actor);
    action.verify(actor, clock.instant());
    actions.saveAndFlush(action);
    record(action, actor, ActionEvent.Kind.VERIFIED, null);
    engine.verified(id, true);
    return details(action);
  }

  public ActionDetails sendBack(long id, String actor, ActionCommand.Reason why) {
    valid(why);
    Action action = verifiable(id, actor);
    action.sendBack(why.reason().strip());
    actions.saveAndFlush(action);
    record(action, actor, ActionEvent.Kind.SENT_BACK, why.reason().strip());
    engine.verified(id, false);
    return details(action);
  }

  public ActionDetails cancel(long id, String actor, ActionCommand.Reason why) {
    valid(why);
    Action action = visible(id, actor);
    if (!mayDecide(action, person(actor))) {
      throw ActionProblem.forbidden("Only the auditor who set the action or a PI lead cancels it.");
    }
    action.cancel(actor, why.reason().strip(), clock.instant());
    actions.saveAndFlush(action);
    record(action, actor, ActionEvent.Kind.CANCELLED, why.reason().strip());
    engine.cancelled(id);
    return details(action);
  }

  @Transactional(readOnly = true)
  public ActionDetails get(long id, String actor) {
    return details(visible(id, actor));
  }

  /** What the signed-in person may do with the action now (for the pages' buttons). */
  @Transactional(readOnly = true)
  public Permissions permissions(long id, String actor) {
    Action action = visible(id, actor);
    Person me = person(actor);
    boolean decide = mayDecide(action, me);
    return new Permissions(
        action.getStatus() == ActionStatus.OPEN && action.getOwnerUsername().equals(actor),
        action.getStatus() == ActionStatus.AWAITING_VERIFICATION
            && decide
            && !action.getOwnerUsername().equals(actor),
        action.getStatus().isOpen() && decide);
  }

  /**
   * What the escalation ladder needs of an open action: its source's ref (the emails name it) and
   * the service area whose managers are told. Empty for an action that is no longer open.
   */
  public record LadderSubject(long id, String sourceRef, Long serviceAreaId) {}

  @Transactional(readOnly = true)
  public Optional<LadderSubject> ladderSubject(long id) {
    return actions
        .findById(id)
        .filter(a -> a.getStatus().isOpen())
        .map(a -> new LadderSubject(a.getId(), a.getSourceRef(), a.getServiceAreaId()));
  }

  /**
   * Puts a rung of the escalation ladder on the action's history: when it fell due, who was told.
   */
  public void recordRungReached(
      long id, ActionStage stage, LocalDate dueDate, int overdueBy, String told) {
    events.save(
        new ActionEvent(
            id,
            clock.instant(),
            "system",
            ActionEvent.Kind.ESCALATED,
            (stage == ActionStage.VERIFICATION ? "Verification" : "The owner's action")
                + " due "
                + dueDate
                + ", "
                + overdueBy
                + (overdueBy == 1 ? " working day" : " working days")
                + " overdue: told "
                + told));
  }

  /** What one person may do now with one action. */
  public record Permissions(boolean complete, boolean verify, boolean cancel) {}

  /**
   * The actions the person may see, earliest due first, paged; filtered by status and by source (a
   * dip sample's or audit's ref) when given.
   */
  @Transactional(readOnly = true)
  public ActionPage list(String actor, ActionStatus status, String source, int page, int size) {
    Paging.check(page, size);
    Person me = person(actor);
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("me", me.username())
            .addValue("limit", size)
            .addValue("offset", Paging.offset(page, size));
    StringBuilder where = new StringBuilder("where ").append(scope(me, params));
    if (status != null) {
      where.append(" and status = :status");
      params.addValue("status", status.name());
    }
    if (source != null && !source.isBlank()) {
      where.append(" and source_ref = :source");
      params.addValue("source", source.strip());
    }
    Instant now = clock.instant();
    List<ActionSummary> rows =
        jdbc.query(
            COLUMNS + where + " order by due_date, id limit :limit offset :offset",
            params,
            (rs, i) -> summary(rs, now));
    Long total =
        jdbc.queryForObject("select count(*) from action_item " + where, params, Long.class);
    long count = total == null ? 0 : total;
    return new ActionPage(rows, page, size, count, (int) ((count + size - 1) / size));
  }

  /**
   * What waits for the person: actions they own that are open, and actions they set whose evidence
   * waits for verification; earliest due first.
   */
  @Transactional(readOnly = true)
  public List<ActionSummary> waitingFor(String username) {
    Instant now = clock.instant();
    return jdbc.query(
        COLUMNS
            + "where (owner_username = :me and status = 'OPEN')"
            + " or (set_by = :me and status = 'AWAITING_VERIFICATION')"
            + " order by due_date, id",
        new MapSqlParameterSource("me", username),
        (rs, i) -> summary(rs, now));
  }

  /** Every action on one source (a dip sample's or an audit's ref) the person may see. */
  @Transactional(readOnly = true)
  public List<ActionSummary> on(String source, String actor) {
    return list(actor, null, source, 0, Paging.MAX_SIZE).content();
  }

  /** The open actions the person may see whose current part is overdue, oldest due first. */
  @Transactional(readOnly = true)
  public List<ActionSummary> overdue(String actor) {
    Person me = person(actor);
    MapSqlParameterSource params = new MapSqlParameterSource().addValue("me", me.username());
    Instant now = clock.instant();
    params.addValue("today", LocalDate.now(clock.withZone(calendar.zone())));
    return jdbc
        .query(
            COLUMNS
                + "where "
                + scope(me, params)
                + " and ((status = 'OPEN' and due_date <= :today)"
                + " or (status = 'AWAITING_VERIFICATION' and verification_due <= :today))"
                + " order by due_date, id",
            params,
            (rs, i) -> summary(rs, now))
        .stream()
        .filter(ActionSummary::overdue)
        .toList();
  }

  static boolean overdue(Action a, Deadlines deadlines, Instant now) {
    return overdue(a.getStatus(), a.getDueDate(), a.getVerificationDue(), deadlines, now);
  }

  private static boolean overdue(
      ActionStatus status,
      LocalDate due,
      LocalDate verificationDue,
      Deadlines deadlines,
      Instant now) {
    return switch (status) {
      case OPEN -> deadlines.isOverdue(due, now);
      case AWAITING_VERIFICATION ->
          verificationDue != null && deadlines.isOverdue(verificationDue, now);
      case DONE, CANCELLED -> false;
    };
  }

  /** The rows a person may see, as a condition; adds its parameters. */
  private static String scope(Person me, MapSqlParameterSource params) {
    if (me.hasRole(Role.PI_LEAD)
        || me.hasRole(Role.PI_OFFICER)
        || me.hasRole(Role.AUDITOR)
        || me.hasRole(Role.MODERATOR)) {
      return "1 = 1";
    }
    String own = "(owner_username = :me or set_by = :me)";
    if ((me.hasRole(Role.SERVICE_MANAGER) || me.hasRole(Role.ASSISTANT_DIRECTOR))
        && me.serviceAreaId() != null) {
      params.addValue("area", me.serviceAreaId());
      return "(service_area_id = :area or " + own + ")";
    }
    if (me.hasRole(Role.TEAM_MANAGER) && me.teamId() != null) {
      params.addValue("team", me.teamId());
      return "(team_id = :team or " + own + ")";
    }
    return own;
  }

  private boolean mayView(Action a, Person me) {
    if (me.hasRole(Role.PI_LEAD)
        || me.hasRole(Role.PI_OFFICER)
        || me.hasRole(Role.AUDITOR)
        || me.hasRole(Role.MODERATOR)
        || a.getOwnerUsername().equals(me.username())
        || a.getSetBy().equals(me.username())) {
      return true;
    }
    if ((me.hasRole(Role.SERVICE_MANAGER) || me.hasRole(Role.ASSISTANT_DIRECTOR))
        && me.serviceAreaId() != null
        && me.serviceAreaId().equals(a.getServiceAreaId())) {
      return true;
    }
    return me.hasRole(Role.TEAM_MANAGER)
        && me.teamId() != null
        && me.teamId().equals(a.getTeamId());
  }

  /** The setter or a PI lead. */
  private static boolean mayDecide(Action a, Person me) {
    return a.getSetBy().equals(me.username()) || me.hasRole(Role.PI_LEAD);
  }

  private Action visible(long id, String actor) {
    Action action = actions.findById(id).orElseThrow(() -> ActionProblem.notFound(id));
    if (!mayView(action, person(actor))) {
      throw ActionProblem.notFound(id);
    }
    return action;
  }

  private Action verifiable(long id, String actor) {
    Action action = visible(id, actor);
    if (!mayDecide(action, person(actor))) {
      throw ActionProblem.forbidden(
          "Only the auditor who set the action or a PI lead verifies it or sends it back.");
    }
    if (action.getOwnerUsername().equals(actor)) {
      throw ActionProblem.forbidden("Someone other than its owner verifies an action.");
    }
    return action;
  }

  private Person person(String username) {
    return directory
        .findByUsername(username)
        .filter(Person::enabled)
        .orElseThrow(() -> ActionProblem.forbidden("You are not an enabled member of staff."));
  }

  private Owner owner(ActionCommand.Set command, List<FieldError> errors) {
    String owner = command.owner().strip();
    switch (command.ownerType()) {
      case PRACTITIONER, TEAM_MANAGER -> {
        Role role =
            command.ownerType() == ActionOwnerType.PRACTITIONER
                ? Role.PRACTITIONER
                : Role.TEAM_MANAGER;
        Optional<Person> p =
            directory.findByEmail(owner).filter(Person::enabled).filter(x -> x.hasRole(role));
        if (p.isEmpty()) {
          errors.add(
              new FieldError(
                  "owner", "no " + role.label() + " with this email address can sign in"));
          return null;
        }
        return new Owner(
            p.get().email(), p.get().username(), p.get().serviceAreaId(), p.get().teamId());
      }
      case TEAM -> {
        Optional<TeamPlace> team =
            registry.teams().stream().filter(t -> t.teamName().equalsIgnoreCase(owner)).findFirst();
        if (team.isEmpty()) {
          errors.add(new FieldError("owner", "no such team"));
          return null;
        }
        Optional<Person> manager =
            firstWithRole(Role.TEAM_MANAGER, p -> team.get().teamId().equals(p.teamId()));
        if (manager.isEmpty()) {
          errors.add(new FieldError("owner", "the team has no Team Manager to act for it"));
          return null;
        }
        return new Owner(
            team.get().teamName(),
            manager.get().username(),
            team.get().serviceAreaId(),
            team.get().teamId());
      }
      case SERVICE_AREA -> {
        Optional<Map.Entry<Long, String>> area =
            registry.serviceAreaNames().entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(owner))
                .findFirst();
        if (area.isEmpty()) {
          errors.add(new FieldError("owner", "no such service area"));
          return null;
        }
        Optional<Person> manager =
            firstWithRole(Role.SERVICE_MANAGER, p -> area.get().getKey().equals(p.serviceAreaId()));
        if (manager.isEmpty()) {
          errors.add(
              new FieldError("owner", "the service area has no Service Manager to act for it"));
          return null;
        }
        return new Owner(
            area.get().getValue(), manager.get().username(), area.get().getKey(), null);
      }
      case PARTNER -> {
        if (command.contact() == null || command.contact().isBlank()) {
          errors.add(
              new FieldError(
                  "contact", "enter the email of the member of staff who acts for the partner"));
          return null;
        }
        Optional<Person> contact =
            directory.findByEmail(command.contact().strip()).filter(Person::enabled);
        if (contact.isEmpty()) {
          errors.add(new FieldError("contact", "no member of staff with this email can sign in"));
          return null;
        }
        return new Owner(owner, contact.get().username(), null, null);
      }
      default -> throw new IllegalStateException("unknown owner type " + command.ownerType());
    }
  }

  private Optional<Person> firstWithRole(Role role, java.util.function.Predicate<Person> where) {
    return directory.withRole(role).stream()
        .filter(Person::enabled)
        .filter(where)
        .min(Comparator.comparing(Person::username));
  }

  private void record(Action action, String actor, ActionEvent.Kind kind, String note) {
    events.save(new ActionEvent(action.getId(), clock.instant(), actor, kind, note));
  }

  private List<FieldError> violations(ActionCommand command) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<ActionCommand> v : validator.validate(command)) {
      errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
    }
    return errors;
  }

  private void valid(ActionCommand command) {
    List<FieldError> errors = violations(command);
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
      throw ActionProblem.invalid(errors);
    }
  }

  ActionDetails details(Action a) {
    List<ActionDetails.Event> history =
        events.findByActionIdOrderByIdAsc(a.getId()).stream()
            .map(
                e ->
                    new ActionDetails.Event(
                        e.getAt(), e.getActor(), e.getKind().name(), e.getNote()))
            .toList();
    return new ActionDetails(
        a.getId(),
        a.getSourceRef(),
        a.getDipSampleId() == null
            ? ActionSummary.SourceType.AUDIT
            : ActionSummary.SourceType.DIP_SAMPLE,
        a.getStatus(),
        a.getOwnerType(),
        a.getOwnerName(),
        a.getOwnerUsername(),
        a.getDescription(),
        a.getDueDate(),
        overdue(a, deadlines, clock.instant()),
        a.getSetBy(),
        a.getSetAt(),
        a.getEvidence(),
        a.getCompletedAt(),
        a.getVerificationDue(),
        a.getVerifiedBy(),
        a.getVerifiedAt(),
        a.getSentBackCount(),
        a.getLastReason(),
        history);
  }

  private ActionSummary summary(ResultSet rs, Instant now) throws SQLException {
    ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
    LocalDate due = rs.getObject("due_date", LocalDate.class);
    LocalDate verificationDue = rs.getObject("verification_due", LocalDate.class);
    rs.getLong("dip_sample_id");
    boolean onAudit = rs.wasNull();
    return new ActionSummary(
        rs.getLong("id"),
        rs.getString("source_ref"),
        onAudit ? ActionSummary.SourceType.AUDIT : ActionSummary.SourceType.DIP_SAMPLE,
        status,
        ActionOwnerType.valueOf(rs.getString("owner_type")),
        rs.getString("owner_name"),
        rs.getString("owner_username"),
        rs.getString("description"),
        due,
        verificationDue,
        overdue(status, due, verificationDue, deadlines, now),
        rs.getString("set_by"));
  }
}
