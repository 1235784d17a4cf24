-- Thematic dip samples (a planned look at one theme in a month) and the actions set on a dip sample or on any audit,
-- each followed up by its own small process. Audits belong to a dip sample through their theme column (see the
-- dip-sample module); nothing here points into the audit register's tables.
create table dip_sample (
  id              bigint not null auto_increment primary key,
  ref             varchar(60) collate utf8mb4_bin not null,
  theme           varchar(300) not null,
  sample_month    varchar(7) not null,
  service_area_id bigint not null,
  teams           varchar(1000),
  unit            varchar(20) not null,
  sample_size     int not null,
  auditor         varchar(100) not null,
  findings        varchar(4000),
  created_at      datetime(6) not null,
  version         bigint not null default 0,
  constraint uk_dip_sample_ref unique (ref),
  constraint fk_dip_sample_service_area foreign key (service_area_id) references service_area (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_dip_sample_month on dip_sample (sample_month, theme);

create table action_item (
  id                bigint not null auto_increment primary key,
  source_ref        varchar(100) collate utf8mb4_bin not null,
  dip_sample_id     bigint,
  owner_type        varchar(20) not null,
  owner_name        varchar(300) not null,
  owner_username    varchar(100) not null,
  service_area_id   bigint,
  team_id           bigint,
  description       varchar(2000) not null,
  due_date          date not null,
  status            varchar(30) not null,
  set_by            varchar(100) not null,
  set_at            datetime(6) not null,
  evidence          varchar(4000),
  completed_at      datetime(6),
  verification_due  date,
  verified_by       varchar(100),
  verified_at       datetime(6),
  sent_back_count   int not null default 0,
  last_reason       varchar(2000),
  cancelled_by      varchar(100),
  cancelled_at      datetime(6),
  version           bigint not null default 0,
  constraint fk_action_dip_sample foreign key (dip_sample_id) references dip_sample (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_action_source on action_item (source_ref, id);
create index ix_action_dip_sample on action_item (dip_sample_id, status);
create index ix_action_owner on action_item (owner_username, status);
create index ix_action_status_due on action_item (status, due_date);

-- The action's history: who did what, when, and why.
create table action_event (
  id          bigint not null auto_increment primary key,
  action_id   bigint not null,
  at          datetime(6) not null,
  actor       varchar(100) not null,
  kind        varchar(30) not null,
  note        varchar(4000),
  constraint fk_action_event_action foreign key (action_id) references action_item (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_action_event_action on action_event (action_id, id);

-- The task read model names the action a task is about, as it names the follow-up.
alter table open_task add column action_id bigint;
create index ix_open_task_action on open_task (action_id);

-- Audits of a dip sample are found by their theme column (the dip sample's ref or theme).
create index ix_audit_type_theme on audit (audit_type, theme);
