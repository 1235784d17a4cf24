package org.learningloop.reporting;

import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningloop.common.DomainException;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.FormValues;
import org.learningloop.common.PageForms;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * The committee report's draft and versions as pages: a PI lead prepares the draft, the Assistant
 * Director writes the narrative (a GOV.UK form) and publishes; each published version is served
 * exactly as stored (HTML, PDF and figures, with their SHA-256 in a header), and its page carries a
 * banner once a later version supersedes it.
 */
@Controller
@PreAuthorize(ReportRoles.READ)
class CommitteeReportPageController {

  private static final String SECTION = "section-";

  private final ReportPublisher publisher;
  private final CommitteeReportRenderer renderer;
  private final Validator validator;

  CommitteeReportPageController(
      ReportPublisher publisher, CommitteeReportRenderer renderer, Validator validator) {
    this.publisher = publisher;
    this.renderer = renderer;
    this.validator = validator;
  }

  @PostMapping("/reports/committee/prepare")
  @PreAuthorize(ReportRoles.PREPARE)
  String prepare(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Principal principal,
      RedirectAttributes redirect) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    try {
      publisher.prepare(period, principal.getName());
      redirect.addFlashAttribute(
          "published",
          "The draft committee report for "
              + period.label()
              + " is prepared. The Assistant Director writes the narrative and publishes it.");
    } catch (ReportProblem e) {
      redirect.addFlashAttribute("publishError", e.getMessage());
    }
    return "redirect:/reports/committee?" + period.query();
  }

  @GetMapping("/reports/committee/narrative")
  @PreAuthorize(ReportRoles.PUBLISH)
  String narrativeForm(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    CommitteeDraft draft =
        publisher.draft(period).orElseThrow(() -> ReportProblem.notPrepared(period));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("meetingDate", draft.meetingDate() == null ? "" : draft.meetingDate().toString());
    values.put("portfolio", draft.portfolio() == null ? "" : draft.portfolio());
    values.put("includedInForwardPlan", draft.inForwardPlan() ? "yes" : "no");
    draft.narrative().forEach((key, text) -> values.put(SECTION + key, text));
    return narrativePage(model, period, draft, values, List.of());
  }

  @PostMapping("/reports/committee/narrative")
  @PreAuthorize(ReportRoles.PUBLISH)
  String writeNarrative(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    CommitteeDraft draft =
        publisher.draft(period).orElseThrow(() -> ReportProblem.notPrepared(period));
    List<FieldError> errors = new ArrayList<>();
    LocalDate meeting =
        FormValues.parse(
            form.get("meetingDate"),
            LocalDate::parse,
            "meetingDate",
            "Enter the meeting date as YYYY-MM-DD",
            errors);
    Map<String, String> sections = new LinkedHashMap<>();
    renderer
        .narrative(draft)
        .forEach(e -> sections.put(e.key(), form.getOrDefault(SECTION + e.key(), "")));
    NarrativeCommand command =
        new NarrativeCommand(
            meeting,
            form.getOrDefault("portfolio", ""),
            "yes".equals(form.get("includedInForwardPlan")),
            sections);
    validator
        .validate(command)
        .forEach(
            v ->
                errors.add(
                    new FieldError(
                        fieldId(v.getPropertyPath().toString()),
                        PageForms.sentence(
                            new FieldError(v.getPropertyPath().toString(), v.getMessage())))));
    if (errors.isEmpty()) {
      try {
        publisher.writeNarrative(period, command, principal.getName());
        redirect.addFlashAttribute("published", "The narrative is saved.");
        return "redirect:/reports/committee?" + period.query();
      } catch (ReportProblem e) {
        e.errors().forEach(f -> errors.add(new FieldError(fieldId(f.field()), f.message())));
      }
    }
    return narrativePage(model, period, draft, form, errors);
  }

  @PostMapping("/reports/committee/publish")
  @PreAuthorize(ReportRoles.PUBLISH)
  String publish(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String reason,
      Principal principal,
      RedirectAttributes redirect) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    try {
      Publication v = publisher.publish(period, new PublishCommand(reason), principal.getName());
      redirect.addFlashAttribute(
          "published",
          "Version "
              + v.version()
              + " of the committee report for "
              + period.label()
              + " is published. Assistant Directors and Service Managers have been told.");
    } catch (ReportProblem e) {
      redirect.addFlashAttribute(
          "publishError",
          e.errors().isEmpty()
              ? e.getMessage()
              : e.getMessage()
                  + " "
                  + String.join(
                      " ", e.errors().stream().map(f -> PageForms.sentence(f) + ".").toList()));
    }
    return "redirect:/reports/committee?" + period.query();
  }

  /** A published version as a page: its HTML as stored, with a banner once superseded. */
  @GetMapping(value = "/reports/committee/version", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> version(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam int version) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    Publication publication = publisher.version(period, version);
    String html = new String(publisher.snapshot(period, version).html(), StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(withBanner(html, publication));
  }

  /** A published version's stored files, byte for byte: its HTML, its PDF or its figures. */
  @GetMapping("/reports/committee/version.{format:html|pdf|json}")
  ResponseEntity<byte[]> versionFile(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam int version,
      @PathVariable String format) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    Publication p = publisher.version(period, version);
    var snapshot = publisher.snapshot(period, version);
    return switch (format) {
      case "pdf" ->
          stored(snapshot.pdf(), p.pdfSha256(), MediaType.APPLICATION_PDF, period, version, format);
      case "json" ->
          stored(
              snapshot.figuresJson(),
              p.figuresSha256(),
              MediaType.APPLICATION_JSON,
              period,
              version,
              format);
      default ->
          stored(
              snapshot.html(),
              p.htmlSha256(),
              new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8),
              period,
              version,
              format);
    };
  }

  /** A wrong period or a missing draft or version on a page: the page's own error. */
  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    ModelAndView page =
        new ModelAndView("reports/period-error", Map.of("problem", e, "errors", e.errors()));
    page.setStatus(HttpStatus.valueOf(e.kind().status()));
    return page;
  }

  private String narrativePage(
      Model model,
      ReportPeriod period,
      CommitteeDraft draft,
      Map<String, String> values,
      List<FieldError> errors) {
    model.addAttribute("period", period);
    model.addAttribute("sections", renderer.narrative(draft));
    model.addAttribute("hints", renderer.hints());
    PageForms.form(model, values, errors);
    return "reports/narrative";
  }

  /** "sections.summary" or "sections[summary]" (validation) is the field "section-summary". */
  private static String fieldId(String path) {
    String id = path.replaceFirst("^sections(\\.|\\[)", SECTION).replaceAll("[\\]<>]", "");
    return id.replace(".", "");
  }

  private static String withBanner(String html, Publication publication) {
    if (!publication.superseded()) {
      return html;
    }
    String query =
        "from="
            + publication.from()
            + "&to="
            + publication.to()
            + "&version="
            + publication.supersededBy();
    String banner =
        "<p class=\"superseded\" role=\"note\">This is version "
            + publication.version()
            + ", superseded by version "
            + publication.supersededBy()
            + ". <a href=\"/reports/committee/version?"
            + HtmlUtils.htmlEscape(query)
            + "\">Read version "
            + publication.supersededBy()
            + "</a>.</p>";
    int body = html.indexOf("<body");
    int afterBody = body < 0 ? -1 : html.indexOf('>', body);
    return afterBody < 0
        ? banner + html
        : html.substring(0, afterBody + 1) + banner + html.substring(afterBody + 1);
  }

  private static ResponseEntity<byte[]> stored(
      byte[] bytes,
      String sha256,
      MediaType type,
      ReportPeriod period,
      int version,
      String format) {
    String fileName = fileName(period, version, format);
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CacheControl.noStore())
        .header("Repr-Digest", "sha-256=:" + base64(sha256) + ":")
        .header("X-Content-SHA256", sha256)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(bytes);
  }

  private static String base64(String hex) {
    return java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(hex));
  }

  private static String fileName(ReportPeriod period, int version, String extension) {
    return "committee-report-"
        + period.from()
        + "-to-"
        + period.to()
        + "-version-"
        + version
        + "."
        + extension;
  }
}
