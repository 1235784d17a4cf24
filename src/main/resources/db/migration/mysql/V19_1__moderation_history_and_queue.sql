-- Moderation history: every moderation of an audit is kept (who, when, grade, rationale, and the moderator's own
-- factors when they revised them). The audit's moderation columns hold the latest one, its effective grade follows
-- it, and audit_factor holds the factors the reports count (the latest moderator's revision, else the auditor's).
create table moderation (
  id               bigint not null auto_increment primary key,
  audit_id         bigint not null,
  moderator_id     bigint not null,
  moderation_date  date not null,
  grade            varchar(30) not null,
  previous_grade   varchar(30) not null,
  rationale        varchar(4000),
  factors_revised  boolean not null,
  recorded_at      datetime(6) not null,
  recorded_by      varchar(320) not null,
  constraint fk_moderation_audit foreign key (audit_id) references audit (id) on delete cascade,
  constraint fk_moderation_moderator foreign key (moderator_id) references staff (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_moderation_audit on moderation (audit_id, moderation_date, id);

create table moderation_factor (
  moderation_id bigint not null,
  factor_code   varchar(60) not null,
  primary key (moderation_id, factor_code),
  constraint fk_moderation_factor foreign key (moderation_id) references moderation (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The auditor's own factors, kept beside the moderator's.
create table audit_auditor_factor (
  audit_id    bigint not null,
  factor_code varchar(60) not null,
  primary key (audit_id, factor_code),
  constraint fk_audit_auditor_factor_audit foreign key (audit_id) references audit (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

alter table audit add column moderation_factors_revised boolean not null default false;

-- What was known before: the latest moderation of each moderated audit, and its factors as the auditor's own (an
-- earlier moderator's replacement of the factors cannot be told apart from the auditor's any more).
insert into moderation (audit_id, moderator_id, moderation_date, grade, previous_grade, rationale, factors_revised,
                        recorded_at, recorded_by)
  select a.id, a.moderator_id, a.moderation_date, a.moderated_grade, a.auditor_grade, a.moderation_rationale, false,
         a.updated_at, 'migration'
    from audit a where a.moderated_grade is not null;
insert into audit_auditor_factor (audit_id, factor_code) select audit_id, factor_code from audit_factor;

-- The moderation queue: what the sampling rule selected and the grade challenges, each worked through its own
-- process. A sampled audit is selected once ("sample:<audit id>"); an audit has at most one challenge.
create table moderation_request (
  id               bigint not null auto_increment primary key,
  audit_id         bigint not null,
  audit_ref        varchar(60) collate utf8mb4_bin not null,
  reason           varchar(30) not null,
  selection_key    varchar(80) not null,
  sample_month     varchar(7) not null,
  status           varchar(30) not null,
  due_date         date,
  created_at       datetime(6) not null,
  challenged_by    bigint,
  challenge_reasons varchar(4000),
  settled_at       datetime(6),
  moderation_id    bigint,
  outcome          varchar(30),
  grade_before     varchar(30),
  grade_after      varchar(30),
  version          bigint not null default 0,
  constraint uk_moderation_request_selection unique (selection_key),
  constraint fk_moderation_request_audit foreign key (audit_id) references audit (id) on delete cascade,
  constraint fk_moderation_request_moderation foreign key (moderation_id) references moderation (id),
  constraint fk_moderation_request_challenger foreign key (challenged_by) references staff (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_moderation_request_status on moderation_request (status, due_date, id);
create index ix_moderation_request_audit on moderation_request (audit_id, status);
create index ix_moderation_request_month on moderation_request (sample_month, reason);

-- Each month drawn (by hand or by the monthly schedule): when, by whom, and how many audits the last draw selected.
create table moderation_draw (
  sample_month varchar(7) not null primary key,
  drawn_at     datetime(6) not null,
  drawn_by     varchar(320) not null,
  selected     int not null,
  version      bigint not null default 0
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The task read model and the escalation ladder name the moderation request a task is about.
alter table open_task add column moderation_request_id bigint;
create index ix_open_task_moderation on open_task (moderation_request_id);
alter table escalation_notice add column moderation_request_id bigint;
create index ix_escalation_notice_moderation on escalation_notice (moderation_request_id);
