-- Issue 19: the effectiveness re-audit keeps its meaning.
-- A re-audit that cannot happen (the practitioner has left) ends the re-audit stage with a recorded reason, by whom
-- and when; the follow-up stays CLOSED, at stage DONE, with no re-audit ref.
-- A repeat Inadequate: the follow-up whose re-audit was graded Inadequate is flagged (re_audit_repeat_inadequate),
-- and so is the follow-up that re-audit opened (repeat_of_follow_up_id: the follow-up it re-audited).
alter table follow_up add column re_audit_not_possible_reason varchar(1000);
alter table follow_up add column re_audit_not_possible_by varchar(100);
alter table follow_up add column re_audit_not_possible_at datetime(6);
alter table follow_up add column re_audit_repeat_inadequate boolean not null default false;
alter table follow_up add column repeat_of_follow_up_id bigint;
create index ix_follow_up_repeat_of on follow_up (repeat_of_follow_up_id);
-- Re-audits linked before: brought in step once here.
update follow_up set re_audit_repeat_inadequate = true where re_audit_grade = 'INADEQUATE';
update follow_up b join follow_up a on a.re_audit_ref = b.audit_ref and a.re_audit_grade = 'INADEQUATE'
  set b.repeat_of_follow_up_id = a.id;
