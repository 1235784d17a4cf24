-- Catalogues (contributory factors, support types) and the audit register.
create table catalogue_entry (
  id       bigint not null auto_increment primary key,
  kind     varchar(20) not null,
  code     varchar(60) not null,
  label    varchar(200) not null,
  active   boolean not null default true,
  sort_order int not null,
  version  bigint not null default 0,
  constraint uk_catalogue_entry_kind_code unique (kind, code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

insert into catalogue_entry (kind, code, label, active, sort_order) values
  ('FACTOR', 'PERMANENCE_DRIFT_DELAY', 'Drift and delay in achieving permanence', true, 10),
  ('FACTOR', 'ASSESSMENT_QUALITY', 'Lack of timely, thorough assessment with family, partners and the child', true, 20),
  ('FACTOR', 'SIGNIFICANT_HARM_RISK', 'Risk of significant harm, or not enough evidence that it does not apply', true, 30),
  ('FACTOR', 'OVERSIGHT_ESCALATION', 'Ineffective IRO/CP oversight, contact with the child or escalation', true, 40),
  ('FACTOR', 'CHILD_VOICE', 'The child''s voice and lived experience not heard', true, 50),
  ('FACTOR', 'PLANNING', 'Weak or absent planning', true, 60),
  ('FACTOR', 'SUPERVISION', 'Supervision not regular or not reflective', true, 70),
  ('FACTOR', 'RECORDING', 'Recording not up to date or not clear', true, 80),
  ('FACTOR', 'OTHER', 'Other', true, 90),
  ('SUPPORT', 'ASSESSMENT_TRAINING_REFRESH', 'Refresh of assessment training', true, 10),
  ('SUPPORT', 'CARE_PLANNING_VIDEO', 'Review of the care planning video', true, 20),
  ('SUPPORT', 'INDIVIDUAL_COACHING', 'Individual coaching', true, 30),
  ('SUPPORT', 'TEAM_SESSION', 'Team session', true, 40),
  ('SUPPORT', 'OTHER', 'Other', true, 50);

create table audit (
  id                   bigint not null auto_increment primary key,
  ref                  varchar(60) collate utf8mb4_bin not null,
  audit_date           date not null,
  audit_type           varchar(30) not null,
  theme                varchar(300),
  service_area_id      bigint not null,
  team_id              bigint not null,
  practitioner_id      bigint not null,
  team_manager_id      bigint not null,
  auditor_id           bigint not null,
  child_ref            varchar(60) not null,
  auditor_grade        varchar(30) not null,
  moderator_id         bigint,
  moderation_date      date,
  moderated_grade      varchar(30),
  moderation_rationale varchar(4000),
  effective_grade      varchar(30) not null,
  notes                varchar(4000),
  created_at           datetime(6) not null,
  updated_at           datetime(6) not null,
  version              bigint not null default 0,
  constraint uk_audit_ref unique (ref),
  constraint fk_audit_service_area foreign key (service_area_id) references service_area (id),
  constraint fk_audit_team foreign key (team_id) references team (id),
  constraint fk_audit_practitioner foreign key (practitioner_id) references staff (id),
  constraint fk_audit_team_manager foreign key (team_manager_id) references staff (id),
  constraint fk_audit_auditor foreign key (auditor_id) references staff (id),
  constraint fk_audit_moderator foreign key (moderator_id) references staff (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
-- What the list filters and the reports use: period, team, effective grade, type; and the practitioner's own view.
create index ix_audit_date on audit (audit_date, id);
create index ix_audit_team_date on audit (team_id, audit_date);
create index ix_audit_grade_date on audit (effective_grade, audit_date);
create index ix_audit_type_date on audit (audit_type, audit_date);
create index ix_audit_practitioner_date on audit (practitioner_id, audit_date);
create index ix_audit_team_manager_date on audit (team_manager_id, audit_date);

create table audit_factor (
  audit_id    bigint not null,
  factor_code varchar(60) not null,
  primary key (audit_id, factor_code),
  constraint fk_audit_factor_audit foreign key (audit_id) references audit (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_audit_factor_code on audit_factor (factor_code);
