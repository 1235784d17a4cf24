package org.learningloop.followup.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.learningloop.audit.AuditFacts;
import org.learningloop.audit.AuditLookup;
import org.learningloop.audit.AuditSummary;
import org.learningloop.audit.AuditType;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.directory.TeamPlace;
import org.learningloop.followup.ConversationStatus;
import org.learningloop.followup.FollowUpDetails;
import org.learningloop.followup.FollowUpDetails.ConversationView;
import org.learningloop.followup.FollowUpDetails.SupportItemView;
import org.learningloop.followup.FollowUpStage;
import org.learningloop.followup.FollowUpStatus;
import org.learningloop.followup.SupportItemState;
import org.learningloop.followup.SupportOwner;
import org.springframework.stereotype.Component;

/**
 * Builds what the follow-up page shows to one person: the audit summary (without the child's case
 * number, which never leaves the audit module), conversations, support items, history, and which
 * actions that person may take now. The actions mirror the rules of {@link
 * org.learningloop.followup.FollowUps} and the API's role checks, so that no button is shown that
 * would only be refused.
 */
@Component
class FollowUpPage {

  private final AuditLookup audits;
  private final Directory directory;
  private final StaffRegistry registry;
  private final Catalogues catalogues;
  private final Clock clock;

  FollowUpPage(
      AuditLookup audits,
      Directory directory,
      StaffRegistry registry,
      Catalogues catalogues,
      Clock clock) {
    this.audits = audits;
    this.directory = directory;
    this.registry = registry;
    this.catalogues = catalogues;
    this.clock = clock;
  }

  record Summary(
      String ref,
      String auditDate,
      String type,
      String team,
      String serviceArea,
      String practitioner,
      String teamManager,
      String auditorGrade,
      String effectiveGrade,
      boolean moderated,
      List<String> factors) {}

  record ConversationRow(
      ConversationView c,
      String title,
      String status,
      String startsAt,
      boolean schedule,
      boolean reschedule,
      boolean outcome) {}

  record ItemRow(
      SupportItemView item,
      String type,
      String owner,
      String due,
      String state,
      String tagClass,
      boolean accept,
      boolean decline,
      boolean complete,
      boolean verify,
      boolean withdraw,
      String resourceUrl) {}

  record TimelineRow(String at, String actor, String action, String detail) {}

  /** Everything the page shows; the booleans say which forms to show. */
  record View(
      FollowUpDetails f,
      String status,
      String stage,
      String due,
      String allocatedTo,
      Summary audit,
      List<ConversationRow> conversations,
      List<ItemRow> items,
      List<TimelineRow> timeline,
      String safeguarding,
      boolean confirmSafeguarding,
      boolean claim,
      boolean allocate,
      boolean reassign,
      boolean offerSupport,
      boolean proposeClosure,
      boolean decideClosure,
      boolean withdraw,
      boolean recordReAudit,
      List<Person> officers,
      List<CatalogueEntry> supportTypes,
      Map<String, String> owners) {}

  View build(FollowUpDetails f, Person me) {
    Formats fmt = new Formats(clock.getZone());
    Instant now = clock.instant();
    Optional<AuditSummary> audit = audits.findByRef(f.auditRef());
    boolean open = f.status() == FollowUpStatus.OPEN;
    boolean piStaff = me.hasRole(Role.PI_LEAD) || me.hasRole(Role.PI_OFFICER);
    boolean piLead = me.hasRole(Role.PI_LEAD);
    boolean allocated = f.assignee() != null;

    Summary summary = audit.map(a -> summary(a, fmt)).orElse(null);
    Optional<AuditFacts> facts = audit.map(AuditSummary::facts);
    Long practitionerId = facts.map(AuditFacts::practitionerId).orElse(null);
    Long teamManagerId = facts.map(AuditFacts::teamManagerId).orElse(null);
    Long teamId = facts.map(AuditFacts::teamId).orElse(null);
    Long serviceAreaId = facts.map(AuditFacts::serviceAreaId).orElse(null);

    boolean conversationsUnderway = open && f.stage() != FollowUpStage.ALLOCATION;
    List<ConversationRow> conversations = new ArrayList<>();
    for (ConversationView c : f.conversations()) {
      boolean mayAct = piStaff && conversationsUnderway;
      boolean schedule =
          mayAct
              && (c.status() == ConversationStatus.TO_BE_SCHEDULED
                  || c.status() == ConversationStatus.NOT_HELD);
      boolean scheduled = mayAct && c.status() == ConversationStatus.SCHEDULED;
      boolean outcome = scheduled && c.startsAt() != null && !now.isBefore(c.startsAt());
      String title =
          switch (c.attendees()) {
            case JOINT -> "Joint conversation with the Team Manager and the practitioner";
            case TEAM_MANAGER -> "Conversation with the Team Manager";
            case PRACTITIONER -> "Conversation with the practitioner";
          };
      conversations.add(
          new ConversationRow(
              c,
              title,
              Formats.words(c.status()),
              fmt.dayAndTime(c.startsAt()),
              schedule,
              scheduled,
              outcome));
    }

    Map<String, String> typeLabels = new LinkedHashMap<>();
    Map<String, String> typeLinks = new LinkedHashMap<>();
    catalogues
        .supportTypes()
        .forEach(
            e -> {
              typeLabels.put(e.code(), e.label());
              if (e.resourceUrl() != null) {
                typeLinks.put(e.code(), e.resourceUrl());
              }
            });
    List<ItemRow> items = new ArrayList<>();
    for (SupportItemView item : f.supportItems()) {
      boolean owner = isOwner(item.owner(), me, practitionerId, teamManagerId, teamId);
      boolean answers = open && (owner || piStaff);
      String tag =
          switch (item.state()) {
            case OFFERED -> "govuk-tag--blue";
            case ACCEPTED -> "govuk-tag--light-blue";
            case COMPLETED ->
                item.verifiedAt() == null ? "govuk-tag--turquoise" : "govuk-tag--green";
            case DECLINED, WITHDRAWN -> "govuk-tag--grey";
          };
      String state =
          item.state() == SupportItemState.COMPLETED
              ? (item.verifiedAt() == null ? "Completed, to verify" : "Completed and verified")
              : Formats.words(item.state());
      items.add(
          new ItemRow(
              item,
              typeLabels.getOrDefault(item.type(), item.type()),
              ownerLabel(item.owner()),
              fmt.day(item.dueDate()),
              state,
              tag,
              answers && item.state() == SupportItemState.OFFERED,
              answers && item.state() == SupportItemState.OFFERED,
              answers && item.state() == SupportItemState.ACCEPTED,
              open
                  && piStaff
                  && item.state() == SupportItemState.COMPLETED
                  && item.verifiedAt() == null,
              open
                  && piStaff
                  && (item.state() == SupportItemState.OFFERED
                      || item.state() == SupportItemState.ACCEPTED),
              typeLinks.get(item.type())));
    }

    // newest first: what happened last is what a person looks for
    List<TimelineRow> timeline = new ArrayList<>();
    f.timeline()
        .forEach(
            t ->
                timeline.add(
                    0,
                    new TimelineRow(
                        fmt.shortTime(t.at()), t.actor(), sentence(t.action()), t.detail())));

    String safeguarding = null;
    boolean confirmSafeguarding = false;
    if (f.safeguarding() != null) {
      safeguarding =
          f.safeguarding().confirmedAt() == null
              ? "Risk of significant harm: the Team Manager must confirm the child's current safety has been reviewed by "
                  + fmt.day(f.safeguarding().dueDate())
                  + "."
              : "The child's current safety review was confirmed by "
                  + f.safeguarding().confirmedBy()
                  + " on "
                  + fmt.shortTime(f.safeguarding().confirmedAt())
                  + ".";
      boolean teamManager = me.hasRole(Role.TEAM_MANAGER) && me.id().equals(teamManagerId);
      boolean senior =
          (me.hasRole(Role.SERVICE_MANAGER) || me.hasRole(Role.ASSISTANT_DIRECTOR))
              && me.serviceAreaId() != null
              && me.serviceAreaId().equals(serviceAreaId);
      confirmSafeguarding =
          open && f.safeguarding().confirmedAt() == null && (teamManager || senior);
    }

    boolean claim = open && piStaff && f.stage() == FollowUpStage.ALLOCATION;
    boolean allocate = open && piLead && f.stage() == FollowUpStage.ALLOCATION;
    boolean reassign = open && piLead && allocated;
    boolean offerSupport = open && piStaff && allocated && f.stage() != FollowUpStage.SIGN_OFF;
    boolean allSettled =
        f.supportItems().stream()
            .allMatch(
                i ->
                    i.state().isSettled()
                        && (i.state() != SupportItemState.COMPLETED || i.verifiedAt() != null));
    boolean safeguardingDone = f.safeguarding() == null || f.safeguarding().confirmedAt() != null;
    boolean proposeClosure =
        open && piStaff && f.stage() == FollowUpStage.CLOSURE && allSettled && safeguardingDone;
    boolean decideClosure =
        open
            && piLead
            && f.stage() == FollowUpStage.SIGN_OFF
            && !me.username().equals(f.closure().proposedBy());
    boolean withdraw = open && piLead;
    boolean recordReAudit =
        f.stage() == FollowUpStage.RE_AUDIT && (me.hasRole(Role.AUDITOR) || piLead);

    List<Person> officers = new ArrayList<>(directory.withRole(Role.PI_OFFICER));
    directory.withRole(Role.PI_LEAD).stream()
        .filter(p -> !officers.contains(p))
        .forEach(officers::add);
    Map<String, String> owners = new LinkedHashMap<>();
    for (SupportOwner o : SupportOwner.values()) {
      owners.put(o.name(), ownerLabel(o));
    }

    return new View(
        f,
        Formats.words(f.status()),
        stageLabel(f.stage()),
        f.dueDate() == null ? null : fmt.day(f.dueDate()),
        f.assignee(),
        summary,
        conversations,
        items,
        timeline,
        safeguarding,
        confirmSafeguarding,
        claim,
        allocate,
        reassign,
        offerSupport,
        proposeClosure,
        decideClosure,
        withdraw,
        recordReAudit,
        officers,
        catalogues.supportTypes().stream().filter(CatalogueEntry::active).toList(),
        owners);
  }

  /**
   * The same rule as the follow-up service: the practitioner, the team manager, or (for the whole
   * team) its members.
   */
  static boolean isOwner(
      SupportOwner owner, Person me, Long practitionerId, Long teamManagerId, Long teamId) {
    Long ownerId = owner == SupportOwner.PRACTITIONER ? practitionerId : teamManagerId;
    boolean teamMember =
        owner == SupportOwner.WHOLE_TEAM && me.teamId() != null && me.teamId().equals(teamId);
    return Objects.equals(me.id(), ownerId) || teamMember;
  }

  static String ownerLabel(SupportOwner owner) {
    return switch (owner) {
      case PRACTITIONER -> "The practitioner";
      case TEAM_MANAGER -> "The Team Manager";
      case WHOLE_TEAM -> "The whole team";
    };
  }

  static String stageLabel(FollowUpStage stage) {
    return switch (stage) {
      case ALLOCATION -> "Waiting for a PI officer";
      case CONVERSATIONS -> "Reflective conversations";
      case CLOSURE -> "Support and closure";
      case SIGN_OFF -> "Waiting for sign-off";
      case AWAITING_RE_AUDIT -> "Closed: re-audit to come";
      case RE_AUDIT -> "Re-audit due";
      case DONE -> "Loop closed";
      case ENDED -> "Ended";
      case SAFEGUARDING_CHECK -> "Safeguarding check";
      case SUPPORT -> "Support";
    };
  }

  private Summary summary(AuditSummary audit, Formats fmt) {
    AuditFacts a = audit.facts();
    TeamPlace team =
        registry.teams().stream()
            .filter(t -> t.teamId().equals(a.teamId()))
            .findFirst()
            .orElse(null);
    List<String> factors =
        audit.factorCodes().stream()
            .sorted()
            .map(code -> catalogues.factor(code).map(CatalogueEntry::label).orElse(code))
            .toList();
    return new Summary(
        a.ref(),
        fmt.day(a.auditDate()),
        a.type() == AuditType.THEMATIC_DIP_SAMPLE
            ? "Thematic dip sample: " + a.theme()
            : "Deep dive",
        team == null ? "" : team.teamName(),
        team == null ? "" : team.serviceAreaName(),
        name(a.practitionerId()),
        name(a.teamManagerId()),
        audit.auditorGrade().label(),
        audit.effectiveGrade().label(),
        audit.moderated(),
        factors);
  }

  private String name(Long staffId) {
    return staffId == null ? "" : directory.findById(staffId).map(Person::displayName).orElse("");
  }

  /** "CONVERSATION_HELD" reads "Conversation held". */
  private static String sentence(String action) {
    String text = action.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
