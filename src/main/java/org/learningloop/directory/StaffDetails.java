package org.learningloop.directory;

import java.util.Set;

/**
 * What an administrator enters for a member of staff.
 *
 * @param teamId the team, for practitioners and Team Managers; or null
 * @param serviceAreaId the service area, for managers above teams; ignored when a team is given
 */
public record StaffDetails(
    String username,
    String email,
    String displayName,
    Set<Role> roles,
    Long teamId,
    Long serviceAreaId,
    boolean enabled) {

  public StaffDetails {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }
}
