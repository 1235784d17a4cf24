package org.learningloop.followup;

/** Who a reflective conversation is with; a joint one counts for both. */
public enum ConversationAttendees {
  TEAM_MANAGER,
  PRACTITIONER,
  JOINT
}
