package org.learningloop.demo;

import java.util.List;
import java.util.Set;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffDetails;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.directory.TeamPlace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final StaffRegistry registry;

  DemoUsers(StaffRegistry registry) {
    this.registry = registry;
  }

  @Transactional
  public void ensurePresent() {
    TeamPlace team = registry.placeTeam(SERVICE_AREA, TEAM);
    List<StaffDetails> people =
        USERS.stream()
            .map(
                user ->
                    new StaffDetails(
                        user.username(),
                        user.username() + "@learningloop.example",
                        user.name(),
                        Set.of(user.role()),
                        user.placement() == Placement.TEAM ? team.teamId() : null,
                        user.placement() == Placement.SERVICE_AREA ? team.serviceAreaId() : null,
                        true))
            .toList();
    int created = registry.addAbleToSignIn(people, PASSWORD);
    if (created > 0) {
      log.info("Created {} demo users (password '{}')", created, PASSWORD);
    }
  }
}
