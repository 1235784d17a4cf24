package org.learningloop.directory;

import org.learningloop.directory.internal.Team;

/** A team and the service area it belongs to, as other modules see them. */
public record TeamPlace(Long teamId, String teamName, Long serviceAreaId, String serviceAreaName) {

  static TeamPlace of(Team team) {
    return new TeamPlace(
        team.getId(),
        team.getName(),
        team.getServiceArea().getId(),
        team.getServiceArea().getName());
  }
}
