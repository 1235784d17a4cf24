package org.learningloop.dipsample;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.learningloop.audit.AuditStatistics;
import org.learningloop.calendar.Deadlines;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.directory.TeamPlace;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of thematic dip samples: recording one, listing a period's, and one with its audits
 * (found through the audit register's face by their theme column) and how its actions stand.
 */
@Service
@Transactional(readOnly = true)
public class DipSamples implements DipSampleStatistics {

  private final DipSampleRepository samples;
  private final ActionRepository actions;
  private final AuditStatistics audits;
  private final StaffRegistry registry;
  private final Deadlines deadlines;
  private final Validator validator;
  private final Clock clock;

  DipSamples(
      DipSampleRepository samples,
      ActionRepository actions,
      AuditStatistics audits,
      StaffRegistry registry,
      Deadlines deadlines,
      Validator validator,
      Clock clock) {
    this.samples = samples;
    this.actions = actions;
    this.audits = audits;
    this.registry = registry;
    this.deadlines = deadlines;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Records a dip sample, its auditor the one who records it. All or nothing: any field at fault is
   * a 400 naming every one, and nothing is written; a ref already recorded is a 409.
   */
  @Transactional
  public DipSampleView record(DipSampleCommand command, String auditor) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<DipSampleCommand> v : validator.validate(command)) {
      String field = v.getPropertyPath().toString().replaceAll("\\[\\d+]\\.<list element>", "");
      errors.add(new FieldError(field.startsWith("teams") ? "teams" : field, v.getMessage()));
    }
    Long areaId = null;
    if (command.serviceArea() != null && !command.serviceArea().isBlank()) {
      areaId =
          registry.serviceAreaNames().entrySet().stream()
              .filter(e -> e.getValue().equalsIgnoreCase(command.serviceArea().strip()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      if (areaId == null) {
        errors.add(new FieldError("serviceArea", "no such service area"));
      }
    }
    List<String> teams = new ArrayList<>();
    if (areaId != null && command.teams() != null) {
      List<TeamPlace> known = registry.teams();
      for (String name : command.teamNames()) {
        Optional<TeamPlace> team =
            known.stream().filter(t -> t.teamName().equalsIgnoreCase(name)).findFirst();
        if (team.isEmpty() || !team.get().serviceAreaId().equals(areaId)) {
          errors.add(new FieldError("teams", name + " is not a team of " + command.serviceArea()));
        } else {
          teams.add(team.get().teamName());
        }
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
      throw DipSampleProblem.invalid(errors);
    }
    String ref = command.ref().strip();
    if (samples.findByRef(ref).isPresent()) {
      throw DipSampleProblem.alreadyRecorded(ref);
    }
    DipSample sample =
        samples.saveAndFlush(
            new DipSample(
                ref,
                command.theme().strip(),
                YearMonth.parse(command.month()),
                areaId,
                teams,
                command.unit(),
                command.sampleSize(),
                auditor,
                blankToNull(command.findings()),
                clock.instant()));
    return view(sample, registry.serviceAreaNames());
  }

  /** The dip samples of the months, in month then theme order. */
  public List<DipSampleView> list(YearMonth from, YearMonth to) {
    return withFigures(from, to, this::view);
  }

  public DipSampleView get(String ref) {
    return view(find(ref), registry.serviceAreaNames());
  }

  public boolean exists(String ref) {
    return samples.findByRef(ref).isPresent();
  }

  @Override
  public List<DipSampleFigures> inMonths(YearMonth from, YearMonth to) {
    return withFigures(
        from,
        to,
        (s, areas, figures) ->
            new DipSampleFigures(
                s.getRef(),
                s.getTheme(),
                s.getMonth(),
                areas.get(s.getServiceAreaId()),
                s.getUnit(),
                s.getSampleSize(),
                auditRefs(s).size(),
                figures));
  }

  /**
   * What {@link #withFigures} makes of one dip sample, its service areas' names and its figures.
   */
  private interface WithFigures<T> {
    T of(DipSample sample, Map<Long, String> areas, ActionFigures figures);
  }

  /** Each dip sample of the months, in month then theme order, with its actions' figures now. */
  private <T> List<T> withFigures(YearMonth from, YearMonth to, WithFigures<T> as) {
    Map<Long, String> areas = registry.serviceAreaNames();
    List<DipSample> found = inRange(from, to);
    Map<Long, List<Action>> byDipSample = actionsOf(found);
    Instant now = clock.instant();
    return found.stream()
        .map(
            s ->
                as.of(
                    s,
                    areas,
                    ActionFigures.of(
                        byDipSample.getOrDefault(s.getId(), List.of()), deadlines, now)))
        .toList();
  }

  DipSample find(String ref) {
    return samples.findByRef(ref).orElseThrow(() -> DipSampleProblem.notFound(ref));
  }

  Optional<DipSample> findByRef(String ref) {
    return samples.findByRef(ref);
  }

  private List<DipSample> inRange(YearMonth from, YearMonth to) {
    return samples.findByMonthBetweenOrderByMonthAscThemeAscRefAsc(from.toString(), to.toString());
  }

  private Map<Long, List<Action>> actionsOf(List<DipSample> found) {
    if (found.isEmpty()) {
      return Map.of();
    }
    return actions
        .findByDipSampleIdInOrderById(found.stream().map(DipSample::getId).toList())
        .stream()
        .collect(Collectors.groupingBy(Action::getDipSampleId));
  }

  private List<String> auditRefs(DipSample s) {
    return audits.dipSampleAuditRefs(s.getRef(), s.getTheme(), s.getMonth(), s.getServiceAreaId());
  }

  private DipSampleView view(DipSample s, Map<Long, String> areas) {
    return view(
        s,
        areas,
        ActionFigures.of(
            actions.findByDipSampleIdInOrderById(List.of(s.getId())), deadlines, clock.instant()));
  }

  private DipSampleView view(DipSample s, Map<Long, String> areas, ActionFigures figures) {
    List<String> refs = auditRefs(s);
    return new DipSampleView(
        s.getRef(),
        s.getTheme(),
        s.getMonth().toString(),
        areas.get(s.getServiceAreaId()),
        s.getTeams(),
        s.getUnit(),
        s.getSampleSize(),
        s.getAuditor(),
        s.getFindings(),
        refs.size(),
        refs,
        figures);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
