-- The escalation ladder also climbs for actions on dip samples and audits: a notice names the follow-up or the action.
alter table escalation_notice alter column follow_up_id set null;
alter table escalation_notice add column action_id bigint;
create index ix_escalation_notice_action on escalation_notice (action_id);
