-- The workflow's read model of open user tasks, kept in step with the engine by a task listener in the engine's
-- transaction; task lists are served from here, not from the engine's candidate-group queries.
create table open_task (
  task_id         varchar(64) not null primary key,
  follow_up_id    bigint,
  audit_ref       varchar(100),
  task_key        varchar(100) not null,
  name            varchar(255),
  assignee        varchar(100),
  candidate_group varchar(100),
  due_at          timestamp(6),
  created_at      timestamp(6) not null
);
create index ix_open_task_mine on open_task (assignee, due_at);
create index ix_open_task_queue on open_task (candidate_group, assignee, created_at);
create index ix_open_task_due on open_task (due_at);
create index ix_open_task_follow_up on open_task (follow_up_id);
