-- A follow-up keeps its effectiveness re-audit's current grade (the audit module's AuditRegraded event), so the
-- follow-up KPIs no longer look thousands of re-audits up by ref (docs/benchmarks.md). Brought in step once here.
create index ix_follow_up_re_audit_ref on follow_up (re_audit_ref);
update follow_up f
  set re_audit_grade = (select a.effective_grade from audit a where a.ref = f.re_audit_ref)
  where f.re_audit_ref is not null and exists (select 1 from audit a where a.ref = f.re_audit_ref);
