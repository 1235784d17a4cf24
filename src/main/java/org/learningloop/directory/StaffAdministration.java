package org.learningloop.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.internal.ServiceArea;
import org.learningloop.directory.internal.ServiceAreaRepository;
import org.learningloop.directory.internal.Staff;
import org.learningloop.directory.internal.StaffRepository;
import org.learningloop.directory.internal.Team;
import org.learningloop.directory.internal.TeamRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How administrators manage people, teams and service areas. Every method needs the admin role. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional
public class StaffAdministration {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final StaffRepository staff;
  private final TeamRepository teams;
  private final ServiceAreaRepository serviceAreas;
  private final PasswordEncoder passwordEncoder;

  StaffAdministration(
      StaffRepository staff,
      TeamRepository teams,
      ServiceAreaRepository serviceAreas,
      PasswordEncoder passwordEncoder) {
    this.staff = staff;
    this.teams = teams;
    this.serviceAreas = serviceAreas;
    this.passwordEncoder = passwordEncoder;
  }

  @Transactional(readOnly = true)
  public Person get(Long id) {
    return Person.of(staff.findById(id).orElseThrow(() -> DirectoryProblem.staffNotFound(id)));
  }

  @Transactional(readOnly = true)
  public List<TeamPlace> teams() {
    return teams.findAll().stream()
        .map(TeamPlace::of)
        .sorted(Comparator.comparing(TeamPlace::serviceAreaName).thenComparing(TeamPlace::teamName))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<ServiceArea> serviceAreas() {
    return serviceAreas.findAll().stream()
        .sorted(Comparator.comparing(ServiceArea::getName))
        .toList();
  }

  public Person create(StaffDetails details) {
    List<FieldError> errors = validate(details, null);
    if (!errors.isEmpty()) {
      throw DirectoryProblem.invalid(errors);
    }
    Staff person = new Staff(details.username(), details.email(), details.displayName());
    apply(person, details);
    return Person.of(staff.save(person));
  }

  public Person update(Long id, StaffDetails details) {
    Staff person = staff.findById(id).orElseThrow(() -> DirectoryProblem.staffNotFound(id));
    List<FieldError> errors = validate(details, person);
    if (!errors.isEmpty()) {
      throw DirectoryProblem.invalid(errors);
    }
    person.rename(details.displayName());
    person.changeEmail(details.email());
    apply(person, details);
    return Person.of(person);
  }

  public void setPassword(Long id, String password) {
    Staff person = staff.findById(id).orElseThrow(() -> DirectoryProblem.staffNotFound(id));
    List<String> problems =
        PasswordPolicy.problems(password, person.getUsername(), person.getEmail());
    if (!problems.isEmpty()) {
      throw DirectoryProblem.invalid(
          problems.stream().map(p -> new FieldError("password", p)).toList());
    }
    person.setPasswordHash(passwordEncoder.encode(password));
  }

  public ServiceArea createServiceArea(String name) {
    if (name == null || name.isBlank()) {
      throw DirectoryProblem.invalid("name", "Enter the service area's name");
    }
    if (serviceAreas.findByNameIgnoreCase(name.strip()).isPresent()) {
      throw DirectoryProblem.invalid("name", "A service area with this name already exists");
    }
    return serviceAreas.save(new ServiceArea(name));
  }

  public TeamPlace createTeam(String name, Long serviceAreaId) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("name", "Enter the team's name"));
    } else if (teams.findByNameIgnoreCase(name.strip()).isPresent()) {
      errors.add(new FieldError("name", "A team with this name already exists"));
    }
    ServiceArea area =
        serviceAreaId == null ? null : serviceAreas.findById(serviceAreaId).orElse(null);
    if (area == null) {
      errors.add(new FieldError("serviceAreaId", "Choose the team's service area"));
    }
    if (!errors.isEmpty()) {
      throw DirectoryProblem.invalid(errors);
    }
    return TeamPlace.of(teams.save(new Team(name, area)));
  }

  private void apply(Staff person, StaffDetails details) {
    for (Role role : Role.values()) {
      if (details.roles().contains(role)) {
        person.grant(role);
      } else {
        person.revoke(role);
      }
    }
    if (details.teamId() != null) {
      person.placeInTeam(
          teams
              .findById(details.teamId())
              .orElseThrow(() -> DirectoryProblem.teamNotFound(details.teamId())));
    } else if (details.serviceAreaId() != null) {
      person.placeInServiceArea(
          serviceAreas
              .findById(details.serviceAreaId())
              .orElseThrow(() -> DirectoryProblem.serviceAreaNotFound(details.serviceAreaId())));
    } else {
      person.placeInTeam(null);
    }
    person.setEnabled(details.enabled());
  }

  private List<FieldError> validate(StaffDetails details, Staff existing) {
    List<FieldError> errors = new ArrayList<>();
    String username =
        details.username() == null ? "" : details.username().strip().toLowerCase(Locale.ROOT);
    if (existing == null) {
      if (!USERNAME.matcher(username).matches()) {
        errors.add(
            new FieldError(
                "username",
                "Enter a username of 2 to 100 lower-case letters, digits, dots, dashes or @"));
      } else if (staff.findByUsername(username).isPresent()) {
        errors.add(new FieldError("username", "This username is taken"));
      }
    }
    String email = details.email() == null ? "" : details.email().strip();
    if (!EMAIL.matcher(email).matches() || email.length() > 254) {
      errors.add(new FieldError("email", "Enter an email address like name@council.gov.uk"));
    } else {
      staff
          .findByEmail(Staff.normaliseEmail(email))
          .filter(other -> existing == null || !other.getId().equals(existing.getId()))
          .ifPresent(
              other -> errors.add(new FieldError("email", "Someone else has this email address")));
    }
    if (details.displayName() == null || details.displayName().isBlank()) {
      errors.add(new FieldError("displayName", "Enter the person's name"));
    } else if (details.displayName().length() > 200) {
      errors.add(new FieldError("displayName", "Enter a name of at most 200 characters"));
    }
    if (details.roles().isEmpty()) {
      errors.add(new FieldError("roles", "Choose at least one role"));
    }
    boolean needsTeam =
        details.roles().contains(Role.PRACTITIONER) || details.roles().contains(Role.TEAM_MANAGER);
    if (needsTeam && details.teamId() == null) {
      errors.add(new FieldError("teamId", "Choose the team of a practitioner or Team Manager"));
    }
    boolean needsServiceArea =
        details.roles().contains(Role.SERVICE_MANAGER)
            || details.roles().contains(Role.ASSISTANT_DIRECTOR);
    if (needsServiceArea && details.teamId() == null && details.serviceAreaId() == null) {
      errors.add(
          new FieldError(
              "serviceAreaId",
              "Choose the service area of a Service Manager or Assistant Director"));
    }
    if (details.teamId() != null && teams.findById(details.teamId()).isEmpty()) {
      errors.add(new FieldError("teamId", "Choose a team from the list"));
    }
    if (details.serviceAreaId() != null
        && serviceAreas.findById(details.serviceAreaId()).isEmpty()) {
      errors.add(new FieldError("serviceAreaId", "Choose a service area from the list"));
    }
    return errors;
  }
}
