package org.learningloop.followup;

import java.util.Objects;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;

/**
 * Need to know, field by field (PRODUCT.md): a practitioner sees their own follow-up, but not the
 * notes of the Team Manager's own conversation nor managers' escalation notes. Applied to every
 * reading of one follow-up (its page and the API), after the reader was found allowed to see it.
 */
final class NeedToKnow {

  private NeedToKnow() {}

  /** The follow-up as this reader may see it. */
  static FollowUpDetails forReader(FollowUpDetails details, FollowUp f, Person reader) {
    if (!onlyItsPractitioner(f, reader)) {
      return details;
    }
    return new FollowUpDetails(
        details.id(),
        details.auditRef(),
        details.status(),
        details.stage(),
        details.assignee(),
        details.dueDate(),
        details.overdue(),
        details.createdAt(),
        details.allocatedAt(),
        details.jointConversation(),
        details.safeguarding(),
        details.closure(),
        details.reAudit(),
        details.repeatOf(),
        details.endReason(),
        details.conversations().stream()
            .map(
                c ->
                    c.attendees() == ConversationAttendees.TEAM_MANAGER
                        ? new FollowUpDetails.ConversationView(
                            c.id(),
                            c.attendees(),
                            c.status(),
                            c.startsAt(),
                            c.durationMinutes(),
                            c.location(),
                            null,
                            null,
                            null)
                        : c)
            .toList(),
        details.supportItems(),
        details.timeline().stream()
            .map(
                t ->
                    escalation(t.action())
                        ? new FollowUpDetails.TimelineView(t.at(), t.actor(), t.action(), null)
                        : t)
            .toList());
  }

  /** Whether the action is an escalation, by hand or by the ladder, whose note is the managers'. */
  static boolean escalation(String action) {
    return action != null && action.startsWith("ESCALAT");
  }

  /**
   * Reads it only as its practitioner: not PI staff, not an auditor (re-audits), not its Team
   * Manager nor a manager of its team or service area.
   */
  private static boolean onlyItsPractitioner(FollowUp f, Person reader) {
    if (reader.hasRole(Role.PI_LEAD)
        || reader.hasRole(Role.PI_OFFICER)
        || reader.hasRole(Role.AUDITOR)
        || Objects.equals(reader.id(), f.getTeamManagerId())) {
      return false;
    }
    boolean managesTeam =
        reader.hasRole(Role.TEAM_MANAGER)
            && reader.teamId() != null
            && reader.teamId().equals(f.getTeamId());
    boolean managesArea =
        (reader.hasRole(Role.SERVICE_MANAGER) || reader.hasRole(Role.ASSISTANT_DIRECTOR))
            && reader.serviceAreaId() != null
            && reader.serviceAreaId().equals(f.getServiceAreaId());
    return !managesTeam && !managesArea;
  }
}
