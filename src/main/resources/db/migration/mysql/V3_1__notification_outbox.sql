-- The email outbox: one row per notification, written in the transaction that caused it, holding everything needed
-- to send it (rendered subject and bodies, the calendar invite). No child data ever reaches it.
create table notification_outbox (
  id               bigint not null auto_increment primary key,
  notification_key varchar(255) collate utf8mb4_bin not null,
  message_id       varchar(200) not null,
  template         varchar(40) not null,
  audit_ref        varchar(100),
  from_address     varchar(254) not null,
  recipient_email  varchar(254) not null,
  recipient_name   varchar(200),
  subject          varchar(300) not null,
  text_body        mediumtext not null,
  html_body        mediumtext not null,
  ics_method       varchar(10),
  ics              mediumtext,
  status           varchar(10) not null,
  attempts         int not null default 0,
  next_attempt_at  datetime(6) not null,
  claimed_by       varchar(100),
  claimed_until    datetime(6),
  last_error       varchar(1000),
  created_at       datetime(6) not null,
  sent_at          datetime(6),
  constraint uk_notification_outbox_key unique (notification_key),
  index ix_notification_outbox_due (status, next_attempt_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
