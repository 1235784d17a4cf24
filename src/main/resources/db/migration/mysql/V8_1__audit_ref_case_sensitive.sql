-- Audit references are case-sensitive (audit.ref is utf8mb4_bin: "AUD-1" and "aud-1" are two audits), so every column
-- that holds one compares the same way. Under the tables' default utf8mb4_unicode_ci the follow-up of "aud-1" collided
-- with that of "AUD-1" on uk_follow_up_audit_ref and was never opened. H2 compares strings case-sensitively already.
alter table follow_up
  modify audit_ref varchar(100) collate utf8mb4_bin not null,
  modify re_audit_ref varchar(100) collate utf8mb4_bin;
alter table open_task modify audit_ref varchar(100) collate utf8mb4_bin;
alter table notification_outbox modify audit_ref varchar(100) collate utf8mb4_bin;
