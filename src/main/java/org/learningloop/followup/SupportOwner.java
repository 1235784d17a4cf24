package org.learningloop.followup;

/** Who accepts and completes a support item; for the whole team, its Team Manager answers. */
public enum SupportOwner {
  PRACTITIONER,
  TEAM_MANAGER,
  WHOLE_TEAM
}
