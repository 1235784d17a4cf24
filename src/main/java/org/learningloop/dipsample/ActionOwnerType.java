package org.learningloop.dipsample;

/**
 * Who an action is for. A practitioner or Team Manager acts themselves; a team acts through its
 * Team Manager, a service area through its Service Manager, and a partner (the IRO service, health,
 * the police) through a named contact who is a member of staff.
 */
public enum ActionOwnerType {
  PRACTITIONER("Practitioner"),
  TEAM_MANAGER("Team Manager"),
  TEAM("Team"),
  SERVICE_AREA("Service area"),
  PARTNER("Partner");

  private final String label;

  ActionOwnerType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
