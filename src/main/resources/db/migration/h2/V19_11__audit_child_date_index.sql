-- Issue 19, the repeat-child warning: the other audits of a child dated in the 12 months before an audit are read
-- as a range of this index (EarlierAudits). H2 compares child references byte for byte already.
create index ix_audit_child_date on audit (child_ref, audit_date);
