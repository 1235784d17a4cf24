package org.learningloop.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.learningloop.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The committee report over HTTP: a PI lead prepares the draft of a period, the Assistant Director
 * writes its narrative and publishes numbered, immutable versions.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(
    name = "Committee report",
    description =
        "Draft, narrative and published versions of the committee report (each an immutable snapshot)")
@ApiResponse(
    responseCode = "400",
    description = "Missing, malformed or reversed period, or an invalid request")
@PreAuthorize(ReportRoles.READ)
class CommitteeReportApiController {

  private final ReportPublisher publisher;
  private final CommitteeReportRenderer renderer;
  private final ReportBreakdowns breakdowns;
  private final CurrentUser currentUser;

  CommitteeReportApiController(
      ReportPublisher publisher,
      CommitteeReportRenderer renderer,
      ReportBreakdowns breakdowns,
      CurrentUser currentUser) {
    this.publisher = publisher;
    this.renderer = renderer;
    this.breakdowns = breakdowns;
    this.currentUser = currentUser;
  }

  @GetMapping("/breakdown")
  @Operation(
      summary =
          "The inadequate analysis and follow-ups by service area and team, as far as you may see",
      description =
          "Deep-dive audits dated in the period (dip samples excluded) and the follow-ups of those"
              + " audits: PI leads and officers see every area, Service Managers and Assistant"
              + " Directors their own, auditors and moderators the audit figures only.")
  @ApiResponse(responseCode = "200", description = "The breakdown")
  ReportBreakdown breakdown(
      @Parameter(description = "first month, YYYY-MM") @RequestParam(required = false) String from,
      @Parameter(description = "last month, YYYY-MM") @RequestParam(required = false) String to) {
    return breakdowns.breakdown(ReportPeriod.parse(from, to), currentUser.scope(), false);
  }

  /**
   * The draft of a period as the API shows it.
   *
   * @param sections every narrative section, in order, with the text that would be printed
   * @param versions published so far, first first
   */
  record Draft(
      String from,
      String to,
      LocalDate meetingDate,
      String portfolio,
      boolean includedInForwardPlan,
      String preparedBy,
      Instant preparedAt,
      String narrativeBy,
      Instant narrativeAt,
      List<Section> sections,
      List<Publication> versions) {}

  /**
   * @param written false while the template's standard wording (or nothing) stands
   */
  record Section(String key, String heading, String group, String text, boolean written) {}

  @PostMapping("/committee-reports")
  @PreAuthorize(ReportRoles.PREPARE)
  @Operation(summary = "Prepare the draft committee report of a period (PI leads)")
  @ApiResponse(responseCode = "201", description = "The draft")
  @ApiResponse(responseCode = "409", description = "The period has a draft already")
  ResponseEntity<Draft> prepare(
      @Parameter(description = "first month, YYYY-MM") @RequestParam(required = false) String from,
      @Parameter(description = "last month, YYYY-MM") @RequestParam(required = false) String to,
      Principal principal) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    CommitteeDraft draft = publisher.prepare(period, principal.getName());
    return ResponseEntity.created(URI.create("/api/reports/committee-reports?" + period.query()))
        .body(view(draft));
  }

  @GetMapping("/committee-reports")
  @Operation(summary = "The draft committee report of a period, its narrative and its versions")
  @ApiResponse(responseCode = "200", description = "The draft")
  @ApiResponse(responseCode = "409", description = "The period has no draft")
  Draft draft(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    return view(publisher.draft(period).orElseThrow(() -> ReportProblem.notPrepared(period)));
  }

  @PutMapping("/committee-reports/narrative")
  @PreAuthorize(ReportRoles.PUBLISH)
  @Operation(
      summary = "Write the narrative and cover details (Assistant Directors)",
      description =
          "sections: text by section key (GET shows the keys); a section left out or blank prints the"
              + " template's standard wording where it has one.")
  @ApiResponse(responseCode = "200", description = "The draft")
  ResponseEntity<Draft> writeNarrative(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestBody @Valid NarrativeCommand command,
      Principal principal) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    return ResponseEntity.ok(view(publisher.writeNarrative(period, command, principal.getName())));
  }

  @GetMapping("/publications")
  @Operation(summary = "Published committee report versions, newest first (at most 50)")
  @ApiResponse(responseCode = "200", description = "The publications")
  List<Publication> publications() {
    return publisher.recent();
  }

  @PostMapping("/publications")
  @PreAuthorize(ReportRoles.PUBLISH)
  @Operation(
      summary =
          "Publish the next version of a period's committee report (Assistant Directors); tells every"
              + " Assistant Director and Service Manager",
      description =
          "Stores an immutable snapshot: the figures as JSON, the HTML and the PDF, each with its"
              + " SHA-256. From version 2 on a reason is required.")
  @ApiResponse(responseCode = "201", description = "Published")
  @ApiResponse(responseCode = "409", description = "The period has no draft")
  ResponseEntity<Publication> publish(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestBody(required = false) @Valid PublishCommand command,
      Principal principal) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    Publication publication =
        publisher.publish(
            period, command == null ? new PublishCommand(null) : command, principal.getName());
    return ResponseEntity.created(URI.create(publication.link())).body(publication);
  }

  private Draft view(CommitteeDraft draft) {
    return new Draft(
        draft.period().from().toString(),
        draft.period().to().toString(),
        draft.meetingDate(),
        draft.portfolio(),
        draft.inForwardPlan(),
        draft.preparedBy(),
        draft.preparedAt(),
        draft.narrativeBy(),
        draft.narrativeAt(),
        renderer.narrative(draft).stream()
            .map(e -> new Section(e.key(), e.heading(), e.group(), e.text(), e.written()))
            .toList(),
        publisher.versions(draft.period()));
  }
}
