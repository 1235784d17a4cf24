package org.learningloop.audit;

import java.security.Principal;
import java.util.List;
import java.util.function.Function;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Only a moderator records a moderation, and as themselves (PRODUCT.md, "Moderation"): the API and
 * the pages name the signed-in moderator; a file may carry historical moderations naming another
 * moderator, but only a moderator may load them. A row that repeats a moderation the audit's
 * history holds already (the current one, or an earlier one since moderated again) changes nothing
 * and needs no right, so an auditor loading an old file again still passes.
 */
@Component
class ModerationRights {

  static final String NOT_A_MODERATOR =
      "only a moderator records a moderation, and you are not one: leave the moderation empty"
          + " (or as it is stored)";

  private final Directory directory;
  private final ModerationRepository moderations;

  ModerationRights(Directory directory, ModerationRepository moderations) {
    this.directory = directory;
    this.moderations = moderations;
  }

  /**
   * A new audit recorded through the API: any moderation in it must be the signed-in moderator's
   * own. An empty moderator is taken to be the signed-in moderator.
   *
   * @return the draft, with the moderator filled in when it was left empty
   */
  AuditDraft ownModeration(AuditDraft draft, Person me, boolean moderator) {
    boolean moderated =
        !blank(draft.moderatorEmail())
            || !blank(draft.moderationDate())
            || !blank(draft.moderatedGrade())
            || !blank(draft.moderationRationale());
    if (!moderated) {
      return draft;
    }
    if (!moderator) {
      throw AuditProblem.invalid(List.of(new FieldError("moderatorEmail", NOT_A_MODERATOR)));
    }
    if (blank(draft.moderatorEmail())) {
      return draft.withModeration(
          new ModerationDraft(
              me.email(),
              draft.moderationDate(),
              draft.moderatedGrade(),
              draft.moderationRationale(),
              null));
    }
    if (!draft.moderatorEmail().strip().equalsIgnoreCase(me.email())) {
      throw AuditProblem.invalid(
          List.of(
              new FieldError(
                  "moderatorEmail",
                  "a moderation is recorded by the moderator themselves: leave it empty or give"
                      + " your own address ("
                      + me.email()
                      + ")")));
    }
    return draft;
  }

  /**
   * A checked import row: refused (an error naming its line) when it records or changes a
   * moderation and the importer may not moderate.
   *
   * @return whether the row may be written
   */
  boolean mayWrite(
      ValidAudit row,
      Audit stored,
      boolean importerIsModerator,
      Function<AuditField, String> name,
      List<FieldError> errors) {
    if (row.moderation() == null
        || importerIsModerator
        || recordedAlready(row.moderation(), stored)) {
      return true;
    }
    errors.add(new FieldError(name.apply(AuditField.MODERATOR_EMAIL), NOT_A_MODERATOR));
    return false;
  }

  /**
   * Whether the signed-in person holds the moderator role as granted at sign-in (the directory's
   * roles, or the council identity provider's groups).
   */
  static boolean isModerator(Principal principal) {
    return principal instanceof Authentication authentication
        && authentication.getAuthorities().stream()
            .anyMatch(a -> Role.MODERATOR.authority().equals(a.getAuthority()));
  }

  /** Whether the audit's history holds that moderation already, as its current one or earlier. */
  private boolean recordedAlready(ValidAudit.Moderation moderation, Audit stored) {
    if (stored == null) {
      return false;
    }
    return directory
        .findByEmail(moderation.moderatorEmail())
        .map(
            moderator ->
                new AuditState.Current(
                    moderator.id(), moderation.date(), moderation.grade(), moderation.rationale()))
        .filter(
            asked ->
                stored.state().moderationIs(asked)
                    || moderations.history(stored.getId()).stream()
                        .anyMatch(m -> m.current().equals(asked)))
        .isPresent();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
