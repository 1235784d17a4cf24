-- The managers' dashboard reads every open follow-up (a large county has a hundred thousand): with this index it reads
-- them from the index alone, in id order, instead of scanning the whole table by its primary key (docs/benchmarks.md).
create index ix_follow_up_open_dashboard on follow_up (status, id, service_area_id, team_id, stage, due_date, created_at,
  allocated_at, closure_proposed_at, closed_at);
