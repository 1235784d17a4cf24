-- The audit's date on its follow-up, kept in step by the follow-up module (AuditRedated), so that the follow-up KPIs
-- of a period read a range of ix_follow_up_audit_date instead of every audit of the period. Null only for a
-- follow-up whose audit is not in the register.
alter table follow_up add column audit_date date;
update follow_up set audit_date = (select a.audit_date from audit a where a.ref = follow_up.audit_ref);
create index ix_follow_up_audit_date on follow_up (audit_date);
