package org.learningloop.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.learningloop.calendar.WorkingDayCalendar;
import org.learningloop.followup.FollowUpCommand;
import org.learningloop.followup.FollowUpCommands;
import org.learningloop.followup.FollowUps;
import org.learningloop.followup.SupportOwner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A follow-up through our own services, as the API's controllers call them, one transaction per
 * step: opened for an audit graded Inadequate ({@link FollowUps#openFor}), allocated by the PI
 * lead, both conversations scheduled and held, two support items offered, accepted, completed and
 * verified, closure proposed by the officer and signed off by the lead. The audits come from the
 * seeded register: audits without a follow-up, made Inadequate by SQL beforehand ({@link
 * #prepare}).
 */
final class OurLifecycle implements Lifecycle {

  private static final String LEAD = "pi-lead";

  private final FollowUps followUps;
  private final FollowUpCommands commands;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final WorkingDayCalendar calendar;
  private final Deque<String> audits = new ArrayDeque<>();

  OurLifecycle(ApplicationContext app) {
    followUps = app.getBean(FollowUps.class);
    commands = app.getBean(FollowUpCommands.class);
    jdbc = app.getBean(JdbcTemplate.class);
    clock = app.getBean(Clock.class);
    calendar = app.getBean(WorkingDayCalendar.class);
  }

  /**
   * Takes {@code n} register audits graded Requires improvement that have no follow-up and makes
   * them Inadequate (planning as the factor), as moderation would have, without opening anything.
   */
  void prepare(int n) {
    List<Object[]> picked =
        jdbc.query(
            "select a.id, a.ref from audit a left join follow_up f on f.audit_ref = a.ref"
                + " where a.effective_grade = 'REQUIRES_IMPROVEMENT' and a.audit_type = 'DEEP_DIVE'"
                + " and f.id is null order by a.id desc limit ?",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)},
            n);
    for (Object[] audit : picked) {
      jdbc.update(
          "update audit set auditor_grade = 'INADEQUATE', moderated_grade = null, moderator_id = null,"
              + " moderation_date = null, effective_grade = 'INADEQUATE' where id = ?",
          audit[0]);
      jdbc.update(
          "insert into audit_factor (audit_id, factor_code) values (?, 'PLANNING')", audit[0]);
      audits.add((String) audit[1]);
    }
  }

  @Override
  public void run(String key, Steps steps) {
    String ref = audits.remove();
    long[] id = new long[1];
    steps.step(() -> id[0] = followUps.openFor(ref));
    steps.step(
        () ->
            commands.allocate(
                id[0], LEAD, new FollowUpCommand.Allocate(OpenFollowUpSeed.OFFICER, false)));
    List<Long> conversations =
        jdbc.queryForList(
            "select id from follow_up_conversation where follow_up_id = ? order by id",
            Long.class,
            id[0]);
    for (long conversation : conversations) {
      steps.step(
          () ->
              commands.scheduleConversation(
                  id[0],
                  conversation,
                  OpenFollowUpSeed.OFFICER,
                  new FollowUpCommand.Schedule(
                      LocalDateTime.now(clock).minusHours(1).withNano(0), 60, "Room 2")));
      steps.step(
          () ->
              commands.recordConversationHeld(
                  id[0],
                  conversation,
                  OpenFollowUpSeed.OFFICER,
                  new FollowUpCommand.Held("Talked through the plan", "Use the child's words")));
    }
    LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), 20);
    for (int i = 0; i < 2; i++) {
      long[] item = new long[1];
      steps.step(
          () ->
              item[0] =
                  commands.offerSupport(
                      id[0],
                      OpenFollowUpSeed.OFFICER,
                      new FollowUpCommand.OfferSupport(
                          "INDIVIDUAL_COACHING", "Coaching", SupportOwner.PRACTITIONER, due)));
      steps.step(() -> commands.acceptSupport(id[0], item[0], OpenFollowUpSeed.OFFICER));
      steps.step(() -> commands.completeSupport(id[0], item[0], OpenFollowUpSeed.OFFICER));
      steps.step(() -> commands.verifySupport(id[0], item[0], OpenFollowUpSeed.OFFICER));
    }
    steps.step(() -> commands.proposeClosure(id[0], OpenFollowUpSeed.OFFICER));
    steps.step(() -> commands.signOff(id[0], LEAD));
  }
}
