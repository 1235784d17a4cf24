-- Audit references are case-sensitive everywhere (V8_1): the escalation ladder's memory names the audit too.
alter table escalation_notice modify audit_ref varchar(100) collate utf8mb4_bin not null;
