-- The escalation ladder's memory: one row per person told of one rung of one follow-up's stage for one due date
-- (a new due date after an extension starts the ladder again), and the daily bundle that told them. A person gets
-- at most one bundle per working day; rungs reached after it wait for the next working day's.
create table escalation_notice (
  id           bigint not null auto_increment primary key,
  notice_key   varchar(255) not null,
  rung_key     varchar(200) not null,
  username     varchar(100) not null,
  follow_up_id bigint not null,
  audit_ref    varchar(100) not null,
  stage        varchar(30) not null,
  due_date     date not null,
  overdue_by   int not null,
  reached_at   datetime(6) not null,
  bundle_key   varchar(255),
  constraint uk_escalation_notice_key unique (notice_key)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_escalation_notice_rung on escalation_notice (rung_key);
create index ix_escalation_notice_person on escalation_notice (username, bundle_key);
