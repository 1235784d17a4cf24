package org.learningloop.dipsample;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learningloop.common.DomainException;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.FormValues;
import org.learningloop.common.PageForms;
import org.learningloop.common.UkDates;
import org.learningloop.directory.StaffRegistry;
import org.learningloop.security.AccessLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of dip samples and actions: list, record and view dip samples; set an action on a dip
 * sample or an audit; and one action with the forms for what the signed-in person may do now
 * (record what was done; verify or send back; cancel). Every form posts and redirects back; wrong
 * input shows the form again with the GOV.UK error summary; a step out of order or not yours says
 * so in a banner.
 */
@Controller
class DipSamplePagesController {

  private final DipSamples dipSamples;
  private final Actions actions;
  private final StaffRegistry registry;
  private final AccessLog accessLog;
  private final Clock clock;

  DipSamplePagesController(
      DipSamples dipSamples,
      Actions actions,
      StaffRegistry registry,
      AccessLog accessLog,
      Clock clock) {
    this.dipSamples = dipSamples;
    this.actions = actions;
    this.registry = registry;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  // ---- dip samples ----

  @GetMapping("/dip-samples")
  @PreAuthorize(DipSampleController.READERS)
  String list(
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      Principal principal,
      Model model) {
    YearMonth now = YearMonth.now(clock);
    String first = from.isBlank() ? now.minusMonths(11).toString() : from;
    String last = to.isBlank() ? now.toString() : to;
    List<FieldError> errors = new ArrayList<>();
    List<DipSampleView> found = List.of();
    try {
      YearMonth[] period = DipSampleController.period(first, last);
      found = dipSamples.list(period[0], period[1]);
    } catch (DomainException e) {
      errors.addAll(e.errors());
    }
    accessLog.record(principal, "LIST", "DIP_SAMPLE", null);
    model.addAttribute("rows", found.stream().map(DipSamplePagesController::row).toList());
    PageForms.form(model, Map.of("from", first, "to", last), errors);
    return "dip-samples/list";
  }

  /** One dip sample in the list. */
  record Row(DipSampleView d, String monthName, String unit, String actions) {}

  private static Row row(DipSampleView d) {
    ActionFigures a = d.actions();
    String actions =
        a.set() == 0
            ? "None set"
            : a.set()
                + " set, "
                + a.done()
                + " done, "
                + a.open()
                + " open, "
                + a.overdue()
                + " overdue";
    return new Row(
        d,
        UkDates.MONTH.format(YearMonth.parse(d.month())),
        d.unit().count(d.sampleSize()),
        actions);
  }

  @GetMapping("/dip-samples/new")
  @PreAuthorize("hasRole('AUDITOR')")
  String newDipSample(Model model) {
    Map<String, String> values = new HashMap<>();
    values.put("month", YearMonth.now(clock).toString());
    return dipSampleForm(model, values, List.of());
  }

  @PostMapping("/dip-samples/new")
  @PreAuthorize("hasRole('AUDITOR')")
  String record(
      @RequestParam Map<String, String> form,
      @RequestParam(defaultValue = "") List<String> teams,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    List<FieldError> errors = new ArrayList<>();
    DipSampleUnit unit = choice(DipSampleUnit.class, form.get("unit"));
    Integer size = whole(form.get("sampleSize"), "sampleSize", errors);
    DipSampleCommand command =
        new DipSampleCommand(
            form.get("ref"),
            form.get("theme"),
            form.get("month"),
            form.get("serviceArea"),
            teams.stream().filter(t -> !t.isBlank()).toList(),
            unit,
            size,
            form.get("findings"));
    try {
      if (!errors.isEmpty()) {
        throw DipSampleProblem.invalid(errors);
      }
      DipSampleView saved = dipSamples.record(command, principal.getName());
      redirect.addFlashAttribute("saved", "Dip sample " + saved.ref() + " is recorded");
      return "redirect:/dip-samples/" + saved.ref();
    } catch (DomainException e) {
      List<FieldError> all =
          new ArrayList<>(
              errors.stream().map(f -> new FieldError(f.field(), PageForms.sentence(f))).toList());
      PageForms.fieldErrors(e, "ref").stream()
          .filter(f -> all.stream().noneMatch(x -> x.field().equals(f.field())))
          .forEach(all::add);
      return dipSampleForm(model, form, all);
    }
  }

  private String dipSampleForm(Model model, Map<String, String> values, List<FieldError> errors) {
    PageForms.form(model, values, errors);
    model.addAttribute(
        "serviceAreas", registry.serviceAreaNames().values().stream().sorted().toList());
    model.addAttribute("teams", registry.teams());
    model.addAttribute("units", Arrays.asList(DipSampleUnit.values()));
    return "dip-samples/new";
  }

  @GetMapping("/dip-samples/{ref}")
  @PreAuthorize(DipSampleController.READERS)
  String show(@PathVariable String ref, Principal principal, Model model) {
    return dipSamplePage(ref, principal, model, Map.of(), List.of());
  }

  private String dipSamplePage(
      String ref,
      Principal principal,
      Model model,
      Map<String, String> values,
      List<FieldError> errors) {
    DipSampleView d = dipSamples.get(ref);
    accessLog.record(principal, "VIEW", "DIP_SAMPLE", d.ref());
    model.addAttribute("d", d);
    model.addAttribute("row", row(d));
    model.addAttribute("actions", rows(actions.on(d.ref(), principal.getName())));
    actionForm(model, values, errors);
    return "dip-samples/show";
  }

  // ---- actions ----

  @GetMapping("/actions/new")
  @PreAuthorize(ActionController.SETTERS)
  String newAction(@RequestParam(defaultValue = "") String source, Model model) {
    actionForm(model, Map.of("source", source), List.of());
    return "actions/new";
  }

  @PostMapping("/actions/new")
  @PreAuthorize(ActionController.SETTERS)
  String setAction(
      @RequestParam Map<String, String> form,
      @RequestParam(defaultValue = "") String returnTo,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate due = date(form.get("dueDate"), "dueDate", errors);
    ActionCommand.Set command =
        new ActionCommand.Set(
            form.get("source"),
            choice(ActionOwnerType.class, form.get("ownerType")),
            form.get("owner"),
            blankToNull(form.get("contact")),
            form.get("description"),
            due);
    boolean fromDipSample = "dip-sample".equals(returnTo);
    try {
      if (!errors.isEmpty()) {
        throw ActionProblem.invalid(errors);
      }
      ActionDetails set = actions.set(command, principal.getName());
      redirect.addFlashAttribute(
          "saved", "The action is set; " + set.actor() + " is told by email");
      return fromDipSample
          ? "redirect:/dip-samples/" + set.source()
          : "redirect:/actions/" + set.id();
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.INVALID) {
        throw e;
      }
      List<FieldError> all = new ArrayList<>(errors);
      e.errors().stream()
          .filter(f -> all.stream().noneMatch(x -> x.field().equals(f.field())))
          .forEach(all::add);
      List<FieldError> shown =
          all.stream().map(f -> new FieldError(f.field(), PageForms.sentence(f))).toList();
      if (fromDipSample && form.get("source") != null && dipSamples.exists(form.get("source"))) {
        return dipSamplePage(form.get("source"), principal, model, form, shown);
      }
      actionForm(model, form, shown);
      return "actions/new";
    }
  }

  private void actionForm(Model model, Map<String, String> values, List<FieldError> errors) {
    PageForms.form(model, values, errors);
    model.addAttribute("ownerTypes", Arrays.asList(ActionOwnerType.values()));
  }

  @GetMapping("/actions/{id}")
  String action(@PathVariable long id, Principal principal, Model model) {
    return actionPage(id, principal, model, Map.of(), List.of());
  }

  private String actionPage(
      long id,
      Principal principal,
      Model model,
      Map<String, String> values,
      List<FieldError> errors) {
    ActionDetails a = actions.get(id, principal.getName());
    accessLog.record(principal, "VIEW", "ACTION", String.valueOf(id));
    model.addAttribute("a", a);
    model.addAttribute("may", actions.permissions(id, principal.getName()));
    model.addAttribute("due", UkDates.DAY.format(a.dueDate()));
    model.addAttribute(
        "verificationDue",
        a.verificationDue() == null ? null : UkDates.DAY.format(a.verificationDue()));
    model.addAttribute("statusTag", tag(a.status(), a.overdue()));
    model.addAttribute(
        "history",
        a.history().stream()
            .map(e -> new HistoryRow(at(e.at()), e.actor(), what(e.what()), e.note()))
            .toList());
    PageForms.form(model, values, errors);
    return "actions/show";
  }

  /** One line of an action's history, as the page writes it. */
  record HistoryRow(String at, String actor, String what, String note) {}

  @PostMapping("/actions/{id}/complete")
  ModelAndView complete(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String evidence,
      HttpServletRequest r) {
    return take(
        r,
        id,
        "complete",
        Map.of("complete-evidence", evidence),
        "What was done is recorded; the auditor is asked to verify it",
        a -> actions.complete(id, a, new ActionCommand.Complete(evidence)));
  }

  @PostMapping("/actions/{id}/verify")
  @PreAuthorize(ActionController.SETTERS)
  ModelAndView verify(@PathVariable long id, HttpServletRequest r) {
    return take(
        r,
        id,
        "verify",
        Map.of(),
        "The action is verified: it is done",
        a -> actions.verify(id, a));
  }

  @PostMapping("/actions/{id}/send-back")
  @PreAuthorize(ActionController.SETTERS)
  ModelAndView sendBack(
      @PathVariable long id, @RequestParam(defaultValue = "") String reason, HttpServletRequest r) {
    return take(
        r,
        id,
        "sendback",
        Map.of("sendback-reason", reason),
        "The action is sent back to its owner",
        a -> actions.sendBack(id, a, new ActionCommand.Reason(reason)));
  }

  @PostMapping("/actions/{id}/cancel")
  @PreAuthorize(ActionController.SETTERS)
  ModelAndView cancel(
      @PathVariable long id, @RequestParam(defaultValue = "") String reason, HttpServletRequest r) {
    return take(
        r,
        id,
        "cancel",
        Map.of("cancel-reason", reason),
        "The action is cancelled",
        a -> actions.cancel(id, a, new ActionCommand.Reason(reason)));
  }

  /**
   * Takes one step: on success back to the action with a confirmation; wrong input shows the page
   * again with the errors against this form's fields; anything else (out of order, not yours,
   * changed meanwhile) back with a banner.
   */
  private ModelAndView take(
      HttpServletRequest request,
      long id,
      String form,
      Map<String, String> values,
      String saved,
      PageForms.Step step) {
    return PageForms.take(
        request,
        form,
        saved,
        step,
        "/actions/" + id,
        errors -> {
          ExtendedModelMap model = new ExtendedModelMap();
          return new ModelAndView(
              actionPage(id, request.getUserPrincipal(), model, values, errors), model);
        });
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    return PageForms.errorPage(e);
  }

  // ---- shared ----

  /** One action in a table. */
  record ActionRow(ActionSummary a, String due, String status, String tag) {}

  List<ActionRow> rows(List<ActionSummary> found) {
    return found.stream()
        .map(
            a ->
                new ActionRow(
                    a,
                    UkDates.DAY.format(a.dueDate()),
                    a.overdue() ? a.status().label() + ", overdue" : a.status().label(),
                    tag(a.status(), a.overdue())))
        .toList();
  }

  private static String tag(ActionStatus status, boolean overdue) {
    if (overdue) {
      return "govuk-tag--red";
    }
    return switch (status) {
      case OPEN -> "govuk-tag--blue";
      case AWAITING_VERIFICATION -> "govuk-tag--yellow";
      case DONE -> "govuk-tag--green";
      case CANCELLED -> "govuk-tag--grey";
    };
  }

  private String at(Instant instant) {
    ZoneId zone = clock.getZone();
    return UkDates.SHORT_DAY_AND_TIME.format(instant.atZone(zone));
  }

  private static String what(String kind) {
    return switch (kind) {
      case "SET" -> "Set the action";
      case "COMPLETED" -> "Recorded what was done";
      case "VERIFIED" -> "Verified it";
      case "SENT_BACK" -> "Sent it back";
      case "CANCELLED" -> "Cancelled it";
      case "ESCALATED" -> "Escalated: overdue";
      default -> kind;
    };
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Integer whole(String value, String field, List<FieldError> errors) {
    return FormValues.parse(
        value, Integer::valueOf, field, "Enter how many were sampled as a whole number", errors);
  }

  private static LocalDate date(String value, String field, List<FieldError> errors) {
    return FormValues.parse(
        value,
        LocalDate::parse,
        field,
        "Enter the date as YYYY-MM-DD, for example 2024-02-16",
        errors);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
