package org.learningloop.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports over HTTP: the audit summary (a fixed contract), the follow-up KPIs and the dip samples.
 * The committee report's draft and versions: {@link CommitteeReportApiController}.
 */
@RestController
@RequestMapping("/api/reports")
@ApiResponse(
    responseCode = "400",
    description = "Missing, malformed or reversed period, or longer than 24 months")
@PreAuthorize(ReportRoles.READ)
class ReportApiController {

  private final AuditSummaries summaries;
  private final DipSampleReports dipSamples;
  private final FollowUpKpiReports followUps;

  ReportApiController(
      AuditSummaries summaries, DipSampleReports dipSamples, FollowUpKpiReports followUps) {
    this.summaries = summaries;
    this.dipSamples = dipSamples;
    this.followUps = followUps;
  }

  @GetMapping("/audit-summary")
  @Operation(
      summary =
          "Deep-dive audits of a period by month and post-moderation grade, moderation and the inadequate analysis")
  @ApiResponse(
      responseCode = "200",
      description = "The audit summary (a fixed contract: PRODUCT.md)")
  AuditSummaryReport auditSummary(
      @Parameter(description = "first month, YYYY-MM") @RequestParam(required = false) String from,
      @Parameter(description = "last month, YYYY-MM (inclusive)") @RequestParam(required = false)
          String to) {
    return summaries.summarise(ReportPeriod.parse(from, to));
  }

  @GetMapping("/dip-samples")
  @Operation(
      summary =
          "Thematic dip samples of a period by month and theme, with unit, sample size and how their actions stand",
      description =
          "For each dip sample: ref, theme, month, unit, sampleSize and actions {set, done, doneOnTime, open,"
              + " overdue} as they stand now (set counts cancelled actions too; done on time: verified, with the"
              + " owner's completion by the end of the due date; overdue: open past its current due date).")
  @ApiResponse(
      responseCode = "200",
      description = "The dip samples and their actions (a fixed contract: PRODUCT.md)")
  DipSampleSummary dipSamples(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return dipSamples.summarise(ReportPeriod.parse(from, to));
  }

  @GetMapping("/follow-ups")
  @Operation(
      summary = "Follow-up KPIs of the inadequate audits dated in a period",
      description =
          "Where the follow-ups stand now (open, closed, ended early, overdue by stage), the median working "
              + "days to allocation, to the safety review, to both conversations and to closure against their targets, the "
              + "share closed within target, support offered by type with its completion rate, and the grades of the "
              + "effectiveness re-audits.")
  @ApiResponse(responseCode = "200", description = "The follow-up KPIs")
  FollowUpKpis followUps(
      @Parameter(description = "first month of the audits, YYYY-MM") @RequestParam(required = false)
          String from,
      @Parameter(description = "last month of the audits, YYYY-MM (inclusive)")
          @RequestParam(required = false)
          String to) {
    return followUps.summarise(ReportPeriod.parse(from, to));
  }
}
