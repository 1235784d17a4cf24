package org.learningloop.reporting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.learningloop.common.DomainException;
import org.learningloop.common.UkDates;
import org.learningloop.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The reports page and the committee report (page, print and PDF). Without a period, both show the
 * last two complete months, as the council's report does.
 */
@Controller
@PreAuthorize(ReportRoles.READ)
class ReportPageController {

  private final Reports reports;
  private final ReportPublisher publisher;
  private final CommitteeReportRenderer renderer;
  private final CurrentUser currentUser;
  private final CommitteeReportPdf pdf;
  private final ITemplateEngine templates;
  private final Clock clock;

  ReportPageController(
      Reports reports,
      ReportPublisher publisher,
      CommitteeReportRenderer renderer,
      CurrentUser currentUser,
      CommitteeReportPdf pdf,
      ITemplateEngine templates,
      Clock clock) {
    this.reports = reports;
    this.publisher = publisher;
    this.pdf = pdf;
    this.templates = templates;
    this.renderer = renderer;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/reports")
  String reports(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    ReportPeriod period = periodOrDefault(from, to);
    model.addAttribute("report", reports.forPage(period));
    model.addAttribute("csvQuery", period.query());
    return "reports/index";
  }

  @GetMapping("/reports/committee")
  String committee(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String meeting,
      Model model,
      Authentication user) {
    committeeModel(periodOrDefault(from, to), meetingDate(meeting), false, user)
        .forEach(model::addAttribute);
    return "reports/committee";
  }

  @GetMapping("/reports/committee.pdf")
  ResponseEntity<byte[]> committeePdf(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String meeting,
      Authentication user,
      HttpServletRequest request,
      HttpServletResponse response) {
    ReportPeriod period = periodOrDefault(from, to);
    LocalDate meetingDate = meetingDate(meeting);
    WebContext context =
        new WebContext(
            JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response),
            Locale.UK);
    committeeModel(period, meetingDate, true, user).forEach(context::setVariable);
    byte[] document = pdf.render(templates.process("reports/committee", context));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("committee-report-" + period.from() + "-to-" + period.to() + ".pdf")
                .build()
                .toString())
        .body(document);
  }

  /** A wrong period on a page: the page's own error, with the period form to put it right. */
  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    ModelAndView page =
        new ModelAndView("reports/period-error", Map.of("problem", e, "errors", e.errors()));
    page.setStatus(HttpStatus.valueOf(e.kind().status()));
    return page;
  }

  private Map<String, Object> committeeModel(
      ReportPeriod period, LocalDate meeting, boolean forPdf, Authentication user) {
    Optional<CommitteeDraft> draft = publisher.draft(period);
    // The page shows the reader's own part of the breakdown; a PDF leaves the application, so its
    // small numbers are suppressed as in a published version.
    CommitteeDocument document =
        renderer.document(period, draft.orElse(null), null, currentUser.scope(), forPdf);
    Map<String, Object> model =
        new HashMap<>(
            renderer.model(
                document,
                forPdf ? CommitteeReportRenderer.Mode.PDF : CommitteeReportRenderer.Mode.PAGE));
    model.put("canPrepare", !forPdf && has(user, "ROLE_PI_LEAD"));
    model.put("canPublish", !forPdf && has(user, "ROLE_ASSISTANT_DIRECTOR"));
    model.put("draft", draft);
    model.put("versions", publisher.versions(period));
    model.put("meeting", meeting == null ? "" : meeting.toString());
    if (meeting != null) {
      model.put("meetingText", UkDates.WEEKDAY.format(meeting));
    }
    return model;
  }

  private static boolean has(Authentication user, String authority) {
    return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
  }

  /** The committee's meeting date for the cover, "Tuesday 12 March 2024"; none when not given. */
  private static LocalDate meetingDate(String meeting) {
    if (meeting == null || meeting.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(meeting.strip());
    } catch (DateTimeParseException e) {
      throw ReportProblem.invalidMeetingDate(meeting);
    }
  }

  /** The last two complete months when no period is given; a half-given or wrong one is refused. */
  private ReportPeriod periodOrDefault(String from, String to) {
    if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
      YearMonth last = YearMonth.now(clock).minusMonths(1);
      return new ReportPeriod(last.minusMonths(1), last);
    }
    return ReportPeriod.parse(from, to);
  }
}
