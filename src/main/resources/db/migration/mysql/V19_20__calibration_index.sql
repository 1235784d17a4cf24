-- The auditors' calibration: a period's moderated audits counted by auditor, month and both grades are read from
-- this index alone (a range of audit dates), never from the rows.
create index ix_audit_date_auditor_grades on audit (audit_date, auditor_id, auditor_grade, moderated_grade);
