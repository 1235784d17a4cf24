package org.learningloop.audit;

import java.util.EnumSet;
import java.util.Set;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;

/**
 * Which audits someone may read, applied inside the query: QA, PI and senior managers see all; a
 * team manager their team's (and those naming them as manager); a practitioner only audits of their
 * own work. Administrators run the system and see no case data: no audit, unless it is of their own
 * work.
 */
record AuditScope(
    boolean all, Long teamId, Long staffId, boolean teamManager, boolean practitioner) {

  private static final Set<Role> SEE_ALL =
      EnumSet.of(
          Role.AUDITOR,
          Role.MODERATOR,
          Role.PI_LEAD,
          Role.PI_OFFICER,
          Role.SERVICE_MANAGER,
          Role.ASSISTANT_DIRECTOR);

  /**
   * Whether the scope may read an audit of this team, Team Manager and practitioner (the rule the
   * register's queries apply in SQL).
   */
  boolean allows(Long auditTeamId, Long auditTeamManagerId, Long auditPractitionerId) {
    if (all) {
      return true;
    }
    boolean ownTeam =
        teamManager
            && ((teamId != null && teamId.equals(auditTeamId))
                || (staffId != null && staffId.equals(auditTeamManagerId)));
    boolean ownWork = practitioner && staffId != null && staffId.equals(auditPractitionerId);
    return ownTeam || ownWork;
  }

  static AuditScope unrestricted() {
    return new AuditScope(true, null, null, false, false);
  }

  static AuditScope of(Person person) {
    if (person.roles().stream().anyMatch(SEE_ALL::contains)) {
      return unrestricted();
    }
    return new AuditScope(
        false,
        person.teamId(),
        person.id(),
        person.hasRole(Role.TEAM_MANAGER),
        person.hasRole(Role.PRACTITIONER));
  }
}
