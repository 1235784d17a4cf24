package org.learningloop.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.learningloop.calendar.WorkingDayCalendar;

/**
 * The open follow-ups of a large county, written by bulk SQL straight into the follow-up table and
 * the workflow's read model of open tasks ({@code open_task}), as the engine's task listener keeps
 * it: one open task each. 15% wait for allocation in the Practice Improvement queue, 50% at the
 * conversations, 25% at closure (all three with one of 25 PI officers, {@code pi-officer} among
 * them), 10% for a PI lead's sign-off. About one in twelve is overdue, by up to ten working days;
 * the rest fall due over the next 60 days. Ids start above {@link #FIRST_ID}, well clear of the
 * register's follow-ups.
 */
final class OpenFollowUpSeed {

  static final long FIRST_ID = 20_000_000L;
  static final String OFFICER = "pi-officer";

  private OpenFollowUpSeed() {}

  static void load(Connection c, int followUps, Instant now, WorkingDayCalendar calendar)
      throws SQLException {
    c.setAutoCommit(false);
    SplittableRandom random = new SplittableRandom(20261129L);
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    try (PreparedStatement followUp =
            c.prepareStatement(
                "insert into follow_up (id, audit_ref, audit_date, status, stage, practitioner_id, team_manager_id,"
                    + " team_id, service_area_id, significant_harm_risk, officer_username, joint_conversation,"
                    + " created_at, allocated_at, allocation_due, conversations_due, closure_due, due_date,"
                    + " closure_proposed_by, closure_proposed_at, version)"
                    + " values (?,?,?,'OPEN',?,?,?,?,?,false,?,false,?,?,?,?,?,?,?,?,0)");
        PreparedStatement task =
            c.prepareStatement(
                "insert into open_task (task_id, follow_up_id, audit_ref, task_key, name, assignee,"
                    + " candidate_group, due_at, created_at) values (?,?,?,?,?,?,?,?,?)")) {
      for (int i = 1; i <= followUps; i++) {
        long id = FIRST_ID + i;
        String ref = "OPEN-" + i;
        int team = 1 + random.nextInt(40);
        LocalDate auditDate = today.minusDays(5 + random.nextInt(120));
        LocalDate opened = calendar.addWorkingDays(auditDate, 1);
        int kind = random.nextInt(100);
        String stage;
        String taskKey;
        String taskName;
        String assignee;
        String group;
        if (kind < 15) {
          stage = "ALLOCATION";
          taskKey = "Task_AllocateFollowUp";
          taskName = "Allocate the follow-up";
          assignee = null;
          group = "practice-improvement";
        } else if (kind < 65) {
          stage = "CONVERSATIONS";
          taskKey = kind < 40 ? "Task_ScheduleConversation" : "Task_HoldConversation";
          taskName = kind < 40 ? "Schedule the conversation" : "Record the conversation";
          assignee = officer(random);
          group = "practice-improvement";
        } else if (kind < 90) {
          stage = "CLOSURE";
          taskKey = "Task_ProposeClosure";
          taskName = "Propose closure";
          assignee = officer(random);
          group = "practice-improvement";
        } else {
          stage = "SIGN_OFF";
          taskKey = "Task_SignOffClosure";
          taskName = "Sign off closure";
          assignee = null;
          group = "pi-lead";
        }
        LocalDate due =
            random.nextInt(12) == 0
                ? calendar.subtractWorkingDays(today, 1 + random.nextInt(10))
                : calendar.addWorkingDays(today, 1 + random.nextInt(60));
        Instant dueAt = calendar.endOfWorkingDay(due);
        Instant created = opened.atTime(10, 0).atZone(calendar.zone()).toInstant();
        boolean allocated = !stage.equals("ALLOCATION");
        int p = 1;
        followUp.setLong(p++, id);
        followUp.setString(p++, ref);
        followUp.setObject(p++, auditDate);
        followUp.setString(p++, stage);
        followUp.setLong(p++, 41 + random.nextInt(300));
        followUp.setLong(p++, 1 + team % 40);
        followUp.setLong(p++, team);
        followUp.setLong(p++, 1 + team % 2);
        followUp.setString(p++, allocated ? (assignee == null ? OFFICER : assignee) : null);
        followUp.setObject(p++, utc(created));
        followUp.setObject(p++, allocated ? utc(created.plusSeconds(86_400)) : null);
        followUp.setObject(p++, calendar.addWorkingDays(opened, 2));
        followUp.setObject(p++, allocated ? calendar.addWorkingDays(opened, 21) : null);
        followUp.setObject(p++, allocated ? calendar.addWorkingDays(opened, 61) : null);
        followUp.setObject(p++, due);
        followUp.setString(p++, stage.equals("SIGN_OFF") ? OFFICER : null);
        followUp.setObject(p, stage.equals("SIGN_OFF") ? utc(created.plusSeconds(864_000)) : null);
        followUp.addBatch();
        task.setString(1, "bench-" + i);
        task.setLong(2, id);
        task.setString(3, ref);
        task.setString(4, taskKey);
        task.setString(5, taskName);
        task.setString(6, assignee);
        task.setString(7, group);
        task.setObject(8, utc(dueAt));
        task.setObject(9, utc(created));
        task.addBatch();
        if (i % 5_000 == 0 || i == followUps) {
          followUp.executeBatch();
          task.executeBatch();
          c.commit();
        }
      }
    }
  }

  /** One of 25 officers: the demo user {@code pi-officer} and 24 seeded ones. */
  private static String officer(SplittableRandom random) {
    int n = random.nextInt(25);
    return n == 0 ? OFFICER : "p" + (300 + n);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
