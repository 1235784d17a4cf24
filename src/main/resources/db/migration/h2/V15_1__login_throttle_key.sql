-- One row per account or client address that has tried to sign in: a sign-in attempt locks its rows (select ... for
-- update) while it counts the failures in the window and records its own, so parallel attempts against one account,
-- on any node, are counted one after another and the limit holds exactly.
create table login_throttle_key (
  key_type  varchar(20) not null,
  key_value varchar(100) not null,
  primary key (key_type, key_value)
);
