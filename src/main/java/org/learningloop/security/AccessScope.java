package org.learningloop.security;

import java.util.Set;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;

/**
 * What part of the follow-ups and audits a signed-in person may see; feature modules filter their
 * queries by it ({@code switch (scope) { case AccessScope.All a -> ...; case AccessScope.Team t ->
 * where team_id = t.teamId() }}). Someone with several roles gets the widest one (see {@link #of}).
 * Refuse what a scope does not name: {@link None} sees nothing.
 */
public sealed interface AccessScope {

  /** Everything: PI leads and officers (and admins, for admin things only). */
  record All() implements AccessScope {}

  /** Follow-ups of teams in one service area: Service Managers and Assistant Directors. */
  record ServiceArea(long serviceAreaId) implements AccessScope {}

  /** Follow-ups of one team: Team Managers. */
  record Team(long teamId) implements AccessScope {}

  /**
   * The audit register (audits and moderation), not the follow-up case work: auditors and
   * moderators.
   */
  record Register() implements AccessScope {}

  /** Only the person's own follow-ups, as the practitioner: practitioners. */
  record Own(long staffId) implements AccessScope {}

  /**
   * Administration (users, teams, catalogues, the access log), but no case data: admins with no
   * other role.
   */
  record Administration() implements AccessScope {}

  /** Nothing: no role, or a manager not yet placed in a team or service area. */
  record None() implements AccessScope {}

  /**
   * The widest scope the roles give the person: All, then ServiceArea, Team, Register, Own,
   * Administration. A manager whose placement is missing in the directory gets nothing for that
   * role rather than everything.
   */
  static AccessScope of(Person person, Set<Role> roles) {
    if (roles.contains(Role.PI_LEAD) || roles.contains(Role.PI_OFFICER)) {
      return new All();
    }
    if ((roles.contains(Role.SERVICE_MANAGER) || roles.contains(Role.ASSISTANT_DIRECTOR))
        && person.serviceAreaId() != null) {
      return new ServiceArea(person.serviceAreaId());
    }
    if (roles.contains(Role.TEAM_MANAGER) && person.teamId() != null) {
      return new Team(person.teamId());
    }
    if (roles.contains(Role.AUDITOR) || roles.contains(Role.MODERATOR)) {
      return new Register();
    }
    if (roles.contains(Role.PRACTITIONER)) {
      return new Own(person.id());
    }
    if (roles.contains(Role.ADMIN)) {
      return new Administration();
    }
    return new None();
  }
}
