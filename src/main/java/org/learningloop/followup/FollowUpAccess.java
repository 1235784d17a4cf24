package org.learningloop.followup;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Who may see a follow-up and who may answer for its parts. PI staff (and auditors, for re-audits)
 * see every follow-up; others only their own, their team's or their service area's. The roles
 * allowed to take each step are checked on the API and the pages; what depends on the follow-up
 * itself (whose team, whose item) is checked here.
 */
@Component
class FollowUpAccess {

  private final FollowUpRepository followUps;
  private final Directory directory;

  FollowUpAccess(FollowUpRepository followUps, Directory directory) {
    this.followUps = followUps;
    this.directory = directory;
  }

  /** The signed-in person; someone the directory does not know may do nothing. */
  Person person(String username) {
    return directory
        .findByUsername(username)
        .orElseThrow(() -> FollowUpException.forbidden("Unknown user " + username + "."));
  }

  /**
   * The follow-up, when {@code actor} may see it. Someone who may not is told it does not exist:
   * its existence is not theirs to know.
   */
  /**
   * A follow-up this person may see, for a step that changes it: its row is locked first, so a
   * second step at the same moment waits, then finds the step done (a 409 from the step's own
   * check) instead of racing the first through the engine.
   */
  FollowUp forChange(long id, String actor) {
    FollowUp locked = followUps.lockById(id).orElseThrow(() -> FollowUpException.notFound(id));
    Person p = person(actor);
    // Someone who sees every follow-up needs no second query to be shown the one just locked.
    return seesAll(p) ? locked : visible(id, p);
  }

  FollowUp visible(long id, String actor) {
    return visible(id, person(actor));
  }

  private FollowUp visible(long id, Person p) {
    return followUps
        .findOne(visibleTo(p).and((root, q, cb) -> cb.equal(root.get("id"), id)))
        .orElseThrow(() -> FollowUpException.notFound(id));
  }

  /** The follow-ups this person may see, as a query condition. */
  Specification<FollowUp> visibleTo(Person p) {
    if (seesAll(p)) {
      return (root, q, cb) -> cb.conjunction();
    }
    return (root, q, cb) -> {
      List<Predicate> any = new ArrayList<>();
      any.add(cb.equal(root.get("practitionerId"), p.id()));
      any.add(cb.equal(root.get("teamManagerId"), p.id()));
      if (p.hasRole(Role.TEAM_MANAGER) && p.teamId() != null) {
        any.add(cb.equal(root.get("teamId"), p.teamId()));
      }
      if (isSeniorManager(p) && p.serviceAreaId() != null) {
        any.add(cb.equal(root.get("serviceAreaId"), p.serviceAreaId()));
      }
      return cb.or(any.toArray(Predicate[]::new));
    };
  }

  /**
   * The child's safety review is confirmed by the follow-up's Team Manager, or a Service Manager or
   * Assistant Director of its service area.
   */
  void requireSafeguardingConfirmer(FollowUp f, String actor) {
    Person p = person(actor);
    boolean teamManager = p.hasRole(Role.TEAM_MANAGER) && p.id().equals(f.getTeamManagerId());
    boolean seniorManager =
        isSeniorManager(p)
            && p.serviceAreaId() != null
            && p.serviceAreaId().equals(f.getServiceAreaId());
    if (!teamManager && !seniorManager) {
      throw FollowUpException.forbidden(
          "Only the follow-up's Team Manager, or a Service Manager or Assistant Director of its service area, confirms the safety review.");
    }
  }

  /** A support item is answered for by its owner (any member, for a whole team's) or PI staff. */
  void requireOwnerOrPiStaff(FollowUp f, SupportItem item, String actor) {
    Person p = person(actor);
    if (p.hasRole(Role.PI_LEAD) || p.hasRole(Role.PI_OFFICER)) {
      return;
    }
    Long ownerId =
        item.getOwner() == SupportOwner.PRACTITIONER ? f.getPractitionerId() : f.getTeamManagerId();
    boolean teamMember =
        item.getOwner() == SupportOwner.WHOLE_TEAM
            && p.teamId() != null
            && p.teamId().equals(f.getTeamId());
    if (!p.id().equals(ownerId) && !teamMember) {
      throw FollowUpException.forbidden(
          "Only the owner of support item " + item.getId() + " (or the PI team) answers for it.");
    }
  }

  /** Administrators run the system and see no case data (PRODUCT.md, "Need to know"). */
  private static boolean seesAll(Person p) {
    return p.hasRole(Role.PI_LEAD) || p.hasRole(Role.PI_OFFICER) || p.hasRole(Role.AUDITOR);
  }

  private static boolean isSeniorManager(Person p) {
    return p.hasRole(Role.SERVICE_MANAGER) || p.hasRole(Role.ASSISTANT_DIRECTOR);
  }
}
