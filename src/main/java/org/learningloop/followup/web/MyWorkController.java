package org.learningloop.followup.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.learningloop.audit.AuditFacts;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditSummary;
import org.learningloop.calendar.Deadlines;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.dipsample.ActionStatus;
import org.learningloop.dipsample.Actions;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.followup.ConversationAttendees;
import org.learningloop.followup.ConversationStatus;
import org.learningloop.followup.FollowUpDetails;
import org.learningloop.followup.FollowUpDetails.ConversationView;
import org.learningloop.followup.FollowUpDetails.SupportItemView;
import org.learningloop.followup.FollowUpQueries;
import org.learningloop.followup.OpenFollowUps;
import org.learningloop.followup.SupportItemState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /my-work}: a practitioner's (or Team Manager's) own follow-ups, the support they are asked
 * to accept or complete, with the buttons to do it, and the conversations coming up that they
 * attend.
 */
@Controller
class MyWorkController {

  /** A person has a handful of open follow-ups; more than this is a team manager's dashboard. */
  static final int MAX_FOLLOW_UPS = 50;

  private final FollowUpQueries followUps;
  private final OpenFollowUps openFollowUps;
  private final AuditLookup audits;
  private final Directory directory;
  private final Catalogues catalogues;
  private final Deadlines deadlines;
  private final Clock clock;
  private final Actions actions;

  MyWorkController(
      FollowUpQueries followUps,
      OpenFollowUps openFollowUps,
      AuditLookup audits,
      Directory directory,
      Catalogues catalogues,
      Deadlines deadlines,
      Clock clock,
      Actions actions) {
    this.actions = actions;
    this.followUps = followUps;
    this.openFollowUps = openFollowUps;
    this.audits = audits;
    this.directory = directory;
    this.catalogues = catalogues;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  record FollowUpRow(long id, String auditRef, String stage, String due, boolean overdue) {}

  record SupportRow(
      long followUpId,
      String auditRef,
      long itemId,
      String type,
      String due,
      boolean accept,
      boolean complete) {}

  /** An action waiting for the person: theirs to do, or theirs to verify. */
  record ActionRow(
      long id, String source, String description, String due, boolean overdue, boolean verify) {}

  record ConversationRow(
      long followUpId, String auditRef, Instant startsAt, String when, String where) {}

  @GetMapping("/my-work")
  String myWork(Principal principal, Model model) {
    Person me = directory.signedIn(principal);
    Formats fmt = new Formats(clock.getZone());
    Instant now = clock.instant();
    List<FollowUpRow> mine = new ArrayList<>();
    List<SupportRow> support = new ArrayList<>();
    List<ConversationRow> coming = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    for (OpenFollowUps.Row s : openFollowUps.ownWorkOf(me, MAX_FOLLOW_UPS)) {
      AuditFacts audit = audits.findByRef(s.auditRef()).map(AuditSummary::facts).orElse(null);
      if (audit == null) {
        continue;
      }
      boolean practitioner = me.id().equals(audit.practitionerId());
      boolean teamManager = me.id().equals(audit.teamManagerId());
      mine.add(
          new FollowUpRow(
              s.id(),
              s.auditRef(),
              FollowUpPage.stageLabel(s.stage()),
              s.dueDate() == null ? "" : fmt.day(s.dueDate()),
              s.overdue(deadlines, now)));
      FollowUpDetails f = followUps.get(s.id(), me.username());
      for (SupportItemView item : f.supportItems()) {
        boolean owner =
            FollowUpPage.isOwner(
                item.owner(), me, audit.practitionerId(), audit.teamManagerId(), audit.teamId());
        if (owner
            && (item.state() == SupportItemState.OFFERED
                || item.state() == SupportItemState.ACCEPTED)) {
          String type =
              catalogues.supportType(item.type()).map(CatalogueEntry::label).orElse(item.type());
          support.add(
              new SupportRow(
                  f.id(),
                  f.auditRef(),
                  item.id(),
                  type,
                  fmt.day(item.dueDate()),
                  item.state() == SupportItemState.OFFERED,
                  item.state() == SupportItemState.ACCEPTED));
        }
      }
      for (ConversationView c : f.conversations()) {
        boolean attends =
            c.attendees() == ConversationAttendees.JOINT
                || (c.attendees() == ConversationAttendees.PRACTITIONER && practitioner)
                || (c.attendees() == ConversationAttendees.TEAM_MANAGER && teamManager);
        if (attends
            && c.status() == ConversationStatus.SCHEDULED
            && c.startsAt() != null
            && c.startsAt().isAfter(now)) {
          coming.add(
              new ConversationRow(
                  f.id(), f.auditRef(), c.startsAt(), fmt.dayAndTime(c.startsAt()), c.location()));
        }
      }
    }
    coming.sort(Comparator.comparing(ConversationRow::startsAt));
    model.addAttribute("person", me);
    model.addAttribute("followUps", mine);
    model.addAttribute("support", support);
    model.addAttribute("conversations", coming);
    model.addAttribute(
        "actions",
        actions.waitingFor(me.username()).stream()
            .map(
                a -> {
                  boolean verify = a.status() == ActionStatus.AWAITING_VERIFICATION;
                  return new ActionRow(
                      a.id(),
                      a.source(),
                      a.description(),
                      fmt.day(verify ? a.verificationDue() : a.dueDate()),
                      a.overdue(),
                      verify);
                })
            .toList());
    return "my-work";
  }
}
