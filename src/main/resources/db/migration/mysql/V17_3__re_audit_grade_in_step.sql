-- A follow-up keeps its effectiveness re-audit's current grade (the audit module's AuditRegraded event), so the
-- follow-up KPIs no longer look thousands of re-audits up by ref (docs/benchmarks.md). Brought in step once here.
create index ix_follow_up_re_audit_ref on follow_up (re_audit_ref);
update follow_up f join audit a on a.ref = f.re_audit_ref
  set f.re_audit_grade = a.effective_grade
  where f.re_audit_ref is not null;
