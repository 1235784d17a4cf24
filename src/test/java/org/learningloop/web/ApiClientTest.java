package org.learningloop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditDraft;
import org.learningloop.audit.ModerationDraft;
import org.learningloop.client.ApiClient;
import org.learningloop.client.api.AuditsApi;
import org.learningloop.client.api.FollowUpsApi;
import org.learningloop.client.api.ReportsApi;
import org.learningloop.client.model.AuditImportResult;
import org.learningloop.client.model.AuditSummaryReport;
import org.learningloop.client.model.AuditSummaryReportGradeChange;
import org.learningloop.client.model.FollowUpCommandClaim;
import org.learningloop.client.model.FollowUpDetails;
import org.learningloop.client.model.FollowUpSummary;
import org.learningloop.client.model.PageOfFollowUpSummary;
import org.learningloop.reporting.SeedAudits;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The Java client generated in the build from {@code docs/openapi.json} (openapi-generator,
 * resttemplate), against the running application: what another council system does with it. If it
 * cannot express one of these calls, the description is wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiClientTest {

  /** The seed in years nobody else's data uses. */
  static final int YEARS_EARLIER = 10;

  static final String HEADER =
      "audit_ref,audit_date,audit_type,theme,service_area,team,practitioner_email,"
          + "practitioner_name,team_manager_email,team_manager_name,child_ref,auditor_email,grade,"
          + "moderator_email,moderation_date,moderated_grade,moderation_rationale,factors,notes";

  @LocalServerPort int port;

  ApiClient as(String username) {
    ApiClient client = new ApiClient();
    client.setBasePath("http://localhost:" + port);
    client.setUsername(username);
    client.setPassword("demo");
    return client;
  }

  @Test
  void aClientImportsTheSeedReadsTheAuditSummaryListsOpenFollowUpsAndClaimsOne() {
    // The seed's audits as one import file (the CSV contract), then its moderations one by one.
    List<AuditDraft> audits = new ArrayList<>();
    Map<String, ModerationDraft> moderations = new LinkedHashMap<>();
    SeedAudits.replay(
        YEARS_EARLIER,
        new SeedAudits.Recorder() {
          @Override
          public String record(AuditDraft draft) {
            audits.add(draft);
            return draft.ref();
          }

          @Override
          public void moderate(String ref, ModerationDraft moderation) {
            moderations.put(ref, moderation);
          }
        });

    AuditsApi auditor = new AuditsApi(as("auditor"));
    AuditImportResult imported = auditor.importAudits(csv(audits));
    assertThat(imported.getCreated()).isEqualTo(audits.size());
    assertThat(imported.getUpdated()).isZero();
    assertThat(auditor.importAudits(csv(audits)).getUnchanged())
        .as("the same file twice changes nothing")
        .isEqualTo(audits.size());

    AuditsApi moderator = new AuditsApi(as("moderator"));
    moderations.forEach(
        (ref, m) ->
            moderator.moderateAudit(
                ref,
                new org.learningloop.client.model.ModerationDraft()
                    .date(m.date())
                    .grade(m.grade())
                    .rationale(m.rationale())
                    .factors(m.factors())));

    // December and January: the council's 35 audits, 40% moderated, two Good → RI.
    ReportsApi reports = new ReportsApi(as("pi-lead"));
    AuditSummaryReport decJan = reports.auditSummary(month(2023, 12), month(2024, 1));
    assertThat(decJan.getAudits()).isEqualTo(35);
    assertThat(decJan.getModerated()).isEqualTo(14);
    assertThat(decJan.getModeratedPercent()).isEqualTo(40.0);
    assertThat(decJan.getGradeChanges())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.getFrom()).isEqualTo(AuditSummaryReportGradeChange.FromEnum.GOOD);
              assertThat(change.getTo())
                  .isEqualTo(AuditSummaryReportGradeChange.ToEnum.REQUIRES_IMPROVEMENT);
              assertThat(change.getCount()).isEqualTo(2);
            });
    assertThat(decJan.getMonths()).hasSize(2);
    // July to December: 20 inadequate of 100, 11 moderated, 5 downgraded from RI.
    AuditSummaryReport julDec = reports.auditSummary(month(2023, 7), month(2023, 12));
    assertThat(julDec.getAudits()).isEqualTo(100);
    assertThat(julDec.getInadequate().getCount()).isEqualTo(20);
    assertThat(julDec.getInadequate().getPercentOfAudits()).isEqualTo(20.0);
    assertThat(julDec.getInadequate().getModerated()).isEqualTo(11);
    assertThat(julDec.getInadequate().getDowngradedToInadequate())
        .containsExactly(Map.entry("REQUIRES_IMPROVEMENT", 5L));
    assertThat(julDec.getInadequate().getFactors())
        .containsEntry("ASSESSMENT_QUALITY", 9L)
        .containsEntry("SIGNIFICANT_HARM_RISK", 7L)
        .containsEntry("OVERSIGHT_ESCALATION", 4L);

    // Every inadequate seed audit has an open follow-up in the team queue.
    FollowUpsApi officer = new FollowUpsApi(as("pi-officer"));
    List<FollowUpSummary> ours = new ArrayList<>();
    int page = 0;
    PageOfFollowUpSummary found;
    do {
      found = officer.listFollowUps("OPEN", null, page++, 200);
      found.getContent().stream()
          .filter(f -> f.getAuditRef().startsWith("SEED-" + YEARS_EARLIER + "-"))
          .forEach(ours::add);
    } while (page < found.getTotalPages());
    assertThat(ours).hasSize((int) inadequate(audits, moderations));
    assertThat(ours)
        .allSatisfy(
            f -> {
              assertThat(f.getStatus()).isEqualTo(FollowUpSummary.StatusEnum.OPEN);
              assertThat(f.getAssignee()).isNull();
              assertThat(f.getDueDate()).isNotNull();
            });

    // A PI officer claims one; the list then shows them as its officer.
    FollowUpSummary first = ours.get(0);
    FollowUpDetails claimed =
        officer.claim(first.getId(), new FollowUpCommandClaim().jointConversation(false));
    assertThat(claimed.getAssignee()).isEqualTo("pi-officer");
    assertThat(officer.listFollowUps(null, first.getAuditRef(), 0, 50).getContent())
        .singleElement()
        .satisfies(f -> assertThat(f.getAssignee()).isEqualTo("pi-officer"));

    // A second claim is refused with problem details; so is a page beyond the limit.
    assertThatThrownBy(
            () -> officer.claim(first.getId(), new FollowUpCommandClaim().jointConversation(false)))
        .isInstanceOfSatisfying(
            HttpClientErrorException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    assertThatThrownBy(() -> officer.listFollowUps("OPEN", null, 999_999_999, 50))
        .isInstanceOfSatisfying(
            HttpClientErrorException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.getResponseBodyAsString()).contains("\"page\"", "1000000");
            });
  }

  static String month(int year, int month) {
    return String.format("%04d-%02d", year - YEARS_EARLIER, month);
  }

  /** Audits whose effective grade is Inadequate once every moderation is in. */
  static long inadequate(List<AuditDraft> audits, Map<String, ModerationDraft> moderations) {
    return audits.stream()
        .filter(
            a -> {
              ModerationDraft m = moderations.get(a.ref());
              return "INADEQUATE".equals(m == null ? a.grade() : m.grade());
            })
        .count();
  }

  static String csv(List<AuditDraft> audits) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord((Object[]) HEADER.split(","));
      for (AuditDraft a : audits) {
        printer.printRecord(
            a.ref(),
            a.auditDate(),
            a.type(),
            a.theme(),
            a.serviceArea(),
            a.team(),
            a.practitionerEmail(),
            a.practitionerName(),
            a.teamManagerEmail(),
            a.teamManagerName(),
            a.childRef(),
            a.auditorEmail(),
            a.grade(),
            a.moderatorEmail(),
            a.moderationDate(),
            a.moderatedGrade(),
            a.moderationRationale(),
            a.factors() == null ? "" : String.join(";", a.factors()),
            a.notes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
