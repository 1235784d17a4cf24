package org.learningloop.demo;

import java.util.List;
import org.learningloop.directory.Role;
import org.learningloop.directory.ServiceArea;
import org.learningloop.directory.ServiceAreaRepository;
import org.learningloop.directory.Staff;
import org.learningloop.directory.StaffRepository;
import org.learningloop.directory.Team;
import org.learningloop.directory.TeamRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One demo user per role, in one demo service area and team; idempotent, so restarts change
 * nothing.
 */
@Component
public class DemoUsers {

  public static final String PASSWORD = "demo";
  public static final String SERVICE_AREA = "Help and Protect";
  public static final String TEAM = "Help and Protect Team 1";

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private record DemoUser(String username, String name, Role role, Placement placement) {}

  private enum Placement {
    TEAM,
    SERVICE_AREA,
    NONE
  }

  private static final List<DemoUser> USERS =
      List.of(
          new DemoUser("pi-lead", "Priya Lead", Role.PI_LEAD, Placement.NONE),
          new DemoUser("pi-officer", "Owen Officer", Role.PI_OFFICER, Placement.NONE),
          new DemoUser("practitioner", "Pat Practitioner", Role.PRACTITIONER, Placement.TEAM),
          new DemoUser("team-manager", "Tom Manager", Role.TEAM_MANAGER, Placement.TEAM),
          new DemoUser(
              "service-manager", "Sam Manager", Role.SERVICE_MANAGER, Placement.SERVICE_AREA),
          new DemoUser(
              "assistant-director",
              "Alex Director",
              Role.ASSISTANT_DIRECTOR,
              Placement.SERVICE_AREA),
          new DemoUser("auditor", "Aisha Auditor", Role.AUDITOR, Placement.NONE),
          new DemoUser("moderator", "Morgan Moderator", Role.MODERATOR, Placement.NONE),
          new DemoUser("admin", "Ada Admin", Role.ADMIN, Placement.NONE));

  private final StaffRepository staff;
  private final TeamRepository teams;
  private final ServiceAreaRepository serviceAreas;
  private final PasswordEncoder passwordEncoder;

  DemoUsers(
      StaffRepository staff,
      TeamRepository teams,
      ServiceAreaRepository serviceAreas,
      PasswordEncoder passwordEncoder) {
    this.staff = staff;
    this.teams = teams;
    this.serviceAreas = serviceAreas;
    this.passwordEncoder = passwordEncoder;
  }

  @Transactional
  public void ensurePresent() {
    ServiceArea area =
        serviceAreas
            .findByNameIgnoreCase(SERVICE_AREA)
            .orElseGet(() -> serviceAreas.save(new ServiceArea(SERVICE_AREA)));
    Team team = teams.findByNameIgnoreCase(TEAM).orElseGet(() -> teams.save(new Team(TEAM, area)));
    String hash = passwordEncoder.encode(PASSWORD);
    int created = 0;
    for (DemoUser user : USERS) {
      if (staff.findByUsername(user.username()).isPresent()) {
        continue;
      }
      Staff person =
          new Staff(user.username(), user.username() + "@learningloop.example", user.name());
      person.grant(user.role());
      person.setPasswordHash(hash);
      switch (user.placement()) {
        case TEAM -> person.placeInTeam(team);
        case SERVICE_AREA -> person.placeInServiceArea(area);
        case NONE -> {}
      }
      staff.save(person);
      created++;
    }
    if (created > 0) {
      log.info("Created {} demo users (their password is in the README)", created);
    }
  }
}
