package org.learningloop.reminder;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.learningloop.common.DomainException;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.PageForms;
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

/**
 * The managers' hand on a follow-up, from the dashboard: escalate it with a note, or extend a
 * stage's due date with a reason. Post-redirect-get; refusals re-show the page with the GOV.UK
 * error summary.
 */
@Controller
@PreAuthorize("hasAnyRole('SERVICE_MANAGER','ASSISTANT_DIRECTOR','PI_LEAD')")
class ManagerActionsPageController {

  /** The stages a due date can be extended for, as {@link ManagerActions#extend} names them. */
  static final List<String> STAGES =
      List.of(
          "ALLOCATION", "SAFEGUARDING_CHECK", "CONVERSATIONS", "SUPPORT", "CLOSURE", "RE_AUDIT");

  private final ManagerActions actions;

  ManagerActionsPageController(ManagerActions actions) {
    this.actions = actions;
  }

  @GetMapping("/dashboard/follow-ups/{id}")
  String page(@PathVariable long id, Model model) {
    actions.requireMayAct(id);
    return page(model, id, List.of(), "", "", "", "");
  }

  /** Not there, or another service area's: the error page, as for the follow-up's own page. */
  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    return PageForms.errorPage(e);
  }

  @PostMapping("/dashboard/follow-ups/{id}/escalation")
  String escalate(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String note,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    try {
      ManagerActions.EscalationDone done = actions.escalate(id, principal.getName(), note);
      redirect.addFlashAttribute(
          "saved",
          "Follow-up escalated: " + done.notified().size() + " managers have been told by email");
      return "redirect:/dashboard";
    } catch (DomainException problem) {
      return page(model, id, PageForms.fieldErrors(problem, "note"), note, "", "", "");
    }
  }

  @PostMapping("/dashboard/follow-ups/{id}/extension")
  String extend(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String stage,
      @RequestParam(defaultValue = "") String newDueDate,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    LocalDate date;
    LocalDate seen;
    try {
      date = newDueDate.isBlank() ? null : LocalDate.parse(newDueDate.strip());
      // The stage's due date as the page showed it: moved by someone else meanwhile, it is a
      // refusal that says so, not a second extension on top of theirs.
      String shown = form.getOrDefault("seen-" + stage.strip(), "");
      seen = shown.isBlank() ? null : LocalDate.parse(shown.strip());
    } catch (DateTimeParseException e) {
      return page(
          model,
          id,
          List.of(new FieldError("newDueDate", "Enter the new due date as YYYY-MM-DD")),
          "",
          stage,
          newDueDate,
          reason);
    }
    try {
      ManagerActions.ExtensionDone done =
          actions.extend(
              id, principal.getName(), null, stage.isBlank() ? null : stage, date, reason, seen);
      redirect.addFlashAttribute(
          "saved", "The " + done.stage() + " due date is now " + done.newDueDate());
      return "redirect:/dashboard";
    } catch (DomainException problem) {
      List<FieldError> errors =
          problem.errors().stream().anyMatch(e -> e.field().equals("currentDueDate"))
              ? List.of(new FieldError("stage", problem.getMessage()))
              : PageForms.fieldErrors(problem, "note");
      return page(model, id, errors, "", stage, newDueDate, reason);
    }
  }

  private String page(
      Model model,
      long id,
      List<FieldError> errors,
      String note,
      String stage,
      String newDueDate,
      String reason) {
    model.addAttribute("id", id);
    PageForms.errors(model, errors);
    model.addAttribute("note", note);
    model.addAttribute("stage", stage);
    model.addAttribute("newDueDate", newDueDate);
    model.addAttribute("reason", reason);
    model.addAttribute("stages", STAGES);
    model.addAttribute("seen", actions.dueDates(id));
    return "reminder/act";
  }
}
