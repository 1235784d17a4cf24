-- Failed sign-ins, one row per failure: counted per account and per client address over a window, so lock-out works
-- across several app nodes sharing this database. A successful sign-in deletes its account's rows.
create table login_failure (
  id        bigint not null auto_increment primary key,
  key_type  varchar(20) not null,
  key_value varchar(100) not null,
  failed_at datetime(6) not null,
  index ix_login_failure_key (key_type, key_value, failed_at),
  index ix_login_failure_failed_at (failed_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Append-only record of who viewed or did what to children's data, and of sign-in events.
create table access_log (
  id            bigint not null auto_increment primary key,
  occurred_at   datetime(6) not null,
  principal     varchar(100) not null,
  action        varchar(60) not null,
  resource_type varchar(60) not null,
  resource_id   varchar(100),
  index ix_access_log_occurred_at (occurred_at),
  index ix_access_log_principal (principal, occurred_at),
  index ix_access_log_resource (resource_type, resource_id, occurred_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The database itself refuses to change a row, and refuses to delete one unless the retention purge has named, in
-- this session, a cut-off the row is older than (@access_log_purge_before, set and cleared by AccessLogRetention).
DELIMITER $$
create trigger trg_access_log_no_update before update on access_log for each row
begin
  signal sqlstate '45000' set message_text = 'access_log is append-only: rows cannot be changed';
end$$

create trigger trg_access_log_no_delete before delete on access_log for each row
begin
  if @access_log_purge_before is null or old.occurred_at >= @access_log_purge_before then
    signal sqlstate '45000' set message_text = 'access_log is append-only: only the retention purge deletes, and only expired rows';
  end if;
end$$
DELIMITER ;
