-- The demo story's marker (embedded default only; empty elsewhere): one row, written when the story starts and
-- finished when all of it is written, so that a restart (whatever its clock says) adds nothing and a story cut off
-- half-way is reported rather than written twice.
create table demo_story (
  id          int not null primary key,
  seed        bigint not null,
  story_from  datetime(6) not null,
  story_to    datetime(6) not null,
  started_at  datetime(6) not null,
  finished_at datetime(6) null
);
