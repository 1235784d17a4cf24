package org.learningloop.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningloop.directory.internal.ServiceArea;
import org.learningloop.directory.internal.ServiceAreaRepository;
import org.learningloop.directory.internal.Staff;
import org.learningloop.directory.internal.StaffRepository;
import org.learningloop.directory.internal.Team;
import org.learningloop.directory.internal.TeamRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets other modules (the audit import) find people and teams in bulk and add the ones a record
 * names but the directory does not know yet. People added this way have no password, so they cannot
 * sign in until an admin acts.
 */
@Service
@Transactional(readOnly = true)
public class StaffRegistry {

  /** Keeps IN lists well below what any database accepts. */
  private static final int CHUNK = 500;

  private final StaffRepository staff;
  private final TeamRepository teams;
  private final ServiceAreaRepository serviceAreas;

  private final PasswordEncoder passwordEncoder;

  StaffRegistry(
      StaffRepository staff,
      TeamRepository teams,
      ServiceAreaRepository serviceAreas,
      PasswordEncoder passwordEncoder) {
    this.staff = staff;
    this.teams = teams;
    this.serviceAreas = serviceAreas;
    this.passwordEncoder = passwordEncoder;
  }

  /** Every team with its service area; a council has a few hundred at most. */
  public List<TeamPlace> teams() {
    return teams.findAllWithServiceArea().stream().map(TeamPlace::of).toList();
  }

  /** Every service area's name by its id; a council has a handful. */
  public Map<Long, String> serviceAreaNames() {
    Map<Long, String> names = new HashMap<>();
    serviceAreas.findAll().forEach(area -> names.put(area.getId(), area.getName()));
    return names;
  }

  /** People by (normalised) email; unknown emails are simply absent from the answer. */
  public Map<String, Person> findByEmails(Collection<String> emails) {
    List<String> normalised = emails.stream().map(Staff::normaliseEmail).distinct().toList();
    Map<String, Person> found = new HashMap<>();
    for (List<String> chunk : chunks(normalised)) {
      staff.findByEmailIn(chunk).forEach(s -> found.put(s.getEmail(), Person.of(s)));
    }
    return found;
  }

  public Map<Long, Person> findByIds(Collection<Long> ids) {
    Map<Long, Person> found = new HashMap<>();
    for (List<Long> chunk : chunks(ids.stream().distinct().toList())) {
      staff.findAllById(chunk).forEach(s -> found.put(s.getId(), Person.of(s)));
    }
    return found;
  }

  /**
   * The team of that name, created (with its service area, if need be) when unknown.
   *
   * @throws IllegalArgumentException when the team exists under another service area; callers check
   *     first
   */
  @Transactional
  public TeamPlace placeTeam(String serviceAreaName, String teamName) {
    Team team =
        teams
            .findByNameIgnoreCase(teamName.strip())
            .orElseGet(
                () -> {
                  ServiceArea area =
                      serviceAreas
                          .findByNameIgnoreCase(serviceAreaName.strip())
                          .orElseGet(() -> serviceAreas.save(new ServiceArea(serviceAreaName)));
                  return teams.save(new Team(teamName, area));
                });
    if (!team.getServiceArea().getName().equalsIgnoreCase(serviceAreaName.strip())) {
      throw new IllegalArgumentException(
          "Team "
              + team.getName()
              + " belongs to "
              + team.getServiceArea().getName()
              + ", not "
              + serviceAreaName);
    }
    return TeamPlace.of(team);
  }

  /**
   * The person with that email, or a new one with that role, placed in that team (if any) and
   * without a password. An existing person is returned as they are: an import never changes
   * anyone's roles or team.
   *
   * @param name null or blank to derive one from the email ({@code pat.smith@…} becomes "Pat
   *     Smith")
   * @param teamId null to place nobody
   */
  @Transactional
  public Person findOrCreate(String email, String name, Role role, Long teamId) {
    String normalised = Staff.normaliseEmail(email);
    return staff
        .findByEmail(normalised)
        .map(Person::of)
        .orElseGet(
            () -> {
              String displayName =
                  name == null || name.isBlank() ? nameFromEmail(normalised) : name.strip();
              Staff person = new Staff(freeUsername(normalised), normalised, displayName);
              person.grant(role);
              if (teamId != null) {
                person.placeInTeam(teams.getReferenceById(teamId));
              }
              return Person.of(staff.save(person));
            });
  }

  /**
   * Adds the people whose usernames the directory does not know yet, each able to sign in with that
   * password, placed in their team or else their service area; people already there stay as they
   * are. For set-up steps that run before anyone can sign in (the demo users); administrators use
   * {@link StaffAdministration}, which checks what they enter.
   *
   * @return how many were added
   */
  @Transactional
  public int addAbleToSignIn(List<StaffDetails> people, String password) {
    List<StaffDetails> missing =
        people.stream()
            .filter(p -> staff.findByUsername(p.username().toLowerCase(Locale.ROOT)).isEmpty())
            .toList();
    if (missing.isEmpty()) {
      return 0;
    }
    String hash = passwordEncoder.encode(password);
    for (StaffDetails details : missing) {
      Staff person = new Staff(details.username(), details.email(), details.displayName());
      details.roles().forEach(person::grant);
      person.setPasswordHash(hash);
      person.setEnabled(details.enabled());
      if (details.teamId() != null) {
        person.placeInTeam(teams.getReferenceById(details.teamId()));
      } else if (details.serviceAreaId() != null) {
        person.placeInServiceArea(serviceAreas.getReferenceById(details.serviceAreaId()));
      }
      staff.save(person);
    }
    return missing.size();
  }

  /**
   * "pat.o-neil@council.example" becomes "Pat O Neil": readable until someone sets the real name.
   */
  public static String nameFromEmail(String email) {
    String local =
        email.substring(0, Math.max(0, email.indexOf('@'))).replaceAll("[._\\-+0-9]+", " ").strip();
    if (local.isEmpty()) {
      return email;
    }
    StringBuilder name = new StringBuilder();
    for (String word : local.split("\\s+")) {
      name.append(name.isEmpty() ? "" : " ")
          .append(word.substring(0, 1).toUpperCase(Locale.ROOT))
          .append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  private String freeUsername(String email) {
    String base =
        email
            .substring(0, email.indexOf('@'))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]", "");
    if (base.isEmpty()) {
      base = "user";
    }
    base = base.length() > 90 ? base.substring(0, 90) : base;
    String candidate = base;
    for (int n = 2; staff.findByUsername(candidate).isPresent(); n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
