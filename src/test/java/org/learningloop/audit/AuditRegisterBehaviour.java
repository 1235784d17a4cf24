package org.learningloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.learningloop.audit.AuditFiles.csv;
import static org.learningloop.audit.AuditFiles.row;
import static org.learningloop.audit.AuditFiles.with;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the audit register promises, on whichever database the concrete class runs: the CSV
 * contract, the REST endpoints, the validation a QA officer expects, who may read what, and
 * grade-change events exactly once per change.
 */
@RecordApplicationEvents
abstract class AuditRegisterBehaviour {

  static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");
  static final RequestPostProcessor MODERATOR = user("moderator").roles("MODERATOR");

  /**
   * Files here carry historical moderations, which only a moderator may load (ModerationRightsTest
   * shows an auditor refused): the QA officer importing them holds both roles.
   */
  static final RequestPostProcessor IMPORTER = user("auditor").roles("AUDITOR", "MODERATOR");

  static final RequestPostProcessor PRACTITIONER = user("practitioner").roles("PRACTITIONER");
  static final RequestPostProcessor TEAM_MANAGER = user("team-manager").roles("TEAM_MANAGER");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEvents events;
  @Autowired Directory directory;
  @Autowired AuditLookup lookup;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

  String prefix;

  @BeforeEach
  void uniquePrefix() {
    prefix =
        "T"
            + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase()
            + "-"
            + SEQUENCE.incrementAndGet();
  }

  String ref(int n) {
    return prefix + "-" + n;
  }

  static org.springframework.http.HttpHeaders jsonHeaders() {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  ResultActions importFile(String file) throws Exception {
    return importBytes(file.getBytes(StandardCharsets.UTF_8));
  }

  /** An import of a file of the rows given. */
  @SafeVarargs
  final ResultActions importRows(Map<String, String>... rows) throws Exception {
    return importFile(csv(List.of(rows)));
  }

  ResultActions importBytes(byte[] file) throws Exception {
    return mvc.perform(
        post("/api/audits/import").contentType("text/csv").content(file).with(IMPORTER));
  }

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  /**
   * The only announcement recorded that an audit is no longer inadequate: the first audit's, the
   * demo moderator having moderated it to Requires improvement with the rationale given.
   */
  void assertModeratedUpToRequiresImprovement(String rationale) {
    assertThat(events.stream(AuditNoLongerInadequate.class))
        .containsExactly(
            new AuditNoLongerInadequate(
                ref(1), Grade.REQUIRES_IMPROVEMENT, "moderator@learningloop.example", rationale));
  }

  long events(Class<?> type) {
    return events.stream(type).count();
  }

  // ---- CSV import ----

  @Test
  void importCreatesAuditsAndUnknownStaffFromTheRowsWithoutPasswords() throws Exception {
    String email = prefix.toLowerCase() + ".new@council.example";
    importRows(
            with(
                row(ref(1)),
                "practitioner_email",
                email,
                "practitioner_name",
                "Nia New",
                "grade",
                "GOOD"),
            with(
                row(ref(2)),
                "moderator_email",
                "moderator@learningloop.example",
                "moderation_date",
                "2024-01-12",
                "moderated_grade",
                "REQUIRES_IMPROVEMENT"),
            with(
                row(ref(3)),
                "grade",
                "INADEQUATE",
                "factors",
                "ASSESSMENT_QUALITY; significant_harm_risk"))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"created\":3,\"updated\":0,\"unchanged\":0}", true));

    Person created = directory.findByEmail(email).orElseThrow();
    assertThat(created.displayName()).isEqualTo("Nia New");
    assertThat(created.roles()).containsExactly(Role.PRACTITIONER);
    assertThat(created.teamName()).isEqualTo(AuditFiles.TEAM);
    assertThat(directory.passwordMatches(created.username(), "")).isFalse();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from staff where email = ? and password_hash is null",
                Long.class,
                email))
        .isEqualTo(1);

    mvc.perform(get("/api/audits/" + ref(3)).with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.effectiveGrade").value("INADEQUATE"))
        .andExpect(jsonPath("$.factors", hasItem("SIGNIFICANT_HARM_RISK")))
        .andExpect(jsonPath("$.team.name").value(AuditFiles.TEAM))
        .andExpect(jsonPath("$.serviceArea.name").value(AuditFiles.AREA));
    AuditSummary summary = lookup.findByRef(ref(3)).orElseThrow();
    assertThat(summary.significantHarmRisk()).isTrue();
    assertThat(summary.effectiveGrade()).isEqualTo(Grade.INADEQUATE);
    assertThat(lookup.findByRef(ref(2)).orElseThrow())
        .satisfies(
            s -> {
              assertThat(s.auditorGrade()).isEqualTo(Grade.REQUIRES_IMPROVEMENT);
              assertThat(s.moderated()).isTrue();
            });
    assertThat(events(AuditBecameInadequate.class)).isEqualTo(1);
  }

  /**
   * An import opens follow-ups in bursts of 100 (one engine command each): 120 make two, and each
   * is whole.
   */
  @Test
  void everyAuditAnImportMakesInadequateGetsItsFollowUpAndRunningProcess() throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= 121; i++) {
      rows.add(
          i <= 120 ? with(row(ref(i)), "grade", "INADEQUATE", "factors", "PLANNING") : row(ref(i)));
    }
    importFile(csv(rows))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"created\":121,\"updated\":0,\"unchanged\":0}"));

    String mine = " like '" + prefix + "-%'";
    assertThat(events(AuditBecameInadequate.class)).isEqualTo(120);
    assertOpenFollowUpsWithRunningProcesses(mine, 120);
    assertThat(countOf("select count(distinct audit_ref) from open_task where audit_ref" + mine))
        .isEqualTo(120);

    // One file both lifts a grade out of Inadequate (its follow-up ends) and brings another into it
    // (one opens).
    rows.set(0, with(rows.get(0), "grade", "GOOD", "factors", ""));
    rows.set(120, with(rows.get(120), "grade", "INADEQUATE", "factors", "PLANNING"));
    importFile(csv(rows))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"created\":0,\"updated\":2,\"unchanged\":119}"));
    assertThat(followUpStatus(ref(1))).isEqualTo("GRADE_REVISED");
    assertThat(followUpStatus(ref(121))).isEqualTo("OPEN");
    assertOpenFollowUpsWithRunningProcesses(mine, 120);
  }

  /** {@code count} open follow-ups and as many running processes among the audits {@code refs}. */
  private void assertOpenFollowUpsWithRunningProcesses(String refs, int count) {
    assertThat(countOf("select count(*) from follow_up where status = 'OPEN' and audit_ref" + refs))
        .isEqualTo(count);
    assertThat(
            countOf(
                "select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null and PROC_DEF_ID_"
                    + " like '"
                    + org.learningloop.workflow.FollowUpProcess.KEY
                    + ":%' and BUSINESS_KEY_"
                    + refs))
        .isEqualTo(count);
  }

  @Test
  void reimportingTheSameFileChangesNothingAndAnnouncesNothing() throws Exception {
    String file =
        csv(
            List.of(
                row(ref(1)),
                with(row(ref(2)), "grade", "INADEQUATE", "factors", "PERMANENCE_DRIFT_DELAY")));
    importFile(file).andExpect(content().json("{\"created\":2,\"updated\":0,\"unchanged\":0}"));
    String updatedAt =
        jdbc.queryForObject("select updated_at from audit where ref = ?", String.class, ref(2));
    events.clear();

    importFile(file)
        .andExpect(status().isOk())
        .andExpect(content().json("{\"created\":0,\"updated\":0,\"unchanged\":2}"));

    assertThat(events(AuditBecameInadequate.class) + events(AuditNoLongerInadequate.class))
        .isZero();
    assertThat(
            jdbc.queryForObject("select updated_at from audit where ref = ?", String.class, ref(2)))
        .isEqualTo(updatedAt);
  }

  @Test
  void aChangedRowUpdatesTheAuditAndAnnouncesOnlyChangesOfGradeIntoOrOutOfInadequate()
      throws Exception {
    Map<String, String> audit = row(ref(1));
    importRows(audit).andExpect(content().json("{\"created\":1}"));

    events.clear();
    Map<String, String> inadequate = with(audit, "grade", "INADEQUATE", "factors", "RECORDING");
    importRows(inadequate)
        .andExpect(content().json("{\"created\":0,\"updated\":1,\"unchanged\":0}"));
    assertThat(events.stream(AuditBecameInadequate.class))
        .containsExactly(
            new AuditBecameInadequate(
                ref(1),
                "auditor@learningloop.example",
                "The auditor's grade was changed to Inadequate by auditor@learningloop.example."));

    events.clear();
    importRows(with(inadequate, "notes", "More detail", "factors", "RECORDING;PLANNING"))
        .andExpect(content().json("{\"updated\":1}"));
    assertThat(events(AuditBecameInadequate.class) + events(AuditNoLongerInadequate.class))
        .isZero();

    events.clear();
    importRows(
            with(
                inadequate,
                "moderator_email",
                "moderator@learningloop.example",
                "moderation_date",
                "2024-01-15",
                "moderated_grade",
                "REQUIRES_IMPROVEMENT",
                "moderation_rationale",
                "Evidence of a safety plan was on file."))
        .andExpect(content().json("{\"updated\":1}"));
    assertModeratedUpToRequiresImprovement("Evidence of a safety plan was on file.");
    assertThat(events(AuditBecameInadequate.class)).isZero();
  }

  @Test
  void aCorrectedAuditDateIsAnnouncedAndItsFollowUpIsCountedByIt() throws Exception {
    Map<String, String> inadequate =
        with(row(ref(1)), "grade", "INADEQUATE", "factors", "RECORDING");
    importRows(inadequate).andExpect(content().json("{\"created\":1}"));
    assertThat(
            jdbc.queryForObject(
                "select audit_date from follow_up where audit_ref = ?",
                java.sql.Date.class,
                ref(1)))
        .hasToString("2024-01-10");

    events.clear();
    importRows(with(inadequate, "audit_date", "2023-12-28"))
        .andExpect(content().json("{\"updated\":1}"));
    assertThat(events.stream(org.learningloop.audit.AuditRedated.class))
        .containsExactly(
            new org.learningloop.audit.AuditRedated(ref(1), java.time.LocalDate.of(2023, 12, 28)));
    assertThat(events(AuditBecameInadequate.class) + events(AuditNoLongerInadequate.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select audit_date from follow_up where audit_ref = ?",
                java.sql.Date.class,
                ref(1)))
        .hasToString("2023-12-28");

    events.clear();
    importRows(with(inadequate, "audit_date", "2023-12-28", "notes", "More detail"))
        .andExpect(content().json("{\"updated\":1}"));
    assertThat(events(org.learningloop.audit.AuditRedated.class)).isZero();
  }

  @Test
  void aBadFileWritesNothingAndNamesEveryBadLineAndField() throws Exception {
    long audits = count("audit");
    long staff = count("staff");
    String file =
        csv(
            List.of(
                with(
                    row(ref(1)),
                    "practitioner_email",
                    prefix.toLowerCase() + ".someone@council.example"),
                with(row(ref(2)), "grade", "SUPERB"),
                row(ref(3)),
                with(row(ref(4)), "audit_date", "2023-02-30", "factors", "NOT_A_FACTOR"),
                row(ref(5)),
                with(row(ref(6)), "grade", "INADEQUATE")));

    importFile(file)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("3 lines are wrong")))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    org.hamcrest.Matchers.contains(
                        "line 3, grade",
                        "line 5, audit_date",
                        "line 5, factors",
                        "line 7, factors")))
        .andExpect(
            jsonPath("$.errors[3].message")
                .value(containsString("needs at least one contributory factor")));

    assertThat(count("audit")).isEqualTo(audits);
    assertThat(count("staff")).isEqualTo(staff);
  }

  @Test
  void theChecksAQualityOfficerExpectsEachNameTheirField() throws Exception {
    Map<String, String> base = row(ref(0));
    record Case(Map<String, String> row, String field, String message) {}
    List<Case> cases =
        List.of(
            new Case(with(base, "audit_type", "SPOT_CHECK"), "audit_type", "unknown audit type"),
            new Case(with(base, "audit_date", "2099-01-01"), "audit_date", "in the future"),
            new Case(
                with(base, "audit_date", "10/01/2024"), "audit_date", "not a date as YYYY-MM-DD"),
            new Case(
                with(base, "moderated_grade", "GOOD", "moderation_date", "2024-01-12"),
                "moderator_email",
                "needs its moderator"),
            new Case(
                with(
                    base,
                    "moderated_grade",
                    "REQUIRES_IMPROVEMENT",
                    "moderator_email",
                    "moderator@learningloop.example",
                    "moderation_date",
                    "2024-01-09"),
                "moderation_date",
                "before the audit date"),
            new Case(
                with(base, "moderator_email", "moderator@learningloop.example"),
                "moderated_grade",
                "moderated grade is needed"),
            new Case(
                with(
                    base,
                    "moderated_grade",
                    "GOOD",
                    "moderator_email",
                    "moderator@learningloop.example",
                    "moderation_date",
                    "2024-01-12"),
                "moderation_rationale",
                "needs its rationale"),
            new Case(with(base, "audit_type", "THEMATIC_DIP_SAMPLE"), "theme", "needs its theme"),
            new Case(with(base, "child_ref", "Jane Smith"), "child_ref", "never a name"),
            new Case(
                with(base, "practitioner_email", "not-an-email"),
                "practitioner_email",
                "not an email address"),
            new Case(
                with(
                    base, "team", "Help and Protect Team 1", "service_area", "Corporate Parenting"),
                "team",
                "belongs to service area"),
            new Case(
                with(base, "auditor_email", "pat.worker@council.example"),
                "auditor_email",
                "own case"),
            new Case(
                with(base, "audit_ref", "has space"),
                "audit_ref",
                "must start with a letter or digit"),
            new Case(with(base, "notes", "x".repeat(4001)), "notes", "at most 4000"));
    long audits = count("audit");
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Map<String, String> r =
          c.row().get("audit_ref").equals(ref(0))
              ? with(c.row(), "audit_ref", ref(i + 1))
              : c.row();
      importRows(r)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[*].field", hasItem("line 2, " + c.field())))
          .andExpect(jsonPath("$.errors[*].message", hasItem(containsString(c.message()))));
    }
    assertThat(count("audit")).isEqualTo(audits);
  }

  @Test
  void aRefTwiceInOneFileIsRefusedWithBothLines() throws Exception {
    importRows(row(ref(1)), row(ref(2)), row(ref(1)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("line 4, audit_ref"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("also on line 2")));
  }

  @Test
  void utf8WithByteOrderMarkCrlfAndRfc4180QuotingAreRead() throws Exception {
    String notes = "Visits \"weekly\", then monthly;\r\nplan agreed – Zoë's view heard";
    String file =
        "\uFEFF"
            + csv(
                List.of(
                    with(
                        row(ref(1)),
                        "notes",
                        notes,
                        "practitioner_name",
                        "Zoë O'Brien",
                        "practitioner_email",
                        prefix.toLowerCase() + ".zoe@council.example")),
                "\r\n");

    importFile(file).andExpect(status().isOk()).andExpect(content().json("{\"created\":1}"));

    mvc.perform(get("/api/audits/" + ref(1)).with(AUDITOR))
        .andExpect(jsonPath("$.notes").value(notes))
        .andExpect(jsonPath("$.practitioner.name").value("Zoë O'Brien"));
  }

  @Test
  void brokenFilesAreRefusedWithWhereTheyBreak() throws Exception {
    String header = String.join(",", AuditField.CSV_HEADER);
    importFile("")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    importFile(header + "\n")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(containsString("no audit rows")));
    importFile(header.replace(",notes", "") + "\n")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message").value(containsString("lacks the column(s) notes")));
    importFile(csv(List.of(row(ref(1)))) + "a,b,c\n")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("line 3"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("has 3 fields")));
    importFile(csv(List.of(row(ref(2)))) + "\"unclosed,x\n")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(containsString("quot")));
    byte[] latin1 =
        csv(List.of(with(row(ref(3)), "notes", "café"))).getBytes(StandardCharsets.ISO_8859_1);
    importBytes(latin1)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("line 2"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("not UTF-8")));
    // Refused before any controller is chosen, so through the error page: a real server shows it.
    var wrongType = new org.springframework.http.HttpEntity<>("{}", jsonHeaders());
    var refused =
        http.withBasicAuth("auditor", "demo")
            .postForEntity("/api/audits/import", wrongType, String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(415);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedWith413() throws Exception {
    byte[] huge = new byte[10 * 1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    importBytes(huge)
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Audit file too large"));
  }

  @Test
  void aFileMayNotDropAModerationAlreadyRecorded() throws Exception {
    Map<String, String> moderated =
        with(
            row(ref(1)),
            "moderator_email",
            "moderator@learningloop.example",
            "moderation_date",
            "2024-01-12",
            "moderated_grade",
            "REQUIRES_IMPROVEMENT");
    importRows(moderated).andExpect(status().isOk());
    importRows(row(ref(1)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("line 2, moderated_grade"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("kept for ever")));
  }

  @Test
  void onlyAuditorsImport() throws Exception {
    mvc.perform(
            post("/api/audits/import")
                .contentType("text/csv")
                .content(csv(List.of(row(ref(1)))))
                .with(PRACTITIONER))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(lookup.findByRef(ref(1))).isEmpty();
  }

  @Test
  void aListenerThatFailsUndoesTheWholeImport() throws Exception {
    RollbackProbe.FAIL_FOR.add(ref(2));
    try {
      importRows(row(ref(1)), with(row(ref(2)), "grade", "INADEQUATE", "factors", "OTHER"))
          .andExpect(status().is5xxServerError());
    } finally {
      RollbackProbe.FAIL_FOR.remove(ref(2));
    }
    assertThat(lookup.findByRef(ref(1))).isEmpty();
    assertThat(lookup.findByRef(ref(2))).isEmpty();
  }

  // ---- REST ----

  @Test
  void theOpenApiDescriptionDocumentsTheEndpoints() throws Exception {
    mvc.perform(get("/v3/api-docs").with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.paths['/api/audits/import'].post.requestBody.content['text/csv']").exists())
        .andExpect(jsonPath("$.paths['/api/audits/{ref}/moderation'].put").exists())
        .andExpect(jsonPath("$.paths['/api/catalogues/factors'].get").exists());
  }

  String draft(String ref, String grade, String factors) {
    return """
        {"ref":"%s","auditDate":"2024-01-08","type":"THEMATIC_DIP_SAMPLE","theme":"Quality of assessments",
         "serviceArea":"%s","team":"%s","practitionerEmail":"pat.worker@council.example",
         "teamManagerEmail":"terry.lead@council.example","childRef":"C-778","grade":"%s","factors":[%s],
         "notes":"Seen at home."}
        """
        .formatted(ref, AuditFiles.AREA, AuditFiles.TEAM, grade, factors);
  }

  ResultActions record(String body) throws Exception {
    return mvc.perform(
        post("/api/audits").contentType(MediaType.APPLICATION_JSON).content(body).with(AUDITOR));
  }

  ResultActions moderate(String ref, String body) throws Exception {
    return mvc.perform(
        put("/api/audits/" + ref + "/moderation")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .with(MODERATOR));
  }

  @Test
  void anAuditorRecordsAnAuditAndReadsItBackWithBothGrades() throws Exception {
    record(draft(ref(1), "GOOD", ""))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/audits/" + ref(1)))
        .andExpect(jsonPath("$.auditor.email").value("auditor@learningloop.example"))
        .andExpect(jsonPath("$.type").value("THEMATIC_DIP_SAMPLE"))
        .andExpect(jsonPath("$.childRef").value("C-778"));

    moderate(
            ref(1),
            "{\"date\":\"2024-01-09\",\"grade\":\"REQUIRES_IMPROVEMENT\",\"rationale\":\"No timescales in the plan.\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.auditorGrade").value("GOOD"))
        .andExpect(jsonPath("$.effectiveGrade").value("REQUIRES_IMPROVEMENT"))
        .andExpect(jsonPath("$.moderation.moderator.email").value("moderator@learningloop.example"))
        .andExpect(jsonPath("$.moderation.rationale").value("No timescales in the plan."));
    assertThat(events(AuditBecameInadequate.class) + events(AuditNoLongerInadequate.class))
        .isZero();
  }

  @Test
  void recordingAnInadequateAuditAnnouncesItOnce() throws Exception {
    record(draft(ref(1), "INADEQUATE", "\"SIGNIFICANT_HARM_RISK\""))
        .andExpect(status().isCreated());
    assertThat(events.stream(AuditBecameInadequate.class))
        .containsExactly(new AuditBecameInadequate(ref(1)));
  }

  @Test
  void moderationDownToInadequateAndBackIsAnnouncedOncePerChange() throws Exception {
    record(draft(ref(1), "REQUIRES_IMPROVEMENT", "")).andExpect(status().isCreated());

    moderate(
            ref(1),
            "{\"date\":\"2024-01-10\",\"grade\":\"INADEQUATE\",\"rationale\":\"Risk not assessed.\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("factors"));
    assertThat(events(AuditBecameInadequate.class)).isZero();

    String down =
        "{\"date\":\"2024-01-10\",\"grade\":\"INADEQUATE\",\"rationale\":\"Risk not assessed.\",\"factors\":[\"SIGNIFICANT_HARM_RISK\"]}";
    moderate(ref(1), down)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.effectiveGrade").value("INADEQUATE"));
    moderate(ref(1), down).andExpect(status().isOk());
    assertThat(events.stream(AuditBecameInadequate.class))
        .containsExactly(
            new AuditBecameInadequate(
                ref(1), "moderator@learningloop.example", "Risk not assessed."));

    moderate(
            ref(1),
            "{\"date\":\"2024-01-11\",\"grade\":\"REQUIRES_IMPROVEMENT\",\"rationale\":\"Safety plan found on file.\"}")
        .andExpect(status().isOk());
    assertModeratedUpToRequiresImprovement("Safety plan found on file.");

    // and down again: announced again, with the moderator's new reason (the follow-up is reopened
    // on it)
    events.clear();
    moderate(
            ref(1),
            "{\"date\":\"2024-01-12\",\"grade\":\"INADEQUATE\",\"rationale\":\"The safety plan was out of date.\","
                + "\"factors\":[\"SIGNIFICANT_HARM_RISK\"]}")
        .andExpect(status().isOk());
    assertThat(events.stream(AuditBecameInadequate.class))
        .containsExactly(
            new AuditBecameInadequate(
                ref(1), "moderator@learningloop.example", "The safety plan was out of date."));
  }

  @Test
  void badRequestsGetProblemDetailsNamingTheFields() throws Exception {
    record(
            "{\"ref\":\""
                + ref(1)
                + "\",\"auditDate\":\"2024-13-01\",\"type\":\"DEEP_DIVE\",\"grade\":\"BAD\"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("auditDate")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("grade")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("practitionerEmail")));
    record("{\"ref\":[1,2]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("ref"));
    record("{\"ref\":")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));

    record(draft(ref(2), "GOOD", "")).andExpect(status().isCreated());
    record(draft(ref(2), "GOOD", ""))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[0].field").value("ref"));
    moderate(ref(2), "{\"date\":\"2024-01-01\",\"grade\":\"GOOD\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("date"));
    moderate(ref(2), "{\"date\":\"2024-01-09\",\"grade\":\"OUTSTANDING\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("rationale"));
    moderate(prefix + "-none", "{\"date\":\"2024-01-09\",\"grade\":\"GOOD\"}")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.errors[0].field").value("ref"));
    mvc.perform(
            put("/api/audits/" + ref(2) + "/moderation")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"2024-01-09\",\"grade\":\"GOOD\"}")
                .with(AUDITOR))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/audits?size=201&grade=SUPERB&from=2024-13").with(AUDITOR))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                org.hamcrest.Matchers.containsInAnyOrder("from", "grade", "size")));
  }

  @Test
  void theListFiltersByPeriodTeamGradeAndTypeAndPages() throws Exception {
    String team = prefix + " Team";
    importRows(
            with(row(ref(1)), "team", team, "audit_date", "2023-11-05"),
            with(
                row(ref(2)),
                "team",
                team,
                "audit_date",
                "2023-12-05",
                "grade",
                "INADEQUATE",
                "factors",
                "PLANNING"),
            with(
                row(ref(3)),
                "team",
                team,
                "audit_date",
                "2023-12-20",
                "grade",
                "INADEQUATE",
                "factors",
                "PLANNING"),
            with(
                row(ref(4)),
                "team",
                team,
                "audit_date",
                "2024-01-05",
                "audit_type",
                "THEMATIC_DIP_SAMPLE",
                "theme",
                "Voice"))
        .andExpect(status().isOk());

    mvc.perform(
            get("/api/audits")
                .param("team", team)
                .param("from", "2023-12")
                .param("to", "2023-12")
                .param("grade", "INADEQUATE")
                .param("size", "1")
                .with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(2))
        .andExpect(jsonPath("$.totalPages").value(2))
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].ref").value(ref(3)));
    mvc.perform(
            get("/api/audits")
                .param("team", team)
                .param("type", "THEMATIC_DIP_SAMPLE")
                .with(AUDITOR))
        .andExpect(jsonPath("$.items[*].ref").value(org.hamcrest.Matchers.contains(ref(4))));
  }

  @Test
  void practitionersSeeOnlyTheirOwnAuditsAndTeamManagersTheirTeams() throws Exception {
    importRows(
            with(
                row(ref(1)),
                "practitioner_email",
                "practitioner@learningloop.example",
                "team",
                "Help and Protect Team 1",
                "service_area",
                "Help and Protect",
                "team_manager_email",
                "team-manager@learningloop.example"),
            row(ref(2)))
        .andExpect(status().isOk());

    mvc.perform(get("/api/audits/" + ref(1)).with(PRACTITIONER)).andExpect(status().isOk());
    mvc.perform(get("/api/audits/" + ref(2)).with(PRACTITIONER))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/audits?size=200").with(PRACTITIONER))
        .andExpect(
            jsonPath(
                "$.items[*].practitioner.email",
                everyItem(org.hamcrest.Matchers.is("practitioner@learningloop.example"))))
        .andExpect(jsonPath("$.items[*].ref", hasItem(ref(1))));
    mvc.perform(get("/api/audits/" + ref(1)).with(TEAM_MANAGER)).andExpect(status().isOk());
    mvc.perform(get("/api/audits/" + ref(2)).with(TEAM_MANAGER)).andExpect(status().isNotFound());
    mvc.perform(
            post("/api/audits")
                .contentType(MediaType.APPLICATION_JSON)
                .content(draft(ref(3), "GOOD", ""))
                .with(PRACTITIONER))
        .andExpect(status().isForbidden());
  }

  @Test
  void everyViewOfAnAuditIsInTheAccessLog() throws Exception {
    importRows(row(ref(1))).andExpect(status().isOk());
    long before =
        jdbc.queryForObject(
            "select count(*) from access_log where principal = 'auditor' and action = 'VIEW' and resource_type = 'AUDIT'"
                + " and resource_id = ?",
            Long.class,
            ref(1));

    mvc.perform(get("/api/audits/" + ref(1)).with(AUDITOR)).andExpect(status().isOk());
    mvc.perform(get("/api/audits").with(AUDITOR)).andExpect(status().isOk());

    assertThat(
            jdbc.queryForObject(
                "select count(*) from access_log where principal = 'auditor' and action = 'VIEW' and resource_type = 'AUDIT'"
                    + " and resource_id = ?",
                Long.class,
                ref(1)))
        .isEqualTo(before + 1);
    assertThat(
            countOf(
                "select count(*) from access_log where principal = 'auditor' and action = 'LIST' and resource_type = 'AUDIT'"))
        .isPositive();
  }

  @Test
  void catalogueEntriesAreAddedAndRetiredByAdminsAndRetiredCodesAreRefusedForNewAudits()
      throws Exception {
    String code = prefix.replace("-", "_") + "_FACTOR";
    mvc.perform(get("/api/catalogues/factors").with(PRACTITIONER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].code", hasItem("PERMANENCE_DRIFT_DELAY")));
    mvc.perform(get("/api/catalogues/support-types").with(PRACTITIONER))
        .andExpect(jsonPath("$[*].code", hasItem("CARE_PLANNING_VIDEO")));
    mvc.perform(
            post("/api/catalogues/factors")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"label\":\"Test factor\"}")
                .with(AUDITOR))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/catalogues/factors")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"label\":\"Test factor\"}")
                .with(user("admin").roles("ADMIN")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.active").value(true));
    mvc.perform(
            post("/api/catalogues/factors")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"label\":\"Again\"}")
                .with(user("admin").roles("ADMIN")))
        .andExpect(status().isConflict());
    mvc.perform(
            post("/api/catalogues/support-types")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"\",\"label\":\"\"}")
                .with(user("admin").roles("ADMIN")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("code")));

    Map<String, String> withFactor = with(row(ref(1)), "grade", "INADEQUATE", "factors", code);
    importRows(withFactor).andExpect(status().isOk());
    mvc.perform(
            put("/api/catalogues/factors/" + code)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"active\":false,\"label\":\"Retired test factor\"}")
                .with(user("admin").roles("ADMIN")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false))
        .andExpect(jsonPath("$.label").value("Retired test factor"));

    importRows(withFactor).andExpect(content().json("{\"unchanged\":1}"));
    importRows(with(withFactor, "audit_ref", ref(2)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(containsString("retired")));
  }

  private long countOf(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private String followUpStatus(String auditRef) {
    return jdbc.queryForObject(
        "select status from follow_up where audit_ref = ?", String.class, auditRef);
  }
}
