package org.learningloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * axe-core over every page each role reaches from the header (the journeys check the forms): no
 * serious or critical WCAG 2.2 AA violation, and each role's header links to the pages of its work.
 */
class PagesAccessibilityTest extends BrowserJourney {

  /** Stands for the ref of a demo audit moderated more than once (its history). */
  private static final String MODERATED_AUDIT = "{moderated-audit}";

  /** Stands for the ref of the demo practitioner's latest audit (its challenge form). */
  private static final String OWN_AUDIT = "{own-audit}";

  /** Stands for the id of an open demo follow-up in the Assistant Director's service area. */
  private static final String OPEN_IN_HELP_AND_PROTECT = "{open-in-help-and-protect}";

  @Autowired JdbcTemplate jdbc;

  /** Each role, the header links it must see, and the pages it works in. */
  private static final Map<String, List<String>> PAGES =
      Map.of(
          "pi-officer",
              List.of(
                  "/",
                  "/tasks",
                  "/tasks?view=team",
                  "/tasks?view=overdue",
                  "/tasks?view=due-this-week",
                  "/audits"),
          "pi-lead",
              List.of(
                  "/dashboard",
                  "/tasks?view=team&sort=due-date",
                  "/reports",
                  "/reports/committee",
                  "/dip-samples",
                  "/actions/new"),
          "practitioner", List.of("/", "/my-work", "/tasks", "/audits", "/audits/" + OWN_AUDIT),
          "moderator",
              List.of(
                  "/moderation",
                  "/tasks?view=team",
                  "/audits?moderation=QUEUED",
                  "/audits?moderation=UNMODERATED",
                  "/audits/" + MODERATED_AUDIT),
          "team-manager", List.of("/dashboard", "/audits"),
          "assistant-director",
              List.of(
                  "/",
                  "/dashboard",
                  "/dashboard/follow-ups/" + OPEN_IN_HELP_AND_PROTECT,
                  "/reports?from=2026-01&to=2026-10"),
          "auditor",
              List.of(
                  "/",
                  "/audits/new",
                  "/audits/import",
                  "/audits?grade=INADEQUATE",
                  "/dip-samples",
                  "/dip-samples/new",
                  "/dip-samples/DS-2023-12-HP"),
          "admin", List.of("/", "/admin", "/admin/incidents"));

  private static final Map<String, List<String>> HEADER =
      Map.of(
          "pi-officer", List.of("Tasks", "Audits"),
          "pi-lead", List.of("Tasks", "Dashboard", "Audits", "Dip samples", "Reports"),
          "practitioner", List.of("Tasks", "My work", "Audits"),
          "moderator", List.of("Tasks", "Audits", "Moderation queue"),
          "team-manager", List.of("Tasks", "My work", "Dashboard", "Audits"),
          "assistant-director", List.of("Tasks", "Dashboard", "Audits", "Reports"),
          "auditor", List.of("Tasks", "Audits", "Dip samples"),
          // Administrators see no case data: no audit register in their header.
          "admin", List.of("Administration", "Reports"));

  @Test
  void everyPageOfEveryRolePassesAxeCore() {
    PAGES.forEach(
        (user, paths) -> {
          Browser b = browser().signIn(user, "demo").go("/");
          String header =
              b.driver().findElement(org.openqa.selenium.By.tagName("header")).getText();
          assertThat(header).as("header of %s", user).contains(HEADER.get(user));
          for (String page : paths) {
            String path =
                page.replace(OPEN_IN_HELP_AND_PROTECT, openInHelpAndProtect())
                    .replace(MODERATED_AUDIT, moderatedAudit())
                    .replace(OWN_AUDIT, ownAudit());
            b.go(path);
            assertThat(b.text())
                .as("%s as %s", path, user)
                .doesNotContain("Sorry, there is a problem", "You cannot see this page");
            b.assertAccessible(user + path.replaceAll("[^a-z0-9]+", "-"));
          }
        });
  }

  /** A demo audit with a moderation in its history. */
  private String moderatedAudit() {
    return jdbc.queryForObject(
        "select min(a.ref) from audit a join moderation m on m.audit_id = a.id", String.class);
  }

  /**
   * The demo practitioner's latest audit: recorded at start-up, so its challenge window is open.
   */
  private String ownAudit() {
    return jdbc.queryForObject(
        "select max(a.ref) from audit a join staff s on s.id = a.practitioner_id"
            + " where s.username = 'practitioner'",
        String.class);
  }

  /** The demo data's first open follow-up in Help and Protect (the demo managers' area). */
  private String openInHelpAndProtect() {
    return String.valueOf(
        jdbc.queryForObject(
            "select min(f.id) from follow_up f join service_area a on a.id = f.service_area_id"
                + " where a.name = 'Help and Protect' and f.status = 'OPEN'",
            Long.class));
  }

  @Test
  void aFollowUpThatIsNotYoursDoesNotExistForYou() {
    Browser b = browser().signIn("practitioner", "demo").go("/follow-ups/999999999");
    assertThat(b.text()).contains("Page not found");
    b.assertAccessible("follow-up-not-found");
  }
}
