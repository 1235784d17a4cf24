-- The follow-up of an inadequate audit, its conversations, support items and timeline (who did what, when, why).
create table follow_up (
  id                        bigint not null auto_increment primary key,
  audit_ref                 varchar(100) not null,
  status                    varchar(20) not null,
  stage                     varchar(30) not null,
  practitioner_id           bigint,
  team_manager_id           bigint,
  team_id                   bigint,
  service_area_id           bigint,
  significant_harm_risk     boolean not null,
  officer_username          varchar(100),
  joint_conversation        boolean not null,
  created_at                datetime(6) not null,
  allocated_at              datetime(6),
  allocation_due            date not null,
  conversations_due         date,
  closure_due               date,
  due_date                  date,
  safeguarding_due          date,
  safeguarding_confirmed_at datetime(6),
  safeguarding_confirmed_by varchar(100),
  closure_proposed_by       varchar(100),
  closure_proposed_at       datetime(6),
  closed_by                 varchar(100),
  closed_at                 datetime(6),
  ended_at                  datetime(6),
  end_reason                varchar(2000),
  re_audit_due              date,
  re_audit_ref              varchar(100),
  re_audit_grade            varchar(30),
  version                   bigint not null default 0,
  constraint uk_follow_up_audit_ref unique (audit_ref)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_follow_up_status_due on follow_up (status, due_date);
create index ix_follow_up_practitioner on follow_up (practitioner_id, status);
create index ix_follow_up_team on follow_up (team_id, status);
create index ix_follow_up_service_area on follow_up (service_area_id, status);

create table follow_up_conversation (
  id               bigint not null auto_increment primary key,
  follow_up_id     bigint not null,
  attendees        varchar(20) not null,
  status           varchar(20) not null,
  starts_at        datetime(6),
  duration_minutes int,
  location         varchar(500),
  notes            varchar(4000),
  learning_points  varchar(4000),
  not_held_reason  varchar(1000),
  invite_sequence  int not null,
  version          bigint not null default 0,
  constraint fk_conversation_follow_up foreign key (follow_up_id) references follow_up (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_conversation_follow_up on follow_up_conversation (follow_up_id);

create table support_item (
  id           bigint not null auto_increment primary key,
  follow_up_id bigint not null,
  type_code    varchar(60) not null,
  description  varchar(1000),
  owner        varchar(20) not null,
  due_date     date not null,
  state        varchar(20) not null,
  reason       varchar(1000),
  offered_by   varchar(100) not null,
  offered_at   datetime(6) not null,
  answered_at  datetime(6),
  completed_at datetime(6),
  verified_by  varchar(100),
  verified_at  datetime(6),
  version      bigint not null default 0,
  constraint fk_support_item_follow_up foreign key (follow_up_id) references follow_up (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_support_item_follow_up on support_item (follow_up_id);

create table follow_up_event (
  id           bigint not null auto_increment primary key,
  follow_up_id bigint not null,
  occurred_at  datetime(6) not null,
  actor        varchar(254) not null,
  action       varchar(40) not null,
  detail       varchar(2000),
  constraint fk_follow_up_event_follow_up foreign key (follow_up_id) references follow_up (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_follow_up_event_follow_up on follow_up_event (follow_up_id, occurred_at);
