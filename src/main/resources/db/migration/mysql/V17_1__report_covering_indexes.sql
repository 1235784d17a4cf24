-- The follow-up KPIs of a year (README "Reports") read some 30,000 follow-ups' conversations and support items and
-- the current grade of each re-audit, all scattered over their tables: with these indexes each is read from the index
-- alone, not from a table row looked up per item (docs/benchmarks.md: 4.3 s at 1,000,000 audits before).
create index ix_conversation_follow_up_held on follow_up_conversation (follow_up_id, status, attendees, starts_at);
create index ix_support_item_follow_up_tally on support_item (follow_up_id, type_code, state);
create index ix_audit_ref_grade on audit (ref, effective_grade);
