package org.learningloop.directory;

import org.learningloop.directory.internal.Team;

/** A team with its service area, for lists and choices. */
public record TeamView(Long id, String name, Long serviceAreaId, String serviceAreaName) {

  static TeamView of(Team team) {
    return new TeamView(
        team.getId(),
        team.getName(),
        team.getServiceArea().getId(),
        team.getServiceArea().getName());
  }
}
