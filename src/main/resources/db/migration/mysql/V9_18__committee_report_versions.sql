-- The committee report of a period: a draft prepared by a PI lead, its narrative written by the Assistant Director
-- (one JSON object of section key -> text, the sections being configuration), and its published versions.
create table committee_report (
  id                     bigint not null auto_increment primary key,
  period_from            date not null,
  period_to              date not null,
  meeting_date           date,
  portfolio              varchar(200),
  in_forward_plan        boolean not null default false,
  narrative              longtext not null,
  prepared_by            varchar(100) not null,
  prepared_at            datetime(6) not null,
  narrative_by           varchar(100),
  narrative_at           datetime(6),
  constraint uk_committee_report_period unique (period_from, period_to)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- A published version: an immutable snapshot (figures as JSON, the HTML and the PDF, exactly as published, each with
-- its SHA-256), numbered from 1 per report; a later version says why it was made. Rows are only ever inserted.
create table committee_report_version (
  id                 bigint not null auto_increment primary key,
  report_id          bigint not null,
  version            int not null,
  reason             varchar(2000),
  published_by       varchar(100) not null,
  published_at       datetime(6) not null,
  figures_json       longblob not null,
  figures_sha256     varchar(64) not null,
  html               longblob not null,
  html_sha256        varchar(64) not null,
  pdf                longblob not null,
  pdf_sha256         varchar(64) not null,
  constraint fk_committee_report_version_report foreign key (report_id) references committee_report (id),
  constraint uk_committee_report_version unique (report_id, version)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Publications recorded before versions existed froze nothing: their periods become drafts, to be published properly.
insert into committee_report (period_from, period_to, in_forward_plan, narrative, prepared_by, prepared_at)
select period_from, period_to, false, '{}', published_by, published_at from report_publication;
drop table report_publication;
