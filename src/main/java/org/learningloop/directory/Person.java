package org.learningloop.directory;

import java.util.LinkedHashSet;
import java.util.Set;
import org.learningloop.directory.internal.ServiceArea;
import org.learningloop.directory.internal.Staff;
import org.learningloop.directory.internal.Team;

/**
 * A read-only view of a member of staff, safe to hand to other modules and to keep outside a
 * transaction.
 *
 * @param teamId null for people above teams
 * @param serviceAreaId the team's service area, or the manager's own
 */
public record Person(
    Long id,
    String username,
    String email,
    String displayName,
    Set<Role> roles,
    Long teamId,
    String teamName,
    Long serviceAreaId,
    String serviceAreaName,
    boolean enabled) {

  public Person {
    roles = Set.copyOf(roles);
  }

  static Person of(Staff staff) {
    return new Person(
        staff.getId(),
        staff.getUsername(),
        staff.getEmail(),
        staff.getDisplayName(),
        staff.getRoles(),
        staff.getTeam().map(Team::getId).orElse(null),
        staff.getTeam().map(Team::getName).orElse(null),
        staff.getServiceArea().map(ServiceArea::getId).orElse(null),
        staff.getServiceArea().map(ServiceArea::getName).orElse(null),
        staff.isEnabled());
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** The workflow engine groups this person belongs to: one per role, plus the shared ones. */
  public Set<String> groupIds() {
    Set<String> groups = new LinkedHashSet<>();
    for (Role role : Role.values()) {
      if (roles.contains(role)) {
        groups.add(role.groupId());
      }
    }
    if (roles.stream().anyMatch(Role::isPracticeImprovement)) {
      groups.add(Role.PRACTICE_IMPROVEMENT_GROUP);
    }
    if (roles.contains(Role.ADMIN)) {
      groups.add(Role.ENGINE_ADMIN_GROUP);
    }
    return groups;
  }
}
