-- A dip sample's audits are those whose theme holds its ref (case-sensitive, like every reference) or its theme: the
-- comparison is byte for byte here as on H2, so a file imports to the same dip samples on either database.
alter table audit modify theme varchar(300) collate utf8mb4_bin;
alter table dip_sample modify theme varchar(300) collate utf8mb4_bin not null;
