package org.learningloop.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Examples of the contracts in PRODUCT.md (CSV import, audit summary, follow-up list, dip samples
 * and actions), taken from the council's report the product serves, so a client's author sees the
 * real shape.
 */
final class ApiExamples {

  static final String IMPORT_CSV =
      "audit_ref,audit_date,audit_type,theme,service_area,team,practitioner_email,"
          + "practitioner_name,team_manager_email,team_manager_name,child_ref,auditor_email,grade,"
          + "moderator_email,moderation_date,moderated_grade,moderation_rationale,factors,notes\r\n"
          + "QA-2023-12-014,2023-12-05,DEEP_DIVE,,Help and Protect,Help and Protect 3,"
          + "pat.worker@council.example,Pat Worker,terry.lead@council.example,Terry Lead,C-204518,"
          + "aisha.auditor@council.example,REQUIRES_IMPROVEMENT,morgan.moderator@council.example,"
          + "2023-12-12,INADEQUATE,\"The plan does not address the drift; the child waits.\","
          + "PERMANENCE_DRIFT_DELAY;ASSESSMENT_QUALITY,Seen at home.\r\n"
          + "DS-2023-12-HP-01,2023-12-06,THEMATIC_DIP_SAMPLE,DS-2023-12-HP,Help and Protect,"
          + "Help and Protect 1,sam.social@council.example,Sam Social,terry.lead@council.example,"
          + "Terry Lead,C-310022,aisha.auditor@council.example,GOOD,,,,,,\r\n";

  static final String IMPORT_RESULT = "{\"created\":2,\"updated\":0,\"unchanged\":0}";

  static final String IMPORT_REJECTED =
      """
      {"type":"https://learningloop.org/problems/invalid-audit-file","title":"Audit file rejected",
       "status":400,"detail":"2 lines are wrong; see errors. Nothing was imported.",
       "errors":[{"field":"line 3, grade","message":"unknown grade 'SUPERB'; use OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT or INADEQUATE"},
                 {"field":"line 7, audit_date","message":"'2024-02-30' is not a date as YYYY-MM-DD"}]}
      """;

  static final String AUDIT_SUMMARY =
      """
      {"from":"2023-12","to":"2024-01","audits":35,"moderated":14,"moderatedPercent":40.0,
       "gradeChanges":[{"from":"GOOD","to":"REQUIRES_IMPROVEMENT","count":2}],
       "months":[
        {"month":"2023-12","audits":20,"outstanding":1,"good":3,"requiresImprovement":14,"inadequate":2,"inadequatePercent":10.0},
        {"month":"2024-01","audits":15,"outstanding":0,"good":3,"requiresImprovement":10,"inadequate":2,"inadequatePercent":13.3}],
       "inadequate":{"count":4,"percentOfAudits":11.4,"moderated":2,"moderatedPercent":50.0,
        "downgradedToInadequate":{"REQUIRES_IMPROVEMENT":1},
        "factors":{"PERMANENCE_DRIFT_DELAY":3,"SIGNIFICANT_HARM_RISK":2,"OVERSIGHT_ESCALATION":1}}}
      """;

  static final String FOLLOW_UPS =
      """
      {"content":[
        {"id":41,"auditRef":"QA-2023-12-014","status":"OPEN","stage":"CONVERSATIONS",
         "assignee":"owen.officer","dueDate":"2024-01-16","overdue":false},
        {"id":42,"auditRef":"QA-2023-12-019","status":"OPEN","stage":"ALLOCATION",
         "assignee":null,"dueDate":"2023-12-21","overdue":true}],
       "page":0,"size":50,"totalElements":2,"totalPages":1}
      """;

  static final String DIP_SAMPLE =
      """
      {"ref":"DS-2023-12-HP","theme":"Quality of assessments in the Help and Protect teams","month":"2023-12",
       "serviceArea":"Help and Protect","teams":[],"unit":"ASSESSMENTS","sampleSize":16,"auditor":"aisha.auditor",
       "findings":"Assessments were mostly timely; the child's voice was often missing.","audits":16,
       "auditRefs":["DS-2023-12-HP-01","DS-2023-12-HP-02"],
       "actions":{"set":3,"done":1,"doneOnTime":1,"open":2,"overdue":0}}
      """;

  static final String DIP_SAMPLE_REPORT =
      """
      {"from":"2023-12","to":"2024-01","dipSamples":[
        {"ref":"DS-2023-12-HP","theme":"Quality of assessments in the Help and Protect teams","month":"2023-12",
         "serviceArea":"Help and Protect","unit":"ASSESSMENTS","sampleSize":16,"audits":16,
         "actions":{"set":3,"done":2,"doneOnTime":1,"open":1,"overdue":1}},
        {"ref":"DS-2024-01-SFPH","theme":"Impact of the Safer Families Practice Hub","month":"2024-01",
         "serviceArea":"Help and Protect","unit":"FAMILIES","sampleSize":10,"audits":10,
         "actions":{"set":2,"done":0,"doneOnTime":0,"open":1,"overdue":0}},
        {"ref":"DS-2024-01-CWCN","theme":"Quality of assessments in the CWCN and Corporate Parenting teams",
         "month":"2024-01","serviceArea":"Children We Care For","unit":"ASSESSMENTS","sampleSize":7,"audits":7,
         "actions":{"set":0,"done":0,"doneOnTime":0,"open":0,"overdue":0}}],
       "actions":{"set":5,"done":2,"doneOnTime":1,"open":2,"overdue":1}}
      """;

  static final String ACTION =
      """
      {"id":12,"source":"DS-2023-12-HP","sourceType":"DIP_SAMPLE","status":"OPEN","ownerType":"TEAM",
       "owner":"Help and Protect 3","actor":"terry.lead","description":"Hold a team session on analysing risk",
       "dueDate":"2024-02-16","overdue":false,"setBy":"aisha.auditor","setAt":"2024-01-22T10:15:00Z",
       "evidence":null,"completedAt":null,"verificationDue":null,"verifiedBy":null,"verifiedAt":null,
       "sentBack":0,"reason":null,
       "history":[{"at":"2024-01-22T10:15:00Z","actor":"aisha.auditor","what":"SET","note":null}]}
      """;

  static final String ACTIONS =
      """
      {"content":[
        {"id":12,"source":"DS-2023-12-HP","sourceType":"DIP_SAMPLE","status":"OPEN","ownerType":"TEAM",
         "owner":"Help and Protect 3","actor":"terry.lead","description":"Hold a team session on analysing risk",
         "dueDate":"2024-02-16","verificationDue":null,"overdue":false,"setBy":"aisha.auditor"},
        {"id":14,"source":"QA-2023-12-014","sourceType":"AUDIT","status":"AWAITING_VERIFICATION",
         "ownerType":"PARTNER","owner":"IRO service","actor":"ivy.iro","description":"Agree an escalation route",
         "dueDate":"2024-02-09","verificationDue":"2024-02-13","overdue":false,"setBy":"aisha.auditor"}],
       "page":0,"size":50,"totalElements":2,"totalPages":1}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiExamples() {}

  static void addTo(OpenAPI openApi) {
    on(
        openApi,
        "/api/audits/import",
        PathItem::getPost,
        operation -> {
          if (operation.getRequestBody() != null
              && operation.getRequestBody().getContent() != null) {
            MediaType csv = operation.getRequestBody().getContent().get("text/csv");
            if (csv != null) {
              csv.setExample(IMPORT_CSV);
            }
          }
          example(operation.getResponses().get("200"), "application/json", IMPORT_RESULT);
          example(
              operation.getResponses().get("400"), ApiDescription.PROBLEM_JSON, IMPORT_REJECTED);
        });
    on(
        openApi,
        "/api/reports/audit-summary",
        PathItem::getGet,
        operation ->
            example(operation.getResponses().get("200"), "application/json", AUDIT_SUMMARY));
    on(
        openApi,
        "/api/follow-ups",
        PathItem::getGet,
        operation -> example(operation.getResponses().get("200"), "application/json", FOLLOW_UPS));
    on(
        openApi,
        "/api/dip-samples",
        PathItem::getPost,
        operation -> example(operation.getResponses().get("201"), "application/json", DIP_SAMPLE));
    on(
        openApi,
        "/api/reports/dip-samples",
        PathItem::getGet,
        operation ->
            example(operation.getResponses().get("200"), "application/json", DIP_SAMPLE_REPORT));
    on(
        openApi,
        "/api/actions",
        PathItem::getPost,
        operation -> example(operation.getResponses().get("201"), "application/json", ACTION));
    on(
        openApi,
        "/api/actions",
        PathItem::getGet,
        operation -> example(operation.getResponses().get("200"), "application/json", ACTIONS));
  }

  private static void on(
      OpenAPI openApi,
      String path,
      Function<PathItem, Operation> method,
      java.util.function.Consumer<Operation> change) {
    PathItem item = openApi.getPaths().get(path);
    Operation operation = item == null ? null : method.apply(item);
    if (operation != null && operation.getResponses() != null) {
      change.accept(operation);
    }
  }

  private static void example(ApiResponse response, String mediaType, String json) {
    if (response == null || response.getContent() == null) {
      return;
    }
    MediaType content = response.getContent().get(mediaType);
    if (content == null) {
      return;
    }
    // A fresh copy each time: the problem content is shared by reference between responses.
    response.setContent(
        new io.swagger.v3.oas.models.media.Content()
            .addMediaType(
                mediaType, new MediaType().schema(content.getSchema()).example(parse(json))));
  }

  private static Object parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
