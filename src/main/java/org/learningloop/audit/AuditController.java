package org.learningloop.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.FormValues;
import org.learningloop.common.Paging;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.security.AccessLog;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit register over HTTP. Auditors record and import, moderators moderate; everyone signed in
 * reads, limited to what their role may see (a practitioner their own audits, a team manager their
 * team's).
 */
@RestController
@RequestMapping("/api/audits")
@ApiResponse(
    responseCode = "400",
    description = "Invalid input; `errors` names every field at fault")
class AuditController {

  static final int MAX_PAGE_SIZE = Paging.MAX_SIZE;

  private final AuditRegister register;
  private final AuditCsvImport importer;
  private final Directory directory;
  private final AuditProperties properties;
  private final AccessLog accessLog;
  private final ModerationRights moderationRights;
  private final EarlierAudits earlierAudits;

  AuditController(
      AuditRegister register,
      AuditCsvImport importer,
      Directory directory,
      AuditProperties properties,
      AccessLog accessLog,
      ModerationRights moderationRights,
      EarlierAudits earlierAudits) {
    this.moderationRights = moderationRights;
    this.earlierAudits = earlierAudits;
    this.register = register;
    this.importer = importer;
    this.directory = directory;
    this.properties = properties;
    this.accessLog = accessLog;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('AUDITOR')")
  @Operation(
      operationId = "recordAudit",
      summary = "Record an audit (auditors)",
      description =
          "auditorEmail defaults to the signed-in user. The answer's earlierAuditsOfChild warns of the other audits of the same child dated in the 12 months before it; a warning, never a refusal.")
  @ApiResponse(responseCode = "201", description = "Recorded")
  @ApiResponse(responseCode = "409", description = "An audit with this ref is already recorded")
  ResponseEntity<AuditWithWarnings> record(@RequestBody AuditDraft draft, Principal principal) {
    Person me = directory.signedIn(principal);
    AuditDraft withAuditor =
        moderationRights.ownModeration(
            draft.auditorEmail() == null || draft.auditorEmail().isBlank()
                ? draft.withAuditor(me.email())
                : draft,
            me,
            ModerationRights.isModerator(principal));
    String ref = register.record(withAuditor);
    return ResponseEntity.created(URI.create("/api/audits/" + ref))
        .body(
            new AuditWithWarnings(
                register.view(ref, AuditScope.unrestricted()),
                earlierAudits.of(ref, AuditScope.of(me))));
  }

  @GetMapping("/{ref}")
  @Operation(
      operationId = "getAudit",
      summary = "One audit, with both grades, its moderation, factors, child ref and notes",
      description =
          "earlierAuditsOfChild warns of the other audits of the same child (ref and date) dated in the 12 months before this audit's date, latest first: those you may read.")
  @ApiResponse(responseCode = "200", description = "The audit")
  @ApiResponse(responseCode = "404", description = "No such audit, or not one you may see")
  AuditWithWarnings get(@PathVariable String ref, Principal principal) {
    AuditScope scope = AuditScope.of(directory.signedIn(principal));
    AuditView view = register.view(ref, scope);
    accessLog.record(principal.getName(), "VIEW", "AUDIT", view.ref());
    return new AuditWithWarnings(view, earlierAudits.of(view.ref(), scope));
  }

  @GetMapping
  @Operation(
      operationId = "listAudits",
      summary = "Audits you may see, newest first, filtered and paged")
  @ApiResponse(responseCode = "200", description = "A page of audits")
  AuditPage list(
      @Parameter(description = "first audit month, YYYY-MM") @RequestParam(required = false)
          String from,
      @Parameter(description = "last audit month, YYYY-MM (inclusive)")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "team id or name") @RequestParam(required = false) String team,
      @Parameter(description = "effective (post-moderation) grade") @RequestParam(required = false)
          String grade,
      @Parameter(description = "DEEP_DIVE or THEMATIC_DIP_SAMPLE") @RequestParam(required = false)
          String type,
      @Parameter(
              description =
                  "UNMODERATED (no moderation yet) or QUEUED (waiting in the moderation queue)")
          @RequestParam(required = false)
          String moderation,
      @Parameter(description = "page number from 0")
          @RequestParam(required = false, defaultValue = "0")
          String page,
      @Parameter(description = "page size, 1 to 200")
          @RequestParam(required = false, defaultValue = "50")
          String size,
      Principal principal) {
    List<FieldError> errors = new ArrayList<>();
    YearMonth fromMonth = month("from", from, errors);
    YearMonth toMonth = month("to", to, errors);
    if (fromMonth != null && toMonth != null && toMonth.isBefore(fromMonth)) {
      errors.add(new FieldError("to", "is before from"));
    }
    Long teamId = null;
    if (team != null && !team.isBlank()) {
      teamId = register.teamId(team).orElse(null);
      if (teamId == null) {
        errors.add(new FieldError("team", "no team with id or name '" + team + "'"));
      }
    }
    Grade gradeFilter = parse(Grade.class, "grade", grade, errors);
    AuditType typeFilter = parse(AuditType.class, "type", type, errors);
    AuditRegister.ModerationFilter moderationFilter =
        parse(AuditRegister.ModerationFilter.class, "moderation", moderation, errors);
    int pageNumber = number("page", page, 0, Paging.MAX_PAGE, errors);
    int pageSize = number("size", size, 1, MAX_PAGE_SIZE, errors);
    if (!errors.isEmpty()) {
      throw AuditProblem.invalidQuery(errors);
    }
    AuditPage result =
        register.list(
            new AuditRegister.AuditQuery(
                fromMonth, toMonth, teamId, gradeFilter, typeFilter, moderationFilter),
            AuditScope.of(directory.signedIn(principal)),
            pageNumber,
            pageSize);
    accessLog.record(principal.getName(), "LIST", "AUDIT", null);
    return result;
  }

  @PutMapping(path = "/{ref}/moderation", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('MODERATOR')")
  @Operation(
      operationId = "moderateAudit",
      summary = "Moderate an audit (moderators)",
      description =
          "The signed-in user is the moderator. A grade different from the auditor's needs a rationale; a "
              + "moderation to INADEQUATE needs at least one contributory factor (give `factors` to revise them).")
  @ApiResponse(responseCode = "200", description = "Moderated: the audit as it is now")
  @ApiResponse(responseCode = "404", description = "No such audit")
  AuditView moderate(
      @PathVariable String ref, @RequestBody ModerationDraft moderation, Principal principal) {
    register.moderate(ref, moderation.withModerator(directory.signedIn(principal).email()));
    return register.view(ref, AuditScope.unrestricted());
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  @PreAuthorize("hasAnyRole('AUDITOR','MODERATOR')")
  @Operation(
      operationId = "importAudits",
      summary = "Import audits from a CSV file (auditors)",
      description =
          "UTF-8 (with or without BOM), RFC 4180 quoting, CRLF or LF, header row with the contract's columns. "
              + "All or nothing; idempotent by audit_ref.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  @ApiResponse(responseCode = "200", description = "Imported")
  @ApiResponse(responseCode = "413", description = "File too large")
  AuditImportResult importFile(HttpServletRequest request, Principal principal) throws IOException {
    return importer.importFile(
        readLimited(request), AuditCsvImport.Importer.of(directory.signedIn(principal), principal));
  }

  private byte[] readLimited(HttpServletRequest request) throws IOException {
    long limit = properties.importMaxSize().toBytes();
    if (request.getContentLengthLong() > limit) {
      throw AuditProblem.fileTooLarge(limit, properties.importMaxRows());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        body.write(buffer, 0, n);
        if (body.size() > limit) {
          throw AuditProblem.fileTooLarge(limit, properties.importMaxRows());
        }
      }
    }
    return body.toByteArray();
  }

  private static YearMonth month(String name, String value, List<FieldError> errors) {
    return FormValues.parse(
        value, YearMonth::parse, name, "'" + value + "' is not a month as YYYY-MM", errors);
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String name, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(name, "unknown " + name + " '" + value + "'"));
      return null;
    }
  }

  static int number(String name, String value, int min, int max, List<FieldError> errors) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
    return min;
  }
}
