-- One row per run of the retention purge (README "Retention"): when it ran, the cut-offs it applied and what it
-- removed, for administrators to see at /admin/retention.
create table retention_run (
  id                      bigint not null auto_increment primary key,
  started_at              datetime(6) not null,
  finished_at             datetime(6) not null,
  follow_ups_ended_before datetime(6) not null,
  outbox_sent_before      datetime(6) not null,
  follow_ups_purged       int not null,
  audits_cleared          int not null,
  outbox_bodies_purged    int not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
