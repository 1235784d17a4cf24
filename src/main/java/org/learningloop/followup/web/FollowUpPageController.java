package org.learningloop.followup.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.learningloop.common.DomainException;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.PageForms;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.followup.FollowUpCommand;
import org.learningloop.followup.FollowUpCommands;
import org.learningloop.followup.FollowUpQueries;
import org.learningloop.security.AccessLog;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /follow-ups/{id}}: one follow-up and the forms for what the signed-in person may do now.
 * Each form posts to its own address, binds the step's {@link FollowUpCommand} with its constraints
 * (as the API does) and redirects back (post-redirect-get). Wrong input re-shows the page with the
 * GOV.UK error summary, its fields named by form so that every link in the summary reaches its
 * field; a step out of order or already taken (a second click, the back button) changes nothing and
 * is explained in a banner.
 */
@Controller
@RequestMapping("/follow-ups/{id}")
class FollowUpPageController {

  private static final String PI_STAFF = "hasAnyRole('PI_LEAD','PI_OFFICER')";
  private static final String PI_LEAD = "hasRole('PI_LEAD')";

  /** Request parameters that are no form field of a step. */
  private static final Set<String> NOT_FIELDS = Set.of("_csrf", "returnTo");

  private final FollowUpCommands commands;
  private final FollowUpQueries queries;
  private final FollowUpPage page;
  private final Directory directory;
  private final AccessLog accessLog;
  private final MessageSource messages;

  FollowUpPageController(
      FollowUpCommands commands,
      FollowUpQueries queries,
      FollowUpPage page,
      Directory directory,
      AccessLog accessLog,
      MessageSource messages) {
    this.commands = commands;
    this.queries = queries;
    this.page = page;
    this.directory = directory;
    this.accessLog = accessLog;
    this.messages = messages;
  }

  @GetMapping
  String show(@PathVariable long id, Principal principal, ModelMap model) {
    return render(id, principal, model, List.of(), Map.of());
  }

  @PostMapping("/claim")
  @PreAuthorize(PI_STAFF)
  ModelAndView claim(
      @PathVariable long id,
      @ModelAttribute @Valid FollowUpCommand.Claim claim,
      BindingResult form,
      HttpServletRequest r) {
    return take(
        r, id, "claim", form, "You have claimed this follow-up", a -> commands.claim(id, a, claim));
  }

  @PostMapping("/allocate")
  @PreAuthorize(PI_LEAD)
  ModelAndView allocate(
      @PathVariable long id,
      @ModelAttribute @Valid FollowUpCommand.Allocate to,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The follow-up is allocated to " + (to == null ? "" : to.officer());
    return take(r, id, "allocate", form, saved, a -> commands.allocate(id, a, to));
  }

  @PostMapping("/reassign")
  @PreAuthorize(PI_LEAD)
  ModelAndView reassign(
      @PathVariable long id,
      @ModelAttribute @Valid FollowUpCommand.Reassign to,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The follow-up is reassigned to " + (to == null ? "" : to.officer());
    return take(r, id, "reassign", form, saved, a -> commands.reassign(id, a, to));
  }

  @PostMapping("/safeguarding")
  @PreAuthorize("hasAnyRole('TEAM_MANAGER','SERVICE_MANAGER','ASSISTANT_DIRECTOR')")
  ModelAndView confirmSafeguarding(@PathVariable long id, HttpServletRequest r) {
    String saved = "You have confirmed the child's current safety has been reviewed";
    return take(r, id, "safeguarding", null, saved, a -> commands.confirmSafeguarding(id, a));
  }

  /** Schedules a conversation, or moves a scheduled one ({@code step} says which). */
  @PostMapping("/conversations/{conversationId}/{step:schedule|reschedule}")
  @PreAuthorize(PI_STAFF)
  ModelAndView schedule(
      @PathVariable long id,
      @PathVariable long conversationId,
      @PathVariable String step,
      @ModelAttribute @Valid FollowUpCommand.Schedule schedule,
      BindingResult form,
      HttpServletRequest r) {
    if (step.equals("reschedule")) {
      return take(
          r,
          id,
          "conversation-" + conversationId,
          form,
          "The conversation is moved; a new invitation is sent",
          a -> commands.rescheduleConversation(id, conversationId, a, schedule));
    }
    return take(
        r,
        id,
        "conversation-" + conversationId,
        form,
        "The conversation is scheduled; the invitation is sent",
        a -> commands.scheduleConversation(id, conversationId, a, schedule));
  }

  @PostMapping("/conversations/{conversationId}/held")
  @PreAuthorize(PI_STAFF)
  ModelAndView held(
      @PathVariable long id,
      @PathVariable long conversationId,
      @ModelAttribute @Valid FollowUpCommand.Held held,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The conversation is recorded as held";
    return take(
        r,
        id,
        "held-" + conversationId,
        form,
        saved,
        a -> commands.recordConversationHeld(id, conversationId, a, held));
  }

  @PostMapping("/conversations/{conversationId}/not-held")
  @PreAuthorize(PI_STAFF)
  ModelAndView notHeld(
      @PathVariable long id,
      @PathVariable long conversationId,
      @ModelAttribute @Valid FollowUpCommand.Reason why,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The conversation is recorded as not held: schedule it again";
    return take(
        r,
        id,
        "notheld-" + conversationId,
        form,
        saved,
        a -> commands.recordConversationNotHeld(id, conversationId, a, why));
  }

  @PostMapping("/support-items")
  @PreAuthorize(PI_STAFF)
  ModelAndView offer(
      @PathVariable long id,
      @ModelAttribute @Valid FollowUpCommand.OfferSupport offer,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The support is offered; its owner is told by email";
    return take(r, id, "offer", form, saved, a -> commands.offerSupport(id, a, offer));
  }

  /** Accepting or completing from one's own work page goes back there ({@code returnTo}). */
  @PostMapping("/support-items/{itemId}/{step:accept|complete}")
  ModelAndView answer(
      @PathVariable long id,
      @PathVariable long itemId,
      @PathVariable String step,
      @RequestParam(defaultValue = "") String returnTo,
      HttpServletRequest r) {
    boolean accept = step.equals("accept");
    ModelAndView done =
        take(
            r,
            id,
            step + "-" + itemId,
            null,
            accept ? "You have accepted the support" : "The support is marked as completed",
            a -> {
              if (accept) {
                commands.acceptSupport(id, itemId, a);
              } else {
                commands.completeSupport(id, itemId, a);
              }
            });
    // back to the person's own work page when they came from there; nowhere else (no open
    // redirect)
    if (done.getViewName().startsWith("redirect:") && "/my-work".equals(returnTo)) {
      done.setViewName("redirect:/my-work");
    }
    return done;
  }

  @PostMapping("/support-items/{itemId}/decline")
  ModelAndView decline(
      @PathVariable long id,
      @PathVariable long itemId,
      @ModelAttribute @Valid FollowUpCommand.Reason why,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The support is declined";
    return take(
        r, id, "decline-" + itemId, form, saved, a -> commands.declineSupport(id, itemId, a, why));
  }

  @PostMapping("/support-items/{itemId}/verify")
  @PreAuthorize(PI_STAFF)
  ModelAndView verify(@PathVariable long id, @PathVariable long itemId, HttpServletRequest r) {
    String saved = "The support's completion is verified";
    return take(r, id, "verify-" + itemId, null, saved, a -> commands.verifySupport(id, itemId, a));
  }

  @PostMapping("/support-items/{itemId}/withdraw")
  @PreAuthorize(PI_STAFF)
  ModelAndView withdrawItem(
      @PathVariable long id,
      @PathVariable long itemId,
      @ModelAttribute @Valid FollowUpCommand.Reason why,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The support is withdrawn";
    return take(
        r,
        id,
        "withdrawitem-" + itemId,
        form,
        saved,
        a -> commands.withdrawSupport(id, itemId, a, why));
  }

  @PostMapping("/closure/propose")
  @PreAuthorize(PI_STAFF)
  ModelAndView propose(@PathVariable long id, HttpServletRequest r) {
    String saved = "Closure is proposed: a PI lead will sign it off";
    return take(r, id, "propose", null, saved, a -> commands.proposeClosure(id, a));
  }

  @PostMapping("/closure/sign-off")
  @PreAuthorize(PI_LEAD)
  ModelAndView signOff(@PathVariable long id, HttpServletRequest r) {
    return take(r, id, "signoff", null, "The follow-up is closed", a -> commands.signOff(id, a));
  }

  @PostMapping("/closure/send-back")
  @PreAuthorize(PI_LEAD)
  ModelAndView sendBack(
      @PathVariable long id,
      @ModelAttribute @Valid FollowUpCommand.Reason why,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The follow-up is sent back to the PI officer";
    return take(r, id, "sendback", form, saved, a -> commands.sendBack(id, a, why));
  }

  @PostMapping("/withdraw")
  @PreAuthorize(PI_LEAD)
  ModelAndView withdraw(
      @PathVariable long id,
      @ModelAttribute @Valid FollowUpCommand.Reason why,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The follow-up is withdrawn";
    return take(r, id, "withdraw", form, saved, a -> commands.withdraw(id, a, why));
  }

  @PostMapping("/re-audit")
  @PreAuthorize("hasAnyRole('AUDITOR','PI_LEAD')")
  ModelAndView reAudit(
      @PathVariable long id,
      @ModelAttribute @Valid FollowUpCommand.ReAudit reAudit,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The re-audit is linked: the loop is closed";
    return take(r, id, "reaudit", form, saved, a -> commands.recordReAudit(id, a, reAudit));
  }

  @PostMapping("/re-audit/not-possible")
  @PreAuthorize("hasAnyRole('AUDITOR','PI_LEAD')")
  ModelAndView reAuditNotPossible(
      @PathVariable long id,
      @ModelAttribute @Valid FollowUpCommand.Reason why,
      BindingResult form,
      HttpServletRequest r) {
    String saved = "The re-audit is recorded as not possible: the follow-up is done";
    return take(
        r, id, "reauditnotpossible", form, saved, a -> commands.reAuditNotPossible(id, a, why));
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    return PageForms.errorPage(e);
  }

  /**
   * Takes one step as the signed-in person: on success back to the page with a confirmation; wrong
   * input (as bound, or as the step found it) re-shows the page with the errors against this form's
   * fields; anything else (out of order, taken already, changed meanwhile) back with a banner.
   *
   * @param form the form's name on the page, which prefixes its fields' ids
   * @param binding what the form bound to, or null for a form with no fields
   */
  private ModelAndView take(
      HttpServletRequest request,
      long id,
      String form,
      BindingResult binding,
      String saved,
      PageForms.Step step) {
    if (binding != null && binding.hasErrors()) {
      return page(id, request, PageForms.prefixed(form, errors(binding)), values(form, request));
    }
    return PageForms.take(
        request,
        form,
        saved,
        step,
        "/follow-ups/" + id,
        errors -> page(id, request, errors, values(form, request)));
  }

  /** The page again, with the errors of the form that was sent and what was typed into it. */
  private ModelAndView page(
      long id, HttpServletRequest request, List<FieldError> errors, Map<String, String> values) {
    ModelAndView page = new ModelAndView();
    page.setViewName(render(id, request.getUserPrincipal(), page.getModelMap(), errors, values));
    return page;
  }

  /**
   * The form's errors as the page shows them: a constraint's own message, or for a value that is
   * not of its kind (a date that is not a date) the sentence messages.properties gives it.
   */
  private List<FieldError> errors(BindingResult binding) {
    return binding.getFieldErrors().stream()
        .map(e -> new FieldError(e.getField(), messages.getMessage(e, Locale.UK)))
        .toList();
  }

  /** What was typed into the form, as typed, to show it again beside its errors. */
  private static Map<String, String> values(String form, HttpServletRequest request) {
    Map<String, String> values = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, given) -> {
              if (!NOT_FIELDS.contains(name) && given.length > 0) {
                values.put(form + "-" + name, given[0]);
              }
            });
    return values;
  }

  private String render(
      long id,
      Principal principal,
      ModelMap model,
      List<FieldError> errors,
      Map<String, String> values) {
    Person me = directory.signedIn(principal);
    model.addAttribute("v", page.build(queries.get(id, me.username()), me));
    accessLog.record(principal, "VIEW", "FOLLOW_UP", String.valueOf(id));
    model.addAttribute("errors", errors);
    model.addAttribute("fieldErrors", PageForms.byField(errors));
    model.addAttribute("values", values);
    return "follow-ups/show";
  }
}
