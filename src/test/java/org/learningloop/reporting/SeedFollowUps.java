package org.learningloop.reporting;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.learningloop.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Five months of the Practice Improvement team's work on the 21 follow-ups of July–December 2023 in
 * {@link SeedAudits} (the 20 inadequate deep dives and the inadequate dip sample of 5 December,
 * taken in audit-date order as i = 0 … 20), written into the follow-up tables as the follow-up
 * module writes them. Every moment is a number of working days after another, so the figures do not
 * depend on the year the seed is moved to:
 *
 * <ul>
 *   <li>allocated 1 working day after opening (i &lt; 10), 2 (10–17), 4 (18, 19); i = 20 is still
 *       waiting, overdue: median 1.5, 18 of 20 within the target of 2;
 *   <li>the child's safety review confirmed the same day (13–15) or after 3 working days (16, 17):
 *       median 0, 3 of 5;
 *   <li>both conversations held 10 working days after allocation (i &lt; 8), 15 (8, 9), 40 (10–15),
 *       joint for even i, separate for odd: median 12.5, 10 of 16 within 20; 16 and 17 have held
 *       only the Team Manager's;
 *   <li>closed 45 working days after allocation (i &lt; 10) or 70 (10, 11): median 45, 10 of 12
 *       within 60;
 *   <li>re-audits graded Good (0–2), Requires improvement (3, 4), Inadequate (5, a repeat
 *       Inadequate); 6–11 due with the auditors, overdue;
 *   <li>open: closure (12–14) and sign-off (15), overdue; conversations (16, 17 overdue; 19
 *       extended, on time); allocation (20, overdue); 18 withdrawn;
 *   <li>support: assessment training 8 (6 completed, 1 declined, 1 accepted), care planning video 5
 *       (all completed), individual coaching 6 (3 completed, 2 offered, 1 withdrawn), team session
 *       2 (1 completed, 1 accepted).
 * </ul>
 */
final class SeedFollowUps {

  private static final LocalTime MORNING = LocalTime.of(10, 0);

  /** Support items: follow-up index, type, state. */
  private static final List<Object[]> SUPPORT =
      List.of(
          new Object[] {0, "ASSESSMENT_TRAINING_REFRESH", "COMPLETED"},
          new Object[] {1, "ASSESSMENT_TRAINING_REFRESH", "COMPLETED"},
          new Object[] {2, "ASSESSMENT_TRAINING_REFRESH", "COMPLETED"},
          new Object[] {3, "ASSESSMENT_TRAINING_REFRESH", "COMPLETED"},
          new Object[] {4, "ASSESSMENT_TRAINING_REFRESH", "COMPLETED"},
          new Object[] {5, "ASSESSMENT_TRAINING_REFRESH", "COMPLETED"},
          new Object[] {6, "ASSESSMENT_TRAINING_REFRESH", "DECLINED"},
          new Object[] {12, "ASSESSMENT_TRAINING_REFRESH", "ACCEPTED"},
          new Object[] {0, "CARE_PLANNING_VIDEO", "COMPLETED"},
          new Object[] {7, "CARE_PLANNING_VIDEO", "COMPLETED"},
          new Object[] {8, "CARE_PLANNING_VIDEO", "COMPLETED"},
          new Object[] {9, "CARE_PLANNING_VIDEO", "COMPLETED"},
          new Object[] {10, "CARE_PLANNING_VIDEO", "COMPLETED"},
          new Object[] {1, "INDIVIDUAL_COACHING", "COMPLETED"},
          new Object[] {2, "INDIVIDUAL_COACHING", "COMPLETED"},
          new Object[] {11, "INDIVIDUAL_COACHING", "COMPLETED"},
          new Object[] {13, "INDIVIDUAL_COACHING", "OFFERED"},
          new Object[] {14, "INDIVIDUAL_COACHING", "OFFERED"},
          new Object[] {3, "INDIVIDUAL_COACHING", "WITHDRAWN"},
          new Object[] {4, "TEAM_SESSION", "COMPLETED"},
          new Object[] {15, "TEAM_SESSION", "ACCEPTED"});

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;

  private SeedFollowUps(JdbcTemplate jdbc, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** Writes the histories once per database, over the seed moved that many years earlier. */
  static synchronized void ensureWritten(
      JdbcTemplate jdbc, WorkingDayCalendar calendar, int yearsEarlier) {
    new SeedFollowUps(jdbc, calendar).write(yearsEarlier);
  }

  private void write(int yearsEarlier) {
    List<Map<String, Object>> followUps =
        jdbc.queryForList(
            "select f.id, f.significant_harm_risk from audit a join follow_up f on f.audit_ref = a.ref "
                + "where a.audit_date >= ? and a.audit_date <= ? order by a.audit_date, f.id",
            LocalDate.of(2023 - yearsEarlier, 7, 1),
            LocalDate.of(2023 - yearsEarlier, 12, 31));
    if (followUps.size() != 21) {
      throw new IllegalStateException(
          "Expected the seed's 21 follow-ups of July–December, found " + followUps.size());
    }
    long first = ((Number) followUps.get(0).get("id")).longValue();
    Integer written =
        jdbc.queryForObject(
            "select count(*) from support_item where follow_up_id = ?", Integer.class, first);
    if (written != null && written > 0) {
      return;
    }
    LocalDate today = LocalDate.now();
    for (int i = 0; i < followUps.size(); i++) {
      long id = ((Number) followUps.get(i).get("id")).longValue();
      LocalDate opened =
          calendar.addWorkingDays(LocalDate.of(2023 - yearsEarlier, 7, 3).plusDays(i * 7L), 0);
      writeFollowUp(i, id, opened, today);
    }
    for (Object[] s : SUPPORT) {
      long id = ((Number) followUps.get((Integer) s[0]).get("id")).longValue();
      supportItem(id, (String) s[1], (String) s[2], LocalDate.of(2023 - yearsEarlier, 8, 1));
    }
  }

  private void writeFollowUp(int i, long id, LocalDate opened, LocalDate today) {
    Instant created = at(opened);
    jdbc.update(
        "update follow_up set created_at = ?, allocation_due = ?, safeguarding_due = ? where id = ?",
        utc(created),
        calendar.addWorkingDays(opened, 2),
        calendar.addWorkingDays(opened, 1),
        id);
    if (i == 20) {
      jdbc.update(
          "update follow_up set stage = 'ALLOCATION', due_date = allocation_due where id = ?", id);
      return;
    }
    int allocationDays = i < 10 ? 1 : i < 18 ? 2 : 4;
    LocalDate allocated = calendar.addWorkingDays(opened, allocationDays);
    boolean joint = i % 2 == 0;
    jdbc.update(
        "update follow_up set officer_username = 'pi-officer', allocated_at = ?, joint_conversation = ?, "
            + "conversations_due = ?, closure_due = ? where id = ?",
        utc(at(allocated)),
        joint,
        calendar.addWorkingDays(allocated, 20),
        calendar.addWorkingDays(allocated, 60),
        id);
    if (i >= 13 && i <= 17) {
      jdbc.update(
          "update follow_up set safeguarding_confirmed_at = ?, safeguarding_confirmed_by = 'team-manager' where id = ?",
          utc(at(calendar.addWorkingDays(opened, i <= 15 ? 0 : 3))),
          id);
    }
    if (i < 16) {
      LocalDate held = calendar.addWorkingDays(allocated, i < 8 ? 10 : i < 10 ? 15 : 40);
      if (joint) {
        conversation(id, "JOINT", "HELD", held);
      } else {
        conversation(id, "TEAM_MANAGER", "HELD", calendar.subtractWorkingDays(held, 1));
        conversation(id, "PRACTITIONER", "HELD", held);
      }
    } else if (i == 16 || i == 17) {
      conversation(id, "TEAM_MANAGER", "HELD", calendar.addWorkingDays(allocated, 5));
      conversation(id, "PRACTITIONER", "NOT_HELD", calendar.addWorkingDays(allocated, 6));
    }
    if (i < 12) {
      LocalDate closed = calendar.addWorkingDays(allocated, i < 10 ? 45 : 70);
      String grade = i < 3 ? "GOOD" : i < 5 ? "REQUIRES_IMPROVEMENT" : i == 5 ? "INADEQUATE" : null;
      jdbc.update(
          "update follow_up set status = 'CLOSED', stage = ?, closure_proposed_by = 'pi-officer', closure_proposed_at = ?, "
              + "closed_by = 'pi-lead', closed_at = ?, re_audit_due = ?, re_audit_grade = ?, due_date = ?, "
              + "re_audit_repeat_inadequate = ? where id = ?",
          grade == null ? "RE_AUDIT" : "DONE",
          utc(at(closed)),
          utc(at(closed)),
          closed.plusMonths(3),
          grade,
          grade == null ? closed.plusMonths(3) : null,
          "INADEQUATE".equals(grade),
          id);
    } else if (i <= 15) {
      jdbc.update(
          "update follow_up set stage = ?, due_date = closure_due where id = ?",
          i == 15 ? "SIGN_OFF" : "CLOSURE",
          id);
    } else if (i == 18) {
      jdbc.update(
          "update follow_up set status = 'WITHDRAWN', stage = 'ENDED', due_date = null, ended_at = ?, "
              + "end_reason = 'Withdrawn: the practitioner has left the council' where id = ?",
          utc(at(calendar.addWorkingDays(allocated, 3))),
          id);
    } else {
      LocalDate due = i == 19 ? today.plusDays(30) : calendar.addWorkingDays(allocated, 20);
      jdbc.update(
          "update follow_up set stage = 'CONVERSATIONS', conversations_due = ?, due_date = ? where id = ?",
          due,
          due,
          id);
    }
  }

  private void conversation(long followUpId, String attendees, String status, LocalDate day) {
    jdbc.update(
        "insert into follow_up_conversation (follow_up_id, attendees, status, starts_at, duration_minutes, location, notes, "
            + "learning_points, not_held_reason, invite_sequence, version) values (?, ?, ?, ?, 60, 'Team room', ?, ?, ?, 1, 0)",
        followUpId,
        attendees,
        status,
        utc(at(day)),
        status.equals("HELD") ? "Talked through the plan and the child's lived experience." : null,
        status.equals("HELD") ? "Record the reasons for delay; escalate drift." : null,
        status.equals("HELD") ? null : "The practitioner was off sick.");
  }

  private void supportItem(long followUpId, String type, String state, LocalDate due) {
    boolean answered = !state.equals("OFFERED");
    boolean done = state.equals("COMPLETED");
    Instant offered = at(due.minusDays(20));
    jdbc.update(
        "insert into support_item (follow_up_id, type_code, description, owner, due_date, state, reason, offered_by, "
            + "offered_at, answered_at, completed_at, verified_by, verified_at, version) "
            + "values (?, ?, ?, 'PRACTITIONER', ?, ?, ?, 'pi-officer', ?, ?, ?, ?, ?, 0)",
        followUpId,
        type,
        "Agreed in the reflective conversation",
        due,
        state,
        state.equals("DECLINED")
            ? "Attended the same course last month"
            : state.equals("WITHDRAWN") ? "Coach unavailable" : null,
        utc(offered),
        answered ? utc(offered.plusSeconds(86_400)) : null,
        done ? utc(at(due)) : null,
        done ? "pi-officer" : null,
        done ? utc(at(due).plusSeconds(3600)) : null);
  }

  private Instant at(LocalDate day) {
    return day.atTime(MORNING).atZone(calendar.zone()).toInstant();
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * The KPI figures these histories give, whatever the year (the API's answer for July–December).
   */
  static ResultActions expectFigures(ResultActions kpis) throws Exception {
    return kpis.andExpect(jsonPath("$.followUps").value(21))
        .andExpect(jsonPath("$.open").value(8))
        .andExpect(jsonPath("$.closed").value(12))
        .andExpect(jsonPath("$.gradeRevised").value(0))
        .andExpect(jsonPath("$.withdrawn").value(1))
        .andExpect(jsonPath("$.overdue").value(13))
        .andExpect(jsonPath("$.closedWithinTarget").value(10))
        .andExpect(jsonPath("$.closedWithinTargetPercent").value(83.3))
        .andExpect(jsonPath("$.stages[0].stage").value("ALLOCATION"))
        .andExpect(jsonPath("$.stages[0].followUps").value(1))
        .andExpect(jsonPath("$.stages[0].overdue").value(1))
        .andExpect(jsonPath("$.stages[1].stage").value("CONVERSATIONS"))
        .andExpect(jsonPath("$.stages[1].followUps").value(3))
        .andExpect(jsonPath("$.stages[1].overdue").value(2))
        .andExpect(jsonPath("$.stages[2].stage").value("CLOSURE"))
        .andExpect(jsonPath("$.stages[2].followUps").value(3))
        .andExpect(jsonPath("$.stages[2].overdue").value(3))
        .andExpect(jsonPath("$.stages[3].stage").value("SIGN_OFF"))
        .andExpect(jsonPath("$.stages[3].followUps").value(1))
        .andExpect(jsonPath("$.stages[3].overdue").value(1))
        .andExpect(jsonPath("$.stages[4].stage").value("RE_AUDIT"))
        .andExpect(jsonPath("$.stages[4].followUps").value(6))
        .andExpect(jsonPath("$.stages[4].overdue").value(6))
        .andExpect(jsonPath("$.timeliness[0].stage").value("ALLOCATION"))
        .andExpect(jsonPath("$.timeliness[0].reached").value(20))
        .andExpect(jsonPath("$.timeliness[0].medianWorkingDays").value(1.5))
        .andExpect(jsonPath("$.timeliness[0].targetWorkingDays").value(2))
        .andExpect(jsonPath("$.timeliness[0].withinTarget").value(18))
        .andExpect(jsonPath("$.timeliness[0].withinTargetPercent").value(90.0))
        .andExpect(jsonPath("$.timeliness[1].stage").value("SAFEGUARDING_CHECK"))
        .andExpect(jsonPath("$.timeliness[1].reached").value(5))
        .andExpect(jsonPath("$.timeliness[1].medianWorkingDays").value(0.0))
        .andExpect(jsonPath("$.timeliness[1].targetWorkingDays").value(1))
        .andExpect(jsonPath("$.timeliness[1].withinTarget").value(3))
        .andExpect(jsonPath("$.timeliness[2].stage").value("CONVERSATIONS"))
        .andExpect(jsonPath("$.timeliness[2].reached").value(16))
        .andExpect(jsonPath("$.timeliness[2].medianWorkingDays").value(12.5))
        .andExpect(jsonPath("$.timeliness[2].targetWorkingDays").value(20))
        .andExpect(jsonPath("$.timeliness[2].withinTarget").value(10))
        .andExpect(jsonPath("$.timeliness[2].withinTargetPercent").value(62.5))
        .andExpect(jsonPath("$.timeliness[3].stage").value("CLOSURE"))
        .andExpect(jsonPath("$.timeliness[3].reached").value(12))
        .andExpect(jsonPath("$.timeliness[3].medianWorkingDays").value(45.0))
        .andExpect(jsonPath("$.timeliness[3].targetWorkingDays").value(60))
        .andExpect(jsonPath("$.timeliness[3].withinTarget").value(10))
        .andExpect(jsonPath("$.support.length()").value(4))
        .andExpect(jsonPath("$.support[0].type").value("ASSESSMENT_TRAINING_REFRESH"))
        .andExpect(jsonPath("$.support[0].offered").value(8))
        .andExpect(jsonPath("$.support[0].completed").value(6))
        .andExpect(jsonPath("$.support[0].declined").value(1))
        .andExpect(jsonPath("$.support[0].inProgress").value(1))
        .andExpect(jsonPath("$.support[0].completionPercent").value(75.0))
        .andExpect(jsonPath("$.support[1].type").value("CARE_PLANNING_VIDEO"))
        .andExpect(jsonPath("$.support[1].offered").value(5))
        .andExpect(jsonPath("$.support[1].completionPercent").value(100.0))
        .andExpect(jsonPath("$.support[2].type").value("INDIVIDUAL_COACHING"))
        .andExpect(jsonPath("$.support[2].offered").value(6))
        .andExpect(jsonPath("$.support[2].completed").value(3))
        .andExpect(jsonPath("$.support[2].inProgress").value(2))
        .andExpect(jsonPath("$.support[2].withdrawn").value(1))
        .andExpect(jsonPath("$.support[3].type").value("TEAM_SESSION"))
        .andExpect(jsonPath("$.support[3].offered").value(2))
        .andExpect(jsonPath("$.support[3].completed").value(1))
        .andExpect(jsonPath("$.reAudits.awaiting").value(0))
        .andExpect(jsonPath("$.reAudits.due").value(6))
        .andExpect(jsonPath("$.reAudits.recorded").value(6))
        .andExpect(jsonPath("$.reAudits.grades.GOOD").value(3))
        .andExpect(jsonPath("$.reAudits.grades.REQUIRES_IMPROVEMENT").value(2))
        .andExpect(jsonPath("$.reAudits.grades.INADEQUATE").value(1))
        .andExpect(jsonPath("$.reAudits.repeatInadequate").value(1))
        .andExpect(jsonPath("$.reAudits.notPossible").value(0));
  }
}
