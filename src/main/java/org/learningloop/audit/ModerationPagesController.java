package org.learningloop.audit;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.learningloop.common.DomainException;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.PageForms;
import org.learningloop.directory.Directory;
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
 * The moderation queue's pages: what waits for a moderator and the month's draw (moderators and PI
 * leads), and a grade challenge from the audit's page (its practitioner or Team Manager).
 */
@Controller
class ModerationPagesController {

  private final ModerationQueue queue;
  private final Directory directory;

  ModerationPagesController(ModerationQueue queue, Directory directory) {
    this.queue = queue;
    this.directory = directory;
  }

  @GetMapping("/moderation")
  @PreAuthorize("hasAnyRole('MODERATOR','PI_LEAD')")
  String queue(@RequestParam(defaultValue = "0") String page, Model model) {
    int number = org.learningloop.common.Paging.parsePage(page).orElse(0);
    return queuePage(model, number, Map.of("month", ""), List.of());
  }

  @PostMapping("/moderation/draw")
  @PreAuthorize("hasAnyRole('MODERATOR','PI_LEAD')")
  String draw(
      @RequestParam(defaultValue = "") String month,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    try {
      ModerationQueue.Draw draw =
          queue.draw(ModerationController.month(month), directory.signedIn(principal).email());
      redirect.addFlashAttribute(
          "saved",
          "Drew "
              + draw.month()
              + ": "
              + draw.selected()
              + " of its "
              + draw.audits()
              + " audits selected ("
              + draw.alreadyModerated()
              + " already moderated), "
              + draw.added()
              + " added to the queue now");
      return "redirect:/moderation";
    } catch (DomainException e) {
      return queuePage(model, 0, Map.of("month", month), PageForms.fieldErrors(e, "month"));
    }
  }

  @PostMapping("/audits/{ref}/challenge")
  String challenge(
      @PathVariable String ref,
      @RequestParam(defaultValue = "") String reasons,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    try {
      queue.challenge(ref, directory.signedIn(principal), reasons);
      redirect.addFlashAttribute(
          "saved",
          "Your challenge is recorded: a moderator will review the grade, and you will be told the"
              + " outcome");
      return "redirect:/audits/" + ref;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      redirect.addFlashAttribute("challengeErrors", PageForms.fieldErrors(e, "reasons"));
      redirect.addFlashAttribute("challengeReasons", reasons);
      return "redirect:/audits/" + ref + "#challenge";
    }
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    return PageForms.errorPage(e);
  }

  private String queuePage(
      Model model, int page, Map<String, String> values, List<FieldError> errors) {
    model.addAttribute("waiting", queue.waiting(page, 50));
    model.addAttribute("draws", queue.draws());
    PageForms.form(model, values, errors);
    return "moderation/queue";
  }
}
