create table service_area (
  id      bigint not null auto_increment primary key,
  name    varchar(200) not null,
  version bigint not null default 0,
  constraint uk_service_area_name unique (name)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table team (
  id              bigint not null auto_increment primary key,
  name            varchar(200) not null,
  service_area_id bigint not null,
  version         bigint not null default 0,
  constraint uk_team_name unique (name),
  constraint fk_team_service_area foreign key (service_area_id) references service_area (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table staff (
  id              bigint not null auto_increment primary key,
  username        varchar(100) not null,
  email           varchar(254) not null,
  display_name    varchar(200) not null,
  team_id         bigint,
  service_area_id bigint,
  password_hash   varchar(200),
  enabled         boolean not null default true,
  version         bigint not null default 0,
  constraint uk_staff_username unique (username),
  constraint uk_staff_email unique (email),
  constraint fk_staff_team foreign key (team_id) references team (id),
  constraint fk_staff_service_area foreign key (service_area_id) references service_area (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table staff_role (
  staff_id bigint not null,
  role     varchar(40) not null,
  primary key (staff_id, role),
  constraint fk_staff_role_staff foreign key (staff_id) references staff (id) on delete cascade,
  index ix_staff_role_role (role)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
