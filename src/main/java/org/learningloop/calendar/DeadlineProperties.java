package org.learningloop.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.validation.annotation.Validated;

/**
 * Targets of the follow-up process, in working days (the follow-up's stages say where each count
 * starts). Defaults are in {@code application.yml}; a missing or inconsistent value stops the
 * application at start-up.
 *
 * @param allocation from the follow-up's creation until a PI officer is allocated
 * @param safeguardingConfirmation from the follow-up's creation until the Team Manager confirms the
 *     child's safety
 * @param conversationsHeld from allocation until both conversations are held
 * @param closure from allocation until the loop is closed
 * @param conversationOutcome from the end of a conversation until its outcome is recorded
 * @param supportVerification from a support item's completion until the PI officer verifies it
 * @param reAuditWindow from the day the effectiveness re-audit falls due until it must be recorded
 * @param reminderLead how many working days before the due date reminders start (0: on the due date
 *     only)
 * @param escalation the escalation ladder, first rung first
 * @param reAuditAfter how long after closure the effectiveness re-audit falls due
 * @param digestTime when the daily reminder digest goes out, on working days
 */
@Validated
@ConfigurationProperties("learning-loop.deadlines")
public record DeadlineProperties(
    @NotNull @PositiveOrZero Integer allocation,
    @NotNull @PositiveOrZero Integer safeguardingConfirmation,
    @NotNull @PositiveOrZero Integer conversationsHeld,
    @NotNull @PositiveOrZero Integer closure,
    @NotNull @PositiveOrZero Integer conversationOutcome,
    @NotNull @PositiveOrZero Integer supportVerification,
    @NotNull @PositiveOrZero Integer reAuditWindow,
    @NotNull @PositiveOrZero Integer reminderLead,
    @NotEmpty List<@NotNull @Valid EscalationRung> escalation,
    @NotNull Period reAuditAfter,
    @NotNull @DateTimeFormat(iso = ISO.TIME) LocalTime digestTime) {

  public DeadlineProperties {
    escalation =
        escalation == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(escalation));
  }

  /**
   * One rung of the ladder.
   *
   * @param overdueBy working days past the due date when this rung is told
   * @param recipients who is told
   */
  public record EscalationRung(
      @NotNull @PositiveOrZero Integer overdueBy,
      @NotEmpty List<@NotNull EscalationRecipient> recipients) {

    public EscalationRung {
      recipients =
          recipients == null
              ? List.of()
              : Collections.unmodifiableList(new ArrayList<>(recipients));
    }

    @AssertTrue(message = "a rung names each recipient once")
    boolean isWithoutRepeats() {
      return recipients.stream().distinct().count() == recipients.size();
    }
  }

  @AssertTrue(
      message = "closure must not come before conversations-held: both count from allocation")
  boolean isClosureAfterConversations() {
    return closure == null || conversationsHeld == null || closure >= conversationsHeld;
  }

  @AssertTrue(
      message =
          "escalation rungs must come in order: each later rung strictly more working days overdue than the one"
              + " before it, and telling only people more senior than every recipient of the rungs before it"
              + " (ASSIGNEE < PI_LEAD < SERVICE_MANAGER < ASSISTANT_DIRECTOR)")
  boolean isEscalationInOrder() {
    Integer previousOverdueBy = null;
    int mostSeniorSoFar = -1;
    for (EscalationRung rung : escalation) {
      if (rung == null
          || rung.overdueBy() == null
          || rung.recipients().stream().anyMatch(Objects::isNull)) {
        continue; // reported by the field constraints
      }
      if (previousOverdueBy != null && rung.overdueBy() <= previousOverdueBy) {
        return false;
      }
      for (EscalationRecipient recipient : rung.recipients()) {
        if (recipient.seniority() <= mostSeniorSoFar) {
          return false;
        }
      }
      previousOverdueBy = rung.overdueBy();
      mostSeniorSoFar =
          rung.recipients().stream()
              .mapToInt(EscalationRecipient::seniority)
              .max()
              .orElse(mostSeniorSoFar);
    }
    return true;
  }

  @AssertTrue(message = "re-audit-after must be a positive period, e.g. P3M")
  boolean isReAuditAfterPositive() {
    return reAuditAfter == null || (!reAuditAfter.isNegative() && !reAuditAfter.isZero());
  }
}
