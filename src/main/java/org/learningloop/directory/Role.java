package org.learningloop.directory;

import java.util.Locale;

/**
 * What a person does in Learning Loop. Each role is also a group in the workflow engine, named by
 * {@link #groupId()}; PI leads and officers together form the {@link #PRACTICE_IMPROVEMENT_GROUP}
 * whose queue holds new follow-ups.
 */
public enum Role {
  AUDITOR("Auditor"),
  MODERATOR("Moderator"),
  PI_LEAD("Practice Improvement lead"),
  PI_OFFICER("Practice Improvement officer"),
  PRACTITIONER("Practitioner"),
  TEAM_MANAGER("Team Manager"),
  SERVICE_MANAGER("Service Manager"),
  ASSISTANT_DIRECTOR("Assistant Director"),
  ADMIN("Administrator");

  /** Candidate group of the Practice Improvement team's queue: every PI lead and PI officer. */
  public static final String PRACTICE_IMPROVEMENT_GROUP = "practice-improvement";

  /** The engine's own administrators' group: admins only. */
  public static final String ENGINE_ADMIN_GROUP = "camunda-admin";

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The role's group in the workflow engine, e.g. {@code pi-officer}. */
  public String groupId() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Spring Security authority, e.g. {@code ROLE_PI_OFFICER}. */
  public String authority() {
    return "ROLE_" + name();
  }

  public boolean isPracticeImprovement() {
    return this == PI_LEAD || this == PI_OFFICER;
  }
}
