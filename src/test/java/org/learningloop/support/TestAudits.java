package org.learningloop.support;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.learningloop.audit.AuditDraft;
import org.learningloop.audit.AuditRegister;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Audits for tests, recorded through the register so that their follow-ups open as in real use;
 * each ref is new.
 */
public final class TestAudits {

  private static final String DOMAIN = "@learningloop.example";

  /** The header line of an audit import file, its columns as the product brief names them. */
  public static final String CSV_HEADER =
      "audit_ref,audit_date,audit_type,theme,service_area,team,practitioner_email,practitioner_name,"
          + "team_manager_email,team_manager_name,child_ref,auditor_email,grade,moderator_email,"
          + "moderation_date,moderated_grade,moderation_rationale,factors,notes\n";

  private TestAudits() {}

  /**
   * One line of an import file, with its line end: an unmoderated deep dive in Help and Protect
   * Team 1 by the demo auditor.
   */
  public static String csvLine(
      String ref,
      String date,
      String practitionerEmail,
      String practitionerName,
      String teamManagerEmail,
      String teamManagerName,
      String childRef,
      String grade,
      String factors,
      String notes) {
    return String.join(
            ",",
            ref,
            date,
            "DEEP_DIVE",
            "",
            "Help and Protect",
            "Help and Protect Team 1",
            practitionerEmail,
            practitionerName,
            teamManagerEmail,
            teamManagerName,
            childRef,
            "auditor" + DOMAIN,
            grade,
            "",
            "",
            "",
            "",
            factors,
            notes)
        + "\n";
  }

  /**
   * One line of {@link #csvLine} for the demo practitioner and their team manager (no names given),
   * about child {@code C-<ref>}, with no notes.
   */
  public static String demoPractitionerCsvLine(
      String ref, String date, String grade, String factors) {
    return csvLine(
        ref,
        date,
        "practitioner" + DOMAIN,
        "",
        "team-manager" + DOMAIN,
        "",
        "C-" + ref,
        grade,
        factors,
        "");
  }

  /**
   * One line of an import file, with its line end: a deep dive of the demo practitioner in Help and
   * Protect Team 1 by the auditor named, moderated by the demo moderator a week later (with a
   * contributory factor when either grade is Inadequate).
   */
  public static String moderatedCsvLine(
      String ref, LocalDate date, String auditorEmail, String grade, String moderatedGrade) {
    boolean inadequate = grade.equals("INADEQUATE") || moderatedGrade.equals("INADEQUATE");
    return String.join(
            ",",
            ref,
            date.toString(),
            "DEEP_DIVE",
            "",
            "Help and Protect",
            "Help and Protect Team 1",
            "practitioner" + DOMAIN,
            "",
            "team-manager" + DOMAIN,
            "",
            "C-" + ref,
            auditorEmail,
            grade,
            "moderator" + DOMAIN,
            date.plusDays(7).toString(),
            moderatedGrade,
            grade.equals(moderatedGrade) ? "Agreed" : "Regraded on moderation",
            inadequate ? "ASSESSMENT_QUALITY" : "",
            "Test audit")
        + "\n";
  }

  /** Imports a CSV file through the API as the demo auditor. */
  public static ResponseEntity<String> importFile(TestRestTemplate http, String file) {
    return importFile(http, file, "auditor");
  }

  /** Imports a CSV file through the API as a demo user (the moderator, for moderated rows). */
  public static ResponseEntity<String> importFile(
      TestRestTemplate http, String file, String username) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv"));
    return http.withBasicAuth(username, "demo")
        .exchange(
            "/api/audits/import", HttpMethod.POST, new HttpEntity<>(file, headers), String.class);
  }

  /**
   * Starts with "A-", so that it sorts before the demo audits ("DEMO-...") on the first page of a
   * list by ref.
   */
  public static String uniqueRef(String prefix) {
    return "A-"
        + prefix
        + "-"
        + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
  }

  /** An inadequate deep dive of the demo practitioner in Help and Protect Team 1, audited today. */
  public static String inadequate(
      AuditRegister register, LocalDate today, String prefix, List<String> factors) {
    return inadequate(
        register,
        today,
        prefix,
        factors,
        "Help and Protect",
        "Help and Protect Team 1",
        "practitioner" + DOMAIN,
        "team-manager" + DOMAIN);
  }

  /**
   * An inadequate deep dive, audited today by the demo auditor, of a practitioner in the named
   * team.
   */
  public static String inadequate(
      AuditRegister register,
      LocalDate today,
      String prefix,
      List<String> factors,
      String serviceArea,
      String team,
      String practitionerEmail,
      String teamManagerEmail) {
    String ref = uniqueRef(prefix);
    register.record(
        new AuditDraft(
            ref,
            today.toString(),
            "DEEP_DIVE",
            null,
            serviceArea,
            team,
            practitionerEmail,
            null,
            teamManagerEmail,
            null,
            "C-" + ref,
            "auditor" + DOMAIN,
            "INADEQUATE",
            null,
            null,
            null,
            null,
            factors,
            "Test audit"));
    return ref;
  }
}
