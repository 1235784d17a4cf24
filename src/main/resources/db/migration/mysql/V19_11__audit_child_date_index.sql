-- Issue 19, the repeat-child warning: the other audits of a child dated in the 12 months before an audit are read
-- as a range of this index (EarlierAudits). A child reference is compared byte for byte, like every reference
-- (V8_1): under the table's utf8mb4_unicode_ci "c-1" would be the same child as "C-1".
alter table audit modify child_ref varchar(60) collate utf8mb4_bin not null;
create index ix_audit_child_date on audit (child_ref, audit_date);
