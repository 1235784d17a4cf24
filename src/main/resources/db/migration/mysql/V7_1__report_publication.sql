-- Committee reports published for a period: once each (the unique key turns a second publication away).
create table report_publication (
  id           bigint not null auto_increment primary key,
  period_from  date not null,
  period_to    date not null,
  published_by varchar(100) not null,
  published_at datetime(6) not null,
  constraint uk_report_publication_period unique (period_from, period_to)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
