package org.learningloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.learningloop.common.DomainException;

/**
 * The follow-up aggregate on its own, without Spring or a database: which transitions it allows
 * from where, which it refuses (changing nothing), and the timeline entry each one writes.
 */
class FollowUpTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  /** A re-audit's date after the follow-ups below closed (at NOW, on TODAY). */
  private static final LocalDate AFTER_CLOSURE = TODAY.plusMonths(3);

  private final AtomicLong ids = new AtomicLong(100);

  @Test
  void aNewFollowUpWaitsForAllocationAndSaysWhyOnItsTimeline() {
    FollowUp f = followUp(false);

    assertThat(f.getStatus()).isEqualTo(FollowUpStatus.OPEN);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.ALLOCATION);
    assertThat(f.getDueDate()).isEqualTo(TODAY.plusDays(2));
    assertThat(actions(f)).containsExactly(TimelineAction.CREATED);
    assertThat(f.getTimeline().get(0).getActor()).isEqualTo(FollowUp.SYSTEM);
    assertThat(f.getTimeline().get(0).getDetail())
        .isEqualTo("Audit AUD-1 is inadequate: follow-up opened in the PI team's queue");
  }

  @Test
  void aRiskOfSignificantHarmAsksForTheSafetyReviewAtOnce() {
    FollowUp f = followUp(true);

    assertThat(actions(f))
        .containsExactly(TimelineAction.CREATED, TimelineAction.SAFEGUARDING_REQUESTED);
    assertThat(f.safeguardingPending()).isTrue();
  }

  @Test
  void allocationPlansTwoConversationsAndMovesOnToThem() {
    FollowUp f = followUp(false);

    f.allocate("officer", false, TODAY.plusDays(20), TODAY.plusDays(60), "lead", NOW);

    assertThat(f.getStage()).isEqualTo(FollowUpStage.CONVERSATIONS);
    assertThat(f.getOfficerUsername()).isEqualTo("officer");
    assertThat(f.getDueDate()).isEqualTo(TODAY.plusDays(20));
    assertThat(f.currentConversations())
        .extracting(Conversation::getAttendees)
        .containsExactly(ConversationAttendees.TEAM_MANAGER, ConversationAttendees.PRACTITIONER);
    TimelineEntry last = last(f);
    assertThat(last.getAction()).isEqualTo(TimelineAction.ALLOCATED);
    assertThat(last.getActor()).isEqualTo("lead");
    assertThat(last.getDetail()).isEqualTo("Allocated to officer; two conversations");
  }

  @Test
  void claimingPlansOneJointConversationWhenAsked() {
    FollowUp f = followUp(false);

    f.claim("officer", true, TODAY.plusDays(20), TODAY.plusDays(60), NOW);

    assertThat(f.currentConversations())
        .extracting(Conversation::getAttendees)
        .containsExactly(ConversationAttendees.JOINT);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.CLAIMED);
    assertThat(last(f).getActor()).isEqualTo("officer");
  }

  @Test
  void aFollowUpIsAllocatedOnceAndReassignedOnlyToSomeoneElse() {
    FollowUp f = allocated(false);

    refused(
        () -> f.allocate("other", false, TODAY, TODAY, "lead", NOW),
        f,
        DomainException.Kind.CONFLICT);
    refused(() -> f.reassign("officer", "lead", NOW), f, DomainException.Kind.CONFLICT);

    f.reassign("other", "lead", NOW);
    assertThat(f.getOfficerUsername()).isEqualTo("other");
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.REASSIGNED);
    assertThat(last(f).getDetail()).isEqualTo("From officer to other");
  }

  @Test
  void conversationsWaitForAllocation() {
    FollowUp f = followUp(false);

    refused(
        () ->
            f.planConversation(1, false, inAnHour(), Duration.ofHours(1), "Room 2", "officer", NOW),
        f,
        DomainException.Kind.CONFLICT);
  }

  @Test
  void holdingBothConversationsMovesTheFollowUpOnToClosure() {
    FollowUp f = allocated(false);
    List<Conversation> both = f.currentConversations();

    Conversation first = schedule(f, both.get(0));
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.CONVERSATION_SCHEDULED);
    assertThat(last(f).getDetail())
        .isEqualTo("TEAM_MANAGER conversation on 2026-03-02T08:00 at Room 2");
    f.recordConversationHeld(first.getId(), "Notes", "Points", "officer", NOW);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.CONVERSATIONS);

    Conversation second = schedule(f, both.get(1));
    f.recordConversationNotHeld(second.getId(), "Off sick", "officer", NOW);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.CONVERSATION_NOT_HELD);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.CONVERSATIONS);

    schedule(f, second);
    f.recordConversationHeld(second.getId(), "Notes", "Points", "officer", NOW);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.CONVERSATION_HELD);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.CLOSURE);
    assertThat(f.getDueDate()).isEqualTo(TODAY.plusDays(60));
  }

  @Test
  void aScheduledConversationIsMovedAndNotScheduledTwice() {
    FollowUp f = allocated(true);
    Conversation joint = schedule(f, f.currentConversations().get(0));

    refused(() -> schedule(f, joint), f, DomainException.Kind.CONFLICT);
    f.planConversation(
        joint.getId(), true, inAnHour(), Duration.ofMinutes(90), "Online", "officer", NOW);

    assertThat(joint.getInviteSequence()).isEqualTo(1);
    assertThat(joint.getDurationMinutes()).isEqualTo(90);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.CONVERSATION_RESCHEDULED);
    assertThat(last(f).getDetail())
        .isEqualTo("JOINT conversation moved to 2026-03-02T10:00 at Online");
  }

  @Test
  void anOutcomeIsRecordedOnlyAfterTheConversationStarted() {
    FollowUp f = allocated(true);
    Conversation joint = f.currentConversations().get(0);
    f.planConversation(
        joint.getId(),
        false,
        NOW.plusSeconds(3600).atZone(LONDON),
        Duration.ofHours(1),
        "Room 2",
        "officer",
        NOW);

    refused(
        () -> f.recordConversationHeld(joint.getId(), "Notes", "Points", "officer", NOW),
        f,
        DomainException.Kind.CONFLICT);
  }

  @Test
  void supportIsAcceptedBeforeItIsCompletedAndDeclinedOnlyWithAReason() {
    FollowUp f = allocated(true);
    SupportItem item = offer(f);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.SUPPORT_OFFERED);
    assertThat(last(f).getDetail()).isEqualTo("Coaching offered to the PRACTITIONER");

    refused(() -> f.completeSupport(item.getId(), "p", NOW), f, DomainException.Kind.CONFLICT);
    refused(() -> f.declineSupport(item.getId(), " ", "p", NOW), f, DomainException.Kind.INVALID);

    f.acceptSupport(item.getId(), "p", NOW);
    f.completeSupport(item.getId(), "p", NOW);
    f.verifySupport(item.getId(), "officer", NOW);
    assertThat(item.isSettled()).isTrue();
    assertThat(actions(f))
        .endsWith(
            TimelineAction.SUPPORT_ACCEPTED,
            TimelineAction.SUPPORT_COMPLETED,
            TimelineAction.SUPPORT_VERIFIED);
    refused(() -> f.verifySupport(item.getId(), "officer", NOW), f, DomainException.Kind.CONFLICT);
  }

  @Test
  void closureIsProposedOnlyWhenBothConversationsAreHeldAndEverySupportItemSettled() {
    FollowUp f = allocated(true);
    refused(() -> f.proposeClosure("officer", NOW), f, DomainException.Kind.CONFLICT);

    holdJoint(f);
    SupportItem item = offer(f);
    refused(() -> f.proposeClosure("officer", NOW), f, DomainException.Kind.CONFLICT);

    f.withdrawSupport(item.getId(), "No longer needed", "officer", NOW);
    assertThat(last(f).getDetail()).isEqualTo("COACHING withdrawn: No longer needed");
    f.proposeClosure("officer", NOW);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.SIGN_OFF);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.CLOSURE_PROPOSED);
  }

  @Test
  void theSafetyReviewMustBeConfirmedBeforeClosureAndOnlyOnce() {
    FollowUp f = allocated(true, true);
    holdJoint(f);
    refused(() -> f.proposeClosure("officer", NOW), f, DomainException.Kind.CONFLICT);

    f.confirmSafeguarding("tm", NOW);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.SAFEGUARDING_CONFIRMED);
    refused(() -> f.confirmSafeguarding("tm", NOW), f, DomainException.Kind.CONFLICT);
    f.proposeClosure("officer", NOW);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.SIGN_OFF);
  }

  @Test
  void anotherLeadSignsOffAndTheReAuditFollows() {
    FollowUp f = proposed();

    refused(() -> f.signOff("officer", NOW, TODAY), f, DomainException.Kind.FORBIDDEN);
    refused(f::requireReAuditDue, f, DomainException.Kind.CONFLICT);

    f.signOff("lead", NOW, TODAY.plusMonths(3));
    assertThat(f.getStatus()).isEqualTo(FollowUpStatus.CLOSED);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.AWAITING_RE_AUDIT);
    assertThat(last(f).getDetail())
        .isEqualTo("Closure signed off; effectiveness re-audit due 2026-06-02");
    refused(
        () -> f.recordReAudit(reAudit("AUD-2", AFTER_CLOSURE, 1L, "GOOD"), LONDON, "auditor", NOW),
        f,
        DomainException.Kind.CONFLICT);

    f.reAuditDueNow(NOW, java.time.LocalDate.of(2026, 6, 30));
    assertThat(f.getStage()).isEqualTo(FollowUpStage.RE_AUDIT);
    assertThat(f.getDueDate())
        .as("the re-audit is due a window after it appears, not at once")
        .isEqualTo(java.time.LocalDate.of(2026, 6, 30));
    assertThat(last(f).getActor()).isEqualTo(FollowUp.SYSTEM);
    f.recordReAudit(reAudit("AUD-2", AFTER_CLOSURE, 1L, "GOOD"), LONDON, "auditor", NOW);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.DONE);
    assertThat(f.getDueDate()).isNull();
    assertThat(actions(f))
        .endsWith(
            TimelineAction.CLOSED, TimelineAction.RE_AUDIT_DUE, TimelineAction.RE_AUDIT_RECORDED);
  }

  @Test
  void aReAuditModeratedLaterCountsWithTheGradeItHasNow() {
    FollowUp unlinked = proposed();
    unlinked.reAuditRegraded("INADEQUATE");
    assertThat(unlinked.getReAuditGrade()).as("no re-audit linked yet").isNull();

    FollowUp f = proposed();
    f.signOff("lead", NOW, TODAY.plusMonths(3));
    f.reAuditDueNow(NOW, TODAY.plusMonths(4));
    f.recordReAudit(reAudit("AUD-2", AFTER_CLOSURE, 1L, "GOOD"), LONDON, "auditor", NOW);
    f.reAuditRegraded("REQUIRES_IMPROVEMENT");
    assertThat(f.getReAuditGrade()).isEqualTo("REQUIRES_IMPROVEMENT");
  }

  @Test
  void aReAuditIsAnotherAuditOfTheSamePractitionerDatedAfterTheDayTheFollowUpClosed() {
    FollowUp f = reAuditDue();

    // AUD-1 is the follow-up's own audit; practitioner 1 is its practitioner; it closed on TODAY
    refused(
        () -> f.recordReAudit(reAudit("AUD-1", AFTER_CLOSURE, 1L, "GOOD"), LONDON, "a", NOW),
        f,
        DomainException.Kind.INVALID);
    refused(
        () -> f.recordReAudit(reAudit("AUD-2", AFTER_CLOSURE, 9L, "GOOD"), LONDON, "a", NOW),
        f,
        DomainException.Kind.INVALID);
    refused(
        () -> f.recordReAudit(reAudit("AUD-2", TODAY, 1L, "GOOD"), LONDON, "a", NOW),
        f,
        DomainException.Kind.INVALID);
    refused(
        () -> f.recordReAudit(reAudit("AUD-2", TODAY.minusDays(9), 1L, "GOOD"), LONDON, "a", NOW),
        f,
        DomainException.Kind.INVALID);
    assertThatThrownBy(() -> f.recordReAudit(reAudit("AUD-2", TODAY, 1L, "GOOD"), LONDON, "a", NOW))
        .isInstanceOfSatisfying(
            FollowUpException.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        error -> {
                          assertThat(error.field()).isEqualTo("auditRef");
                          assertThat(error.message())
                              .isEqualTo(
                                  "Audit AUD-2 is dated 2026-03-02: a re-audit must be dated after"
                                      + " the follow-up closed on 2026-03-02");
                        }));
    assertThat(f.getStage()).isEqualTo(FollowUpStage.RE_AUDIT);
    assertThat(f.getReAuditRef()).isNull();

    f.recordReAudit(reAudit("AUD-2", TODAY.plusDays(1), 1L, "GOOD"), LONDON, "a", NOW);
    assertThat(f.getStage())
        .as("the day after closure is the first day allowed")
        .isEqualTo(FollowUpStage.DONE);
    assertThat(f.getReAuditRef()).isEqualTo("AUD-2");
  }

  @Test
  void theClosingDayIsTheCouncilsDayNotUtcs() {
    FollowUp f = proposed();
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (summer time): it closed on 1 June
    f.signOff("lead", Instant.parse("2026-05-31T23:30:00Z"), TODAY.plusMonths(6));
    f.reAuditDueNow(NOW, TODAY.plusMonths(7));
    refused(
        () ->
            f.recordReAudit(
                reAudit("AUD-2", LocalDate.of(2026, 6, 1), 1L, "GOOD"), LONDON, "a", NOW),
        f,
        DomainException.Kind.INVALID);
    f.recordReAudit(reAudit("AUD-2", LocalDate.of(2026, 6, 2), 1L, "GOOD"), LONDON, "a", NOW);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.DONE);
  }

  @Test
  void aReAuditThatCannotHappenEndsTheStageWithItsReason() {
    FollowUp awaiting = proposed();
    awaiting.signOff("lead", NOW, TODAY.plusMonths(3));
    refused(
        () -> awaiting.reAuditNotPossible("Left the council", "lead", NOW),
        awaiting,
        DomainException.Kind.CONFLICT);

    FollowUp f = reAuditDue();
    Instant at = NOW.plus(Duration.ofDays(95));
    f.reAuditNotPossible("The practitioner left the council in May", "lead", at);

    assertThat(f.getStatus()).isEqualTo(FollowUpStatus.CLOSED);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.DONE);
    assertThat(f.getDueDate()).isNull();
    assertThat(f.getReAuditRef()).isNull();
    assertThat(f.getReAuditNotPossibleReason())
        .isEqualTo("The practitioner left the council in May");
    assertThat(f.getReAuditNotPossibleBy()).isEqualTo("lead");
    assertThat(f.getReAuditNotPossibleAt()).isEqualTo(at);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.RE_AUDIT_NOT_POSSIBLE);
    assertThat(last(f).getActor()).isEqualTo("lead");
    assertThat(last(f).getAt()).isEqualTo(at);
    assertThat(last(f).getDetail())
        .isEqualTo("Re-audit not possible: The practitioner left the council in May");
    refused(() -> f.reAuditNotPossible("again", "lead", NOW), f, DomainException.Kind.CONFLICT);
    refused(
        () -> f.recordReAudit(reAudit("AUD-2", AFTER_CLOSURE, 1L, "GOOD"), LONDON, "a", NOW),
        f,
        DomainException.Kind.CONFLICT);
  }

  @Test
  void aRepeatInadequateIsFlaggedOnBothFollowUpsAndClearedWhenModerationLiftsIt() {
    // the ids the database would have given them
    long earlierId = 41;
    long laterId = 42;
    FollowUp earlier = reAuditDue();
    earlier.recordReAudit(
        reAudit("AUD-2", AFTER_CLOSURE, 1L, "INADEQUATE"), LONDON, "auditor", NOW);
    FollowUp later =
        persisted(new FollowUp("AUD-2", audit(false), NOW, TODAY.plusDays(2), TODAY.plusDays(1)));

    assertThat(earlier.settleReAuditRepeat(laterId, "auditor", NOW)).isTrue();
    later.settleRepeatOf(earlierId, earlier.getAuditRef(), "auditor", NOW);
    assertThat(earlier.isReAuditRepeatInadequate()).isTrue();
    assertThat(later.getRepeatOfFollowUpId()).isEqualTo(earlierId);
    assertThat(last(earlier).getAction()).isEqualTo(TimelineAction.REPEAT_INADEQUATE);
    assertThat(last(earlier).getDetail())
        .isEqualTo(
            "Repeat Inadequate: re-audit AUD-2 is graded Inadequate (its follow-up: "
                + laterId
                + ")");
    assertThat(last(later).getAction()).isEqualTo(TimelineAction.REPEAT_INADEQUATE);
    assertThat(last(later).getDetail())
        .isEqualTo(
            "Repeat Inadequate: audit AUD-2 is the effectiveness re-audit of follow-up "
                + earlierId
                + " (audit AUD-1), graded Inadequate again");

    // settling again changes nothing and writes nothing
    int earlierEntries = earlier.getTimeline().size();
    int laterEntries = later.getTimeline().size();
    assertThat(earlier.settleReAuditRepeat(laterId, "system", NOW)).isTrue();
    later.settleRepeatOf(earlierId, earlier.getAuditRef(), "system", NOW);
    assertThat(earlier.getTimeline()).hasSize(earlierEntries);
    assertThat(later.getTimeline()).hasSize(laterEntries);

    // moderation lifts the re-audit to Requires improvement: both cleared, both timelines say so
    earlier.reAuditRegraded("REQUIRES_IMPROVEMENT");
    assertThat(earlier.settleReAuditRepeat(laterId, "system", NOW)).isFalse();
    later.settleRepeatOf(null, null, "system", NOW);
    assertThat(earlier.isReAuditRepeatInadequate()).isFalse();
    assertThat(later.getRepeatOfFollowUpId()).isNull();
    assertThat(last(earlier).getAction()).isEqualTo(TimelineAction.REPEAT_INADEQUATE_CLEARED);
    assertThat(last(earlier).getDetail())
        .isEqualTo("No longer a repeat Inadequate: re-audit AUD-2 is graded REQUIRES_IMPROVEMENT");
    assertThat(last(later).getAction()).isEqualTo(TimelineAction.REPEAT_INADEQUATE_CLEARED);
  }

  @Test
  void aReAuditBetterThanInadequateIsNoRepeat() {
    FollowUp f = reAuditDue();
    f.recordReAudit(reAudit("AUD-2", AFTER_CLOSURE, 1L, "GOOD"), LONDON, "auditor", NOW);
    int entries = f.getTimeline().size();
    assertThat(f.settleReAuditRepeat(null, "auditor", NOW)).isFalse();
    assertThat(f.isReAuditRepeatInadequate()).isFalse();
    assertThat(f.getTimeline()).hasSize(entries);
  }

  @Test
  void aSentBackClosureReturnsToTheOfficer() {
    FollowUp f = proposed();

    f.sendBack("Verify the coaching first", "lead", NOW);

    assertThat(f.getStage()).isEqualTo(FollowUpStage.CLOSURE);
    assertThat(f.getClosureProposedBy()).isNull();
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.CLOSURE_SENT_BACK);
    assertThat(last(f).getDetail()).isEqualTo("Verify the coaching first");
    refused(() -> f.sendBack("again", "lead", NOW), f, DomainException.Kind.CONFLICT);
  }

  @Test
  void endingEarlyCallsOffWhatIsPlannedAndNothingChangesAfterwards() {
    FollowUp f = allocated(false);
    Conversation planned = schedule(f, f.currentConversations().get(0));
    SupportItem open = offer(f);

    FollowUp.Ended ended = f.end(FollowUpStatus.WITHDRAWN, "Withdrawn: duplicate", "lead", NOW);

    assertThat(f.getStatus()).isEqualTo(FollowUpStatus.WITHDRAWN);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.ENDED);
    assertThat(ended.calledOff()).containsExactly(planned);
    assertThat(ended.supportWithProcess()).containsExactly(open);
    assertThat(open.getState()).isEqualTo(SupportItemState.WITHDRAWN);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.WITHDRAWN);
    refused(
        () -> f.offerSupport("X", "X", null, SupportOwner.PRACTITIONER, TODAY, "o", NOW),
        f,
        DomainException.Kind.CONFLICT);
    refused(
        () -> f.end(FollowUpStatus.WITHDRAWN, "again", "lead", NOW),
        f,
        DomainException.Kind.CONFLICT);
  }

  @Test
  void onlyAFollowUpEndedByARevisedGradeIsReopenedAndEachReopeningStartsANewRound() {
    FollowUp withdrawn = followUp(false);
    withdrawn.end(FollowUpStatus.WITHDRAWN, "Withdrawn: duplicate", "lead", NOW);
    refused(() -> reopen(withdrawn), withdrawn, DomainException.Kind.CONFLICT);
    withdrawn.inadequateAgainAfterEnd("moderator", "regraded", NOW);
    assertThat(last(withdrawn).getAction()).isEqualTo(TimelineAction.INADEQUATE_AGAIN_AFTER_END);

    FollowUp f = allocated(false);
    f.end(FollowUpStatus.GRADE_REVISED, "Grade revised by moderation", "moderator", NOW);
    assertThat(f.round()).isEqualTo(1);
    reopen(f);

    assertThat(f.getStatus()).isEqualTo(FollowUpStatus.OPEN);
    assertThat(f.getStage()).isEqualTo(FollowUpStage.ALLOCATION);
    assertThat(f.getOfficerUsername()).isNull();
    assertThat(f.currentConversations()).isEmpty();
    assertThat(f.round()).isEqualTo(2);
    assertThat(last(f).getAction()).isEqualTo(TimelineAction.REOPENED);
    assertThat(last(f).getDetail())
        .isEqualTo(
            "Audit AUD-1 is inadequate again (moderated down): follow-up reopened in the PI team's queue");
  }

  // ---- the follow-up at each point, as the steps before left it ----

  private FollowUp followUp(boolean significantHarmRisk) {
    return persisted(
        new FollowUp(
            "AUD-1", audit(significantHarmRisk), NOW, TODAY.plusDays(2), TODAY.plusDays(1)));
  }

  private FollowUp allocated(boolean joint) {
    return allocated(joint, false);
  }

  private FollowUp allocated(boolean joint, boolean significantHarmRisk) {
    FollowUp f = followUp(significantHarmRisk);
    f.allocate("officer", joint, TODAY.plusDays(20), TODAY.plusDays(60), "lead", NOW);
    return persisted(f);
  }

  private FollowUp proposed() {
    FollowUp f = allocated(true);
    holdJoint(f);
    f.proposeClosure("officer", NOW);
    return f;
  }

  private void holdJoint(FollowUp f) {
    Conversation joint = schedule(f, f.currentConversations().get(0));
    f.recordConversationHeld(joint.getId(), "Notes", "Points", "officer", NOW);
  }

  /** Scheduled an hour ago, so that its outcome can be recorded now. */
  private Conversation schedule(FollowUp f, Conversation c) {
    return f.planConversation(
        c.getId(),
        false,
        NOW.minusSeconds(3600).atZone(LONDON),
        Duration.ofHours(1),
        "Room 2",
        "officer",
        NOW);
  }

  private SupportItem offer(FollowUp f) {
    SupportItem item =
        f.offerSupport(
            "COACHING", "Coaching", null, SupportOwner.PRACTITIONER, TODAY, "officer", NOW);
    persisted(f);
    return item;
  }

  private void reopen(FollowUp f) {
    f.reopen(
        audit(false), TODAY.plusDays(2), TODAY.plusDays(1), "moderator", "moderated down", NOW);
  }

  /** Closed at NOW (on TODAY) with its re-audit asked of the auditors. */
  private FollowUp reAuditDue() {
    FollowUp f = proposed();
    f.signOff("lead", NOW, TODAY.plusMonths(3));
    f.reAuditDueNow(NOW, TODAY.plusMonths(4));
    return f;
  }

  private static FollowUp.ReAuditFacts reAudit(
      String ref, LocalDate date, long practitionerId, String grade) {
    return new FollowUp.ReAuditFacts(ref, date, practitionerId, grade);
  }

  private static FollowUp.AuditFacts audit(boolean significantHarmRisk) {
    return new FollowUp.AuditFacts(TODAY.minusDays(7), 1L, 2L, 3L, 4L, significantHarmRisk);
  }

  private static ZonedDateTime inAnHour() {
    return NOW.plusSeconds(3600).atZone(LONDON);
  }

  /** A refused step throws a problem of this kind and leaves the timeline as it was. */
  private static void refused(Runnable step, FollowUp f, DomainException.Kind kind) {
    int before = f.getTimeline().size();
    assertThatThrownBy(step::run)
        .isInstanceOfSatisfying(FollowUpException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    assertThat(f.getTimeline()).hasSize(before);
  }

  private static List<TimelineAction> actions(FollowUp f) {
    return f.getTimeline().stream().map(TimelineEntry::getAction).toList();
  }

  private static TimelineEntry last(FollowUp f) {
    return f.getTimeline().get(f.getTimeline().size() - 1);
  }

  /** Gives new parts the ids the database would give them when the follow-up is saved. */
  private FollowUp persisted(FollowUp f) {
    f.getConversations().forEach(this::identify);
    f.getSupportItems().forEach(this::identify);
    return f;
  }

  private void identify(FollowUpPart part) {
    try {
      Field id = FollowUpPart.class.getDeclaredField("id");
      id.setAccessible(true);
      if (id.get(part) == null) {
        id.set(part, ids.incrementAndGet());
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
