package org.learningloop.support;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.learningloop.audit.AuditDraft;
import org.learningloop.audit.AuditRegister;

/**
 * Audits for tests, recorded through the register so that their follow-ups open as in real use;
 * each ref is new.
 */
public final class TestAudits {

  private static final String DOMAIN = "@learningloop.example";

  private TestAudits() {}

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
