package org.learningloop.audit;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learningloop.catalogue.Catalogues;
import org.learningloop.common.DomainException;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.FormValues;
import org.learningloop.common.PageForms;
import org.learningloop.common.Paging;
import org.learningloop.common.UkDates;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.directory.TeamPlace;
import org.learningloop.security.AccessLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit register's pages: the list (filtered by period, team, grade and type; paged), recording
 * an audit, moderating one, and importing a CSV file whose every bad line and field is listed in
 * the GOV.UK error summary. In the audit package because they read the register's own views; the
 * child's case number is asked for when recording and never shown.
 */
@Controller
class AuditPagesController {

  static final int PAGE_SIZE = 25;

  /** How many imported audits of a child audited before the import page lists at most. */
  static final int SHOWN = 100;

  private final AuditRegister register;
  private final AuditCsvImport importer;
  private final Directory directory;
  private final StaffRegistry registry;
  private final Catalogues catalogues;
  private final AccessLog accessLog;
  private final ModerationQueue queue;
  private final Clock clock;
  private final EarlierAudits earlierAudits;

  AuditPagesController(
      AuditRegister register,
      AuditCsvImport importer,
      Directory directory,
      StaffRegistry registry,
      Catalogues catalogues,
      AccessLog accessLog,
      ModerationQueue queue,
      Clock clock,
      EarlierAudits earlierAudits) {
    this.earlierAudits = earlierAudits;
    this.queue = queue;
    this.register = register;
    this.importer = importer;
    this.directory = directory;
    this.registry = registry;
    this.catalogues = catalogues;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  record Row(
      String ref,
      String date,
      String type,
      String team,
      String practitioner,
      String grade,
      boolean moderated) {}

  @GetMapping("/audits")
  String list(
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "") String team,
      @RequestParam(defaultValue = "") String grade,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String moderation,
      @RequestParam(defaultValue = "0") String page,
      Principal principal,
      Model model) {
    List<FieldError> errors = new ArrayList<>();
    YearMonth fromMonth = month("from", from, errors);
    YearMonth toMonth = month("to", to, errors);
    if (fromMonth != null && toMonth != null && toMonth.isBefore(fromMonth)) {
      errors.add(
          new FieldError("to", "The last month must be the same as or after the first month"));
    }
    Long teamId = team.isBlank() ? null : register.teamId(team).orElse(null);
    Grade gradeFilter = choice(Grade.class, grade);
    AuditType typeFilter = choice(AuditType.class, type);
    AuditRegister.ModerationFilter moderationFilter =
        choice(AuditRegister.ModerationFilter.class, moderation);
    int pageNumber = pageNumber(page);
    AuditPage found =
        errors.isEmpty()
            ? register.list(
                new AuditRegister.AuditQuery(
                    fromMonth, toMonth, teamId, gradeFilter, typeFilter, moderationFilter),
                AuditScope.of(directory.signedIn(principal)),
                pageNumber,
                PAGE_SIZE)
            : new AuditPage(List.of(), 0, PAGE_SIZE, 0, 0);
    accessLog.record(principal, "LIST", "AUDIT", null);
    model.addAttribute("rows", found.items().stream().map(AuditPagesController::row).toList());
    model.addAttribute("page", found);
    PageForms.form(
        model,
        Map.of(
            "from",
            from,
            "to",
            to,
            "team",
            team,
            "grade",
            grade,
            "type",
            type,
            "moderation",
            moderation),
        errors);
    model.addAttribute("teams", registry.teams());
    model.addAttribute("grades", Arrays.asList(Grade.values()));
    model.addAttribute(
        "base",
        UriComponentsBuilder.fromPath("/audits")
            .queryParam("from", from)
            .queryParam("to", to)
            .queryParam("team", team)
            .queryParam("grade", grade)
            .queryParam("type", type)
            .queryParam("moderation", moderation)
            .encode()
            .build()
            .toUriString());
    return "audits/list";
  }

  @GetMapping("/audits/new")
  @PreAuthorize("hasRole('AUDITOR')")
  String newAudit(Model model) {
    Map<String, String> values = new HashMap<>();
    values.put("auditDate", LocalDate.now(clock).toString());
    return recordForm(model, values, List.of(), List.of());
  }

  @PostMapping("/audits/new")
  @PreAuthorize("hasRole('AUDITOR')")
  String record(
      @RequestParam Map<String, String> form,
      @RequestParam(defaultValue = "") List<String> factors,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    TeamPlace team =
        registry.teams().stream()
            .filter(t -> t.teamName().equals(form.get("team")))
            .findFirst()
            .orElse(null);
    AuditDraft draft =
        new AuditDraft(
            form.get("ref"),
            form.get("auditDate"),
            form.get("type"),
            blankToNull(form.get("theme")),
            team == null ? null : team.serviceAreaName(),
            form.get("team"),
            form.get("practitionerEmail"),
            null,
            form.get("teamManagerEmail"),
            null,
            form.get("childRef"),
            directory.signedIn(principal).email(),
            form.get("grade"),
            null,
            null,
            null,
            null,
            factors.stream().filter(f -> !f.isBlank()).toList(),
            form.get("notes"));
    try {
      String ref = register.record(draft);
      redirect.addFlashAttribute("saved", "Audit " + ref + " is recorded");
      return "redirect:/audits/" + ref;
    } catch (DomainException e) {
      // the service area comes with the team on this form, so its errors belong to the team field
      List<FieldError> errors =
          PageForms.fieldErrors(e, "ref").stream()
              .map(f -> f.field().equals("serviceArea") ? new FieldError("team", f.message()) : f)
              .toList();
      return recordForm(model, form, factors, errors);
    }
  }

  @GetMapping("/audits/{ref}")
  String show(@PathVariable String ref, Principal principal, Model model) {
    Person me = directory.signedIn(principal);
    AuditView audit = register.view(ref, AuditScope.of(me));
    accessLog.record(principal, "VIEW", "AUDIT", audit.ref());
    model.addAttribute("a", audit);
    model.addAttribute("row", row(audit));
    model.addAttribute("factors", audit.factors().stream().map(this::factorLabel).toList());
    model.addAttribute(
        "auditorFactors", audit.auditorFactors().stream().map(this::factorLabel).toList());
    model.addAttribute("challengeUntil", queue.challengeOpenTo(ref, me.id()).orElse(null));
    List<FieldError> challengeErrors =
        model.getAttribute("challengeErrors") instanceof List<?> l
            ? l.stream().map(FieldError.class::cast).toList()
            : List.of();
    Object reasons = model.getAttribute("challengeReasons");
    PageForms.form(model, Map.of("reasons", reasons == null ? "" : reasons), challengeErrors);
    model.addAttribute("earlierAudits", earlierAudits.of(audit.ref(), AuditScope.of(me)));
    return "audits/show";
  }

  @GetMapping("/audits/{ref}/moderation")
  @PreAuthorize("hasRole('MODERATOR')")
  String moderation(@PathVariable String ref, Model model) {
    AuditView audit = register.view(ref, AuditScope.unrestricted());
    Map<String, String> values = new HashMap<>();
    values.put("date", LocalDate.now(clock).toString());
    values.put(
        "grade",
        audit.moderated() ? audit.moderation().grade().name() : audit.auditorGrade().name());
    return moderationForm(model, audit, values, audit.factors(), List.of());
  }

  @PostMapping("/audits/{ref}/moderation")
  @PreAuthorize("hasRole('MODERATOR')")
  String moderate(
      @PathVariable String ref,
      @RequestParam Map<String, String> form,
      @RequestParam(defaultValue = "") List<String> factors,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    AuditView audit = register.view(ref, AuditScope.unrestricted());
    List<String> chosen = factors.stream().filter(f -> !f.isBlank()).toList();
    try {
      register.moderate(
          ref,
          new ModerationDraft(
              directory.signedIn(principal).email(),
              form.get("date"),
              form.get("grade"),
              form.get("rationale"),
              chosen));
      redirect.addFlashAttribute("saved", "The moderation of audit " + ref + " is recorded");
      return "redirect:/audits/" + ref;
    } catch (DomainException e) {
      List<FieldError> errors =
          e.errors().isEmpty()
              ? List.of(new FieldError("grade", e.getMessage()))
              : e.errors().stream()
                  .map(f -> new FieldError(f.field(), PageForms.sentence(f)))
                  .toList();
      return moderationForm(model, audit, form, chosen, errors);
    }
  }

  @GetMapping("/audits/import")
  @PreAuthorize("hasAnyRole('AUDITOR','MODERATOR')")
  String importPage(Model model) {
    PageForms.errors(model, List.of());
    model.addAttribute("lineErrors", List.of());
    model.addAttribute("columns", String.join(",", AuditField.CSV_HEADER));
    return "audits/import";
  }

  @PostMapping("/audits/import")
  @PreAuthorize("hasAnyRole('AUDITOR','MODERATOR')")
  String importFile(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Principal principal,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    model.addAttribute("columns", String.join(",", AuditField.CSV_HEADER));
    if (file == null || file.isEmpty()) {
      List<FieldError> errors = List.of(new FieldError("file", "Choose a CSV file to import"));
      PageForms.errors(model, errors);
      model.addAttribute("lineErrors", List.of());
      return "audits/import";
    }
    try {
      AuditImportResult result =
          importer.importFile(
              file.getBytes(),
              AuditCsvImport.Importer.of(directory.signedIn(principal), principal));
      redirect.addFlashAttribute(
          "saved",
          "File imported: "
              + result.created()
              + " audits added, "
              + result.updated()
              + " changed, "
              + result.unchanged()
              + " unchanged");
      List<EarlierAudits.Warning> warnings = earlierAudits.ofAll(result.refs());
      redirect.addFlashAttribute(
          "childWarnings", List.copyOf(warnings.subList(0, Math.min(warnings.size(), SHOWN))));
      redirect.addFlashAttribute("childWarningsMore", Math.max(0, warnings.size() - SHOWN));
      return "redirect:/audits";
    } catch (DomainException e) {
      // every error points at the file field; each names its line and column, as the file's author
      // needs them
      List<FieldError> lines =
          e.errors().isEmpty() ? List.of(new FieldError("file", e.getMessage())) : e.errors();
      List<FieldError> errors =
          lines.stream().map(l -> new FieldError("file", l.field() + ": " + l.message())).toList();
      model.addAttribute("errors", errors);
      model.addAttribute("lineErrors", lines);
      model.addAttribute("summary", e.getMessage());
      model.addAttribute("fieldErrors", Map.of("file", e.getMessage()));
      return "audits/import";
    }
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    return PageForms.errorPage(e);
  }

  private String recordForm(
      Model model, Map<String, String> values, List<String> factors, List<FieldError> errors) {
    PageForms.form(model, values, errors);
    model.addAttribute("chosenFactors", factors);
    model.addAttribute("teams", registry.teams());
    model.addAttribute("grades", Arrays.asList(Grade.values()));
    model.addAttribute("factors", catalogues.factors().stream().filter(f -> f.active()).toList());
    return "audits/new";
  }

  private String moderationForm(
      Model model,
      AuditView audit,
      Map<String, String> values,
      List<String> factors,
      List<FieldError> errors) {
    model.addAttribute("a", audit);
    model.addAttribute("row", row(audit));
    PageForms.form(model, values, errors);
    model.addAttribute("chosenFactors", factors);
    model.addAttribute("grades", Arrays.asList(Grade.values()));
    model.addAttribute("factors", catalogues.factors().stream().filter(f -> f.active()).toList());
    return "audits/moderate";
  }

  private static Row row(AuditView a) {
    return new Row(
        a.ref(),
        UkDates.SHORT_DAY.format(a.auditDate()),
        a.type() == AuditType.THEMATIC_DIP_SAMPLE
            ? "Thematic dip sample: " + a.theme()
            : "Deep dive",
        a.team().name(),
        a.practitioner().name(),
        a.effectiveGrade().label(),
        a.moderated());
  }

  private String factorLabel(String code) {
    return catalogues.factor(code).map(f -> f.label()).orElse(code);
  }

  private static YearMonth month(String field, String value, List<FieldError> errors) {
    return FormValues.parse(
        value,
        YearMonth::parse,
        field,
        "Enter a month as year and month, for example 2024-01",
        errors);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    try {
      return value.isBlank() ? null : Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null; // the choices come from a list; anything else is no filter
    }
  }

  /** Out of the limits or not a number: the first page (the links only ever give good ones). */
  private static int pageNumber(String page) {
    return Paging.parsePage(page).orElse(0);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
