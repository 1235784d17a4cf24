-- The reports' covering index: a period's deep dives counted by month and both grades (and, through the grades, the
-- inadequate ones joined to their factors) are read from the index alone, never from the rows. Without it a year of
-- 90,000 audits took 2.3 s on MariaDB (a row lookup each); with it 0.3 s.
create index ix_audit_type_date_grades on audit (audit_type, audit_date, auditor_grade, moderated_grade);
