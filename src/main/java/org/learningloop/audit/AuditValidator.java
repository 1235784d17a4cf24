package org.learningloop.audit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.TeamPlace;

/**
 * The checks a QA officer expects of an audit, the same for the API and for every row of an import.
 * It collects every fault of a draft rather than stopping at the first, so one answer names them
 * all.
 */
final class AuditValidator {

  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final int MAX_TEXT = 4000;

  private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");
  private static final Pattern CHILD_REF =
      Pattern.compile("(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9/-]{0,59}");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s,;\"<>]+@[^@\\s,;\"<>]+\\.[^@\\s,;\"<>]+");

  private final LocalDate today;
  private final Map<String, CatalogueEntry> factors;

  /**
   * Service area of each team by lower-case team name: the directory's, plus those new teams named
   * so far.
   */
  private final Map<String, String> teamAreas = new HashMap<>();

  AuditValidator(LocalDate today, List<CatalogueEntry> factors, List<TeamPlace> teams) {
    this.today = today;
    this.factors = new HashMap<>();
    factors.forEach(f -> this.factors.put(f.code(), f));
    teams.forEach(t -> teamAreas.put(t.teamName().toLowerCase(Locale.ROOT), t.serviceAreaName()));
  }

  /**
   * Checks a draft.
   *
   * @param existing the stored audit of that ref, or null: its retired factors stay allowed, its
   *     moderation must stay
   * @param name how to name a field in an error (a JSON property, or "line 7, grade")
   * @return the valid audit, or null when {@code errors} got at least one entry
   */
  ValidAudit check(
      AuditDraft draft,
      AuditState existing,
      Function<AuditField, String> name,
      List<FieldError> errors) {
    Check c = new Check(draft, name, errors);

    String ref = c.required(AuditField.AUDIT_REF, 60);
    if (ref != null && !REF.matcher(ref).matches()) {
      c.fail(
          AuditField.AUDIT_REF,
          "must start with a letter or digit and hold only letters, digits, '.', '_' or '-'");
      ref = null;
    }
    LocalDate auditDate = c.date(AuditField.AUDIT_DATE, EARLIEST, "2000-01-01");
    AuditType type = c.type();
    String theme = c.optional(AuditField.THEME, 300);
    if (type == AuditType.THEMATIC_DIP_SAMPLE && theme == null) {
      c.fail(AuditField.THEME, "a thematic dip sample needs its theme");
    } else if (type == AuditType.DEEP_DIVE && theme != null) {
      c.fail(
          AuditField.THEME,
          "only a thematic dip sample has a theme; leave it empty for a deep dive");
    }
    String serviceArea = c.required(AuditField.SERVICE_AREA, 200);
    String team = c.required(AuditField.TEAM, 200);
    if (serviceArea != null && team != null) {
      String known = teamAreas.putIfAbsent(team.toLowerCase(Locale.ROOT), serviceArea);
      if (known != null && !known.equalsIgnoreCase(serviceArea)) {
        c.fail(
            AuditField.TEAM,
            "team '"
                + team
                + "' belongs to service area '"
                + known
                + "', not '"
                + serviceArea
                + "'");
      }
    }
    String practitioner = c.email(AuditField.PRACTITIONER_EMAIL, true);
    String practitionerName = c.optional(AuditField.PRACTITIONER_NAME, 200);
    String teamManager = c.email(AuditField.TEAM_MANAGER_EMAIL, true);
    String teamManagerName = c.optional(AuditField.TEAM_MANAGER_NAME, 200);
    if (practitioner != null && practitioner.equals(teamManager)) {
      c.fail(AuditField.TEAM_MANAGER_EMAIL, "the team manager cannot be the practitioner");
    }
    String childRef = c.required(AuditField.CHILD_REF, 60);
    if (childRef != null && !CHILD_REF.matcher(childRef).matches()) {
      c.fail(
          AuditField.CHILD_REF,
          "must be a pseudonymous case number (letters, digits, '/' or '-', at least one digit), never a name");
    }
    String auditor = c.email(AuditField.AUDITOR_EMAIL, true);
    if (auditor != null && auditor.equals(practitioner)) {
      c.fail(AuditField.AUDITOR_EMAIL, "practitioners cannot audit their own case");
    }
    Grade grade = c.grade(AuditField.GRADE, true);

    ValidAudit.Moderation moderation = null;
    String moderator = c.email(AuditField.MODERATOR_EMAIL, false);
    String rationale = c.optional(AuditField.MODERATION_RATIONALE, MAX_TEXT);
    if (c.blank(AuditField.MODERATED_GRADE)) {
      if (!c.blank(AuditField.MODERATOR_EMAIL)
          || !c.blank(AuditField.MODERATION_DATE)
          || !c.blank(AuditField.MODERATION_RATIONALE)) {
        c.fail(
            AuditField.MODERATED_GRADE,
            "missing: a moderator, moderation date or rationale is given, so the moderated grade is needed too");
      } else if (existing != null && existing.moderated()) {
        c.fail(
            AuditField.MODERATED_GRADE,
            "missing: audit "
                + existing.ref()
                + " was moderated on "
                + existing.moderation().date()
                + " and moderation is kept for ever");
      }
    } else {
      Grade moderatedGrade = c.grade(AuditField.MODERATED_GRADE, true);
      if (c.blank(AuditField.MODERATOR_EMAIL)) {
        c.fail(AuditField.MODERATOR_EMAIL, "a moderated grade needs its moderator");
      } else if (moderator != null && moderator.equals(auditor)) {
        c.fail(AuditField.MODERATOR_EMAIL, "moderation is by someone other than the auditor");
      }
      LocalDate moderationDate =
          c.blank(AuditField.MODERATION_DATE)
              ? c.missing(AuditField.MODERATION_DATE, "a moderated grade needs its moderation date")
              : c.date(
                  AuditField.MODERATION_DATE,
                  auditDate == null ? EARLIEST : auditDate,
                  "the audit date");
      if (moderatedGrade != null && grade != null && moderatedGrade != grade && rationale == null) {
        c.fail(
            AuditField.MODERATION_RATIONALE,
            "a moderation that changes the grade needs its rationale");
      }
      moderation = new ValidAudit.Moderation(moderator, moderationDate, moderatedGrade, rationale);
    }

    Set<String> factorCodes = c.factors(existing == null ? Set.of() : existing.factorCodes());
    Grade effective = moderation != null ? moderation.grade() : grade;
    if (effective == Grade.INADEQUATE && factorCodes != null && factorCodes.isEmpty()) {
      c.fail(AuditField.FACTORS, "an inadequate audit needs at least one contributory factor");
    }
    String notes = c.optional(AuditField.NOTES, MAX_TEXT);

    if (c.failed()) {
      return null;
    }
    return new ValidAudit(
        ref,
        auditDate,
        type,
        theme,
        serviceArea,
        team,
        practitioner,
        practitionerName,
        teamManager,
        teamManagerName,
        childRef,
        auditor,
        grade,
        moderation,
        factorCodes,
        notes);
  }

  /** The checks of one draft, remembering whether any failed. */
  private final class Check {
    private final AuditDraft draft;
    private final Function<AuditField, String> name;
    private final List<FieldError> errors;
    private final int errorsBefore;

    Check(AuditDraft draft, Function<AuditField, String> name, List<FieldError> errors) {
      this.draft = draft;
      this.name = name;
      this.errors = errors;
      this.errorsBefore = errors.size();
    }

    boolean failed() {
      return errors.size() > errorsBefore;
    }

    void fail(AuditField field, String message) {
      errors.add(new FieldError(name.apply(field), message));
    }

    <T> T missing(AuditField field, String message) {
      fail(field, message);
      return null;
    }

    boolean blank(AuditField field) {
      String value = draft.value(field);
      return value == null || value.isBlank();
    }

    String optional(AuditField field, int maxLength) {
      if (blank(field)) {
        return null;
      }
      String value = draft.value(field).strip();
      if (value.length() > maxLength) {
        return missing(
            field,
            "is " + value.length() + " characters long; at most " + maxLength + " are allowed");
      }
      if (value
          .chars()
          .anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
        return missing(field, "holds control characters");
      }
      return value;
    }

    String required(AuditField field, int maxLength) {
      if (blank(field)) {
        return missing(field, "is required");
      }
      return optional(field, maxLength);
    }

    String email(AuditField field, boolean required) {
      String value = required ? required(field, 254) : optional(field, 254);
      if (value == null) {
        return null;
      }
      if (!EMAIL.matcher(value).matches()) {
        return missing(field, "'" + value + "' is not an email address");
      }
      return value.toLowerCase(Locale.ROOT);
    }

    LocalDate date(AuditField field, LocalDate notBefore, String notBeforeName) {
      String value = required(field, 10);
      if (value == null) {
        return null;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeParseException e) {
        return missing(field, "'" + value + "' is not a date as YYYY-MM-DD");
      }
      if (date.isAfter(today)) {
        return missing(field, value + " is in the future");
      }
      if (date.isBefore(notBefore)) {
        return missing(field, value + " is before " + notBeforeName);
      }
      return date;
    }

    AuditType type() {
      String value = required(AuditField.AUDIT_TYPE, 40);
      if (value == null) {
        return null;
      }
      try {
        return AuditType.valueOf(code(value));
      } catch (IllegalArgumentException e) {
        return missing(
            AuditField.AUDIT_TYPE,
            "unknown audit type '" + value + "'; use DEEP_DIVE or THEMATIC_DIP_SAMPLE");
      }
    }

    Grade grade(AuditField field, boolean required) {
      String value = required ? required(field, 60) : optional(field, 60);
      if (value == null) {
        return null;
      }
      for (Grade grade : Grade.values()) {
        if (grade.name().equals(code(value)) || grade.label().equalsIgnoreCase(value)) {
          return grade;
        }
      }
      return missing(
          field,
          "unknown grade '"
              + value
              + "'; use OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT or INADEQUATE");
    }

    /**
     * Codes of the factors, each known and active (or already on the stored audit); null when one
     * is wrong.
     */
    Set<String> factors(Set<String> alreadyOnAudit) {
      Set<String> codes = new LinkedHashSet<>();
      List<String> wrong = new ArrayList<>();
      for (String raw : draft.factors()) {
        for (String part : raw.split(";")) {
          if (part.isBlank()) {
            continue;
          }
          String code = code(part);
          CatalogueEntry entry = factors.get(code);
          if (entry == null) {
            wrong.add("unknown contributory factor '" + part.strip() + "'");
          } else if (!entry.active() && !alreadyOnAudit.contains(code)) {
            wrong.add(
                "contributory factor " + code + " is retired and cannot be used for new audits");
          } else {
            codes.add(code);
          }
        }
      }
      if (!wrong.isEmpty()) {
        return missing(AuditField.FACTORS, String.join("; ", wrong));
      }
      return codes;
    }
  }

  /** "requires improvement" and "Requires-Improvement" both become REQUIRES_IMPROVEMENT. */
  private static String code(String value) {
    return value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
  }
}
