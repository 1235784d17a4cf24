package org.learningloop.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.learningloop.calendar.Deadlines;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderation queue: which audits moderators look at, and the grade challenges.
 *
 * <p>The sampling rule ({@link ModerationProperties}): every audit whose auditor's grade is one the
 * rule always moderates joins the queue when it is recorded; after a month ends, a reproducible
 * random share of each auditor's other audits of that month is drawn. The draw ranks an auditor's
 * audits of the month by SHA-256 of {@code <seed>|<YYYY-MM>|<audit ref>} and takes the first {@code
 * ceil(share × n)}: the same audits always give the same sample. An audit selected once stays
 * selected. One already moderated when selected is recorded as such, with nothing to do.
 *
 * <p>Each queued entry is worked through its own process (a task for the moderators' group, with a
 * working-day due date, reminders and the escalation ladder); the first moderation of the audit
 * recorded after it settles it. A challenge is told its outcome.
 */
@Service
@Transactional(readOnly = true)
public class ModerationQueue {

  /** A newly recorded audit, as the sampling rule sees it. */
  record Recorded(
      long auditId, String ref, LocalDate auditDate, Grade auditorGrade, boolean moderated) {}

  /**
   * What one draw found: the month's audits, how many the rule selects, and how many of those this
   * draw added to the queue.
   */
  public record Draw(
      String month, int audits, int selected, int queued, int alreadyModerated, int added) {}

  /**
   * For the escalation ladder: the request's audit, its service area, and the stage code its task
   * serves ({@code MODERATION} for a sampled audit, {@code CHALLENGE_REVIEW} for a challenge).
   */
  public record LadderSubject(long requestId, String auditRef, Long serviceAreaId, String stage) {}

  private final ModerationRequestRepository requests;
  private final AuditRepository audits;
  private final ModerationEngine engine;
  private final ModerationProperties properties;
  private final Deadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final Directory directory;
  private final Notifications notifications;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ModerationQueue(
      ModerationRequestRepository requests,
      AuditRepository audits,
      ModerationEngine engine,
      ModerationProperties properties,
      Deadlines deadlines,
      WorkingDayCalendar calendar,
      Directory directory,
      Notifications notifications,
      JdbcTemplate jdbc,
      Clock clock) {
    this.requests = requests;
    this.audits = audits;
    this.engine = engine;
    this.properties = properties;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.directory = directory;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** New audits: those graded as the rule always moderates join the queue at once. */
  @Transactional(propagation = Propagation.MANDATORY)
  void recorded(List<Recorded> recorded) {
    List<Recorded> always =
        recorded.stream()
            .filter(r -> properties.alwaysModerated().contains(r.auditorGrade()))
            .toList();
    if (always.isEmpty()) {
      return;
    }
    Set<String> taken =
        new HashSet<>(
            requests.selectionKeysIn(always.stream().map(r -> sampleKey(r.auditId())).toList()));
    for (Recorded r : always) {
      if (!taken.contains(sampleKey(r.auditId()))) {
        select(
            r.auditId(),
            r.ref(),
            ModerationRequest.Reason.GRADE,
            YearMonth.from(r.auditDate()),
            r.moderated());
      }
    }
  }

  /**
   * A new moderation of an audit settles every open request of it; a challenger never decides their
   * own challenge.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void moderated(Moderation moderation) {
    Instant now = clock.instant();
    for (ModerationRequest request :
        requests.findByAuditIdAndStatus(moderation.getAuditId(), ModerationRequest.Status.QUEUED)) {
      if (request.getReason() == ModerationRequest.Reason.CHALLENGE
          && moderation.getModeratorId().equals(request.getChallengedBy())) {
        throw AuditProblem.invalid(
            List.of(
                new FieldError(
                    "moderatorEmail",
                    "you challenged this grade yourself: another moderator decides the review")));
      }
      request.settle(moderation.getId(), moderation.getPreviousGrade(), moderation.getGrade(), now);
      engine.settled(request.getId());
    }
  }

  /**
   * Draws a month that has ended: every audit of it graded as the rule always moderates, and the
   * random share of each auditor's others. Drawing a month again selects by the same rule among the
   * audits it has now and adds only what was not selected before.
   *
   * @param by email of whoever drew it, or "schedule"
   */
  @Transactional
  public Draw draw(YearMonth month, String by) {
    YearMonth current = YearMonth.now(clock.withZone(calendar.zone()));
    if (!month.isBefore(current)) {
      throw AuditProblem.invalidQuery(
          List.of(
              new FieldError(
                  "month",
                  "only a month that has ended can be drawn: "
                      + month
                      + " has not ended yet (the latest is "
                      + current.minusMonths(1)
                      + ")")));
    }
    List<AuditRepository.Drawable> population =
        audits.drawable(month.atDay(1), month.atEndOfMonth());
    Map<Long, ModerationRequest.Reason> selected = selection(month, population);
    Map<Long, AuditRepository.Drawable> byId = new LinkedHashMap<>();
    population.forEach(a -> byId.put(a.id(), a));
    Set<String> taken =
        new HashSet<>(
            requests.selectionKeysIn(selected.keySet().stream().map(this::sampleKey).toList()));
    int added = 0;
    int queued = 0;
    int alreadyModerated = 0;
    for (Map.Entry<Long, ModerationRequest.Reason> pick : selected.entrySet()) {
      AuditRepository.Drawable audit = byId.get(pick.getKey());
      if (audit.moderated()) {
        alreadyModerated++;
      } else {
        queued++;
      }
      if (!taken.contains(sampleKey(audit.id()))) {
        select(audit.id(), audit.ref(), pick.getValue(), month, audit.moderated());
        added++;
      }
    }
    recordDraw(month, by, selected.size());
    return new Draw(
        month.toString(), population.size(), selected.size(), queued, alreadyModerated, added);
  }

  /**
   * The month's selection by the rule, by audit id, in the order drawn: the grades always
   * moderated, then each auditor's random share.
   */
  Map<Long, ModerationRequest.Reason> selection(
      YearMonth month, List<AuditRepository.Drawable> population) {
    Map<Long, ModerationRequest.Reason> selected = new LinkedHashMap<>();
    Map<Long, List<AuditRepository.Drawable>> othersByAuditor = new TreeMap<>();
    for (AuditRepository.Drawable audit : population) {
      if (properties.alwaysModerated().contains(audit.auditorGrade())) {
        selected.put(audit.id(), ModerationRequest.Reason.GRADE);
      } else {
        othersByAuditor.computeIfAbsent(audit.auditorId(), k -> new ArrayList<>()).add(audit);
      }
    }
    for (List<AuditRepository.Drawable> others : othersByAuditor.values()) {
      int share = sharePick(others.size());
      others.stream()
          .sorted(
              Comparator.comparing(
                      (AuditRepository.Drawable a) -> rank(month, a.ref()), Long::compareUnsigned)
                  .thenComparing(AuditRepository.Drawable::ref))
          .limit(share)
          .forEach(a -> selected.put(a.id(), ModerationRequest.Reason.RANDOM_SHARE));
    }
    return selected;
  }

  /** How many of an auditor's n other audits of a month are drawn: the share, rounded up. */
  int sharePick(int n) {
    // The product is rounded to 9 places first, so that 0.2 × 5 is 1 and not 1.0000000000000002.
    double exact = Math.round(properties.randomShare() * n * 1e9) / 1e9;
    return (int) Math.min(n, Math.ceil(exact));
  }

  /** An audit's place in its month's draw: the first 8 bytes of the SHA-256 of seed, month, ref. */
  long rank(YearMonth month, String ref) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (properties.sampleSeed() + "|" + month + "|" + ref)
                      .getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Draws the previous month once it has ended and its draw day has come (the configured working
   * day of this month), unless it was drawn already. Returns the draw, when one was made.
   */
  @Transactional
  public Optional<Draw> drawIfDue() {
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    LocalDate drawDay =
        calendar.addWorkingDays(
            calendar.previousWorkingDay(today.withDayOfMonth(1)), properties.drawOnDay());
    YearMonth previous = YearMonth.from(today).minusMonths(1);
    if (today.isBefore(drawDay) || drawn(previous)) {
      return Optional.empty();
    }
    return Optional.of(draw(previous, "schedule"));
  }

  /**
   * Its practitioner or Team Manager asks for a review of an audit's grade, with reasons, within
   * the challenge window: it joins the queue with its own target.
   *
   * @param challenger the signed-in person
   */
  @Transactional
  public void challenge(String ref, Person challenger, String reasons) {
    Audit audit =
        audits
            .findByRef(ref)
            .filter(a -> isPartyTo(a, challenger.id()))
            .orElseThrow(() -> AuditProblem.notFound(ref));
    String text = reasons == null ? "" : reasons.strip();
    if (text.isEmpty() || text.length() > 4000) {
      throw AuditProblem.invalid(
          List.of(
              new FieldError(
                  "reasons",
                  text.isEmpty()
                      ? "say why the grade should be reviewed"
                      : "at most 4,000 characters")));
    }
    LocalDate lastDay = challengeWindowEnds(audit);
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    if (today.isAfter(lastDay)) {
      throw AuditProblem.challengeClosed(ref, lastDay);
    }
    Optional<ModerationRequest> earlier = requests.findBySelectionKey("challenge:" + audit.getId());
    if (earlier.isPresent()) {
      throw AuditProblem.alreadyChallenged(ref, earlier.get().getStatus().open());
    }
    Instant now = clock.instant();
    ModerationRequest request =
        requests.save(
            ModerationRequest.challenge(
                audit.getId(),
                audit.getRef(),
                YearMonth.from(audit.state().auditDate()).toString(),
                challenger.id(),
                text,
                now));
    start(request, deadlines.after(properties.challengeTargetWorkingDays(), now), true);
  }

  /** The last day on which the audit's grade may be challenged. */
  LocalDate challengeWindowEnds(Audit audit) {
    LocalDate recorded = audit.getCreatedAt().atZone(calendar.zone()).toLocalDate();
    LocalDate from =
        audit.state().auditDate().isAfter(recorded) ? audit.state().auditDate() : recorded;
    return calendar.addWorkingDays(from, properties.challengeWindowWorkingDays());
  }

  /** Whether the person is the audit's practitioner or Team Manager. */
  static boolean isPartyTo(Audit audit, Long staffId) {
    AuditFacts f = audit.state().facts();
    return staffId != null
        && (staffId.equals(f.practitionerId()) || staffId.equals(f.teamManagerId()));
  }

  /** The BPMN's service task after a challenge's review: the challenger is told the outcome. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tellOutcome(long requestId) {
    ModerationRequest request = requests.findById(requestId).orElseThrow();
    if (request.getOutcome() == null || request.getChallengedBy() == null) {
      return;
    }
    directory
        .findById(request.getChallengedBy())
        .filter(Person::enabled)
        .ifPresent(
            to ->
                notifications.enqueue(
                    new Notification(
                        "challenge-decided:" + request.getId(),
                        to.email(),
                        to.displayName(),
                        Template.GRADE_CHALLENGE_DECIDED,
                        request.getAuditRef(),
                        null,
                        "/audits/" + request.getAuditRef(),
                        Map.of(Template.Detail.CHALLENGE_OUTCOME, request.getOutcome().name()),
                        null)));
  }

  /**
   * One entry waiting in the queue, as the queue's page and API list it.
   *
   * @param reason {@code GRADE}, {@code RANDOM_SHARE} or {@code CHALLENGE}
   */
  public record Waiting(
      long id,
      String auditRef,
      String reason,
      String month,
      LocalDate dueDate,
      boolean overdue,
      Instant createdAt) {}

  /** One page of what waits for a moderator, soonest due first. */
  public record WaitingPage(
      List<Waiting> items, int page, int size, long totalItems, int totalPages) {}

  public WaitingPage waiting(int page, int size) {
    var found =
        requests.findByStatusOrderByDueDateAscIdAsc(
            ModerationRequest.Status.QUEUED,
            org.springframework.data.domain.PageRequest.of(page, size));
    Instant now = clock.instant();
    return new WaitingPage(
        found.getContent().stream()
            .map(
                r ->
                    new Waiting(
                        r.getId(),
                        r.getAuditRef(),
                        r.getReason().name(),
                        r.getSampleMonth(),
                        r.getDueDate(),
                        r.getDueDate() != null && deadlines.isOverdue(r.getDueDate(), now),
                        r.getCreatedAt()))
            .toList(),
        page,
        size,
        found.getTotalElements(),
        found.getTotalPages());
  }

  /** The months drawn, newest first: when, by whom, how many the last draw selected. */
  public List<Map<String, Object>> draws() {
    return jdbc.queryForList(
        "select sample_month, drawn_at, drawn_by, selected from moderation_draw"
            + " order by sample_month desc limit 24");
  }

  /**
   * Whether the person may challenge the audit's grade now, and until when: empty when they are not
   * its practitioner or Team Manager, when it was challenged already, or when the window has
   * closed.
   */
  public Optional<LocalDate> challengeOpenTo(String ref, Long staffId) {
    return audits
        .findByRef(ref)
        .filter(a -> isPartyTo(a, staffId))
        .filter(a -> requests.findBySelectionKey("challenge:" + a.getId()).isEmpty())
        .map(this::challengeWindowEnds)
        .filter(last -> !LocalDate.now(clock.withZone(calendar.zone())).isAfter(last));
  }

  /** An open request's audit and service area, for the escalation ladder; empty once settled. */
  public Optional<LadderSubject> ladderSubject(long requestId) {
    return requests
        .findById(requestId)
        .filter(r -> r.getStatus().open())
        .flatMap(
            r ->
                audits
                    .findById(r.getAuditId())
                    .map(
                        a ->
                            new LadderSubject(
                                r.getId(),
                                r.getAuditRef(),
                                a.state().facts().serviceAreaId(),
                                stageOf(r.getReason() == ModerationRequest.Reason.CHALLENGE))));
  }

  /** The stage code of a request's task, as task lists, reminders and emails name it. */
  public static String stageOf(boolean challenge) {
    return challenge ? "CHALLENGE_REVIEW" : "MODERATION";
  }

  private void select(
      long auditId,
      String ref,
      ModerationRequest.Reason reason,
      YearMonth month,
      boolean moderated) {
    Instant now = clock.instant();
    ModerationRequest request =
        requests.save(
            ModerationRequest.sampled(auditId, ref, reason, month.toString(), moderated, now));
    if (!moderated) {
      start(request, deadlines.after(properties.targetWorkingDays(), now), false);
    }
  }

  private void start(ModerationRequest request, Instant due, boolean challenge) {
    request.due(deadlines.dueDate(due));
    engine.start(
        new ModerationEngine.Start(request.getId(), request.getAuditRef(), due, challenge));
  }

  private String sampleKey(long auditId) {
    return "sample:" + auditId;
  }

  private boolean drawn(YearMonth month) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from moderation_draw where sample_month = ?",
            Integer.class,
            month.toString());
    return n != null && n > 0;
  }

  private void recordDraw(YearMonth month, String by, int selected) {
    java.sql.Timestamp at =
        java.sql.Timestamp.valueOf(
            java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
    int updated =
        jdbc.update(
            "update moderation_draw set drawn_at = ?, drawn_by = ?, selected = ?,"
                + " version = version + 1 where sample_month = ?",
            at,
            by,
            selected,
            month.toString());
    if (updated == 0) {
      jdbc.update(
          "insert into moderation_draw (sample_month, drawn_at, drawn_by, selected) values (?, ?, ?, ?)",
          month.toString(),
          at,
          by,
          selected);
    }
  }
}
