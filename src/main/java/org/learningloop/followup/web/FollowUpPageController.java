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
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.followup.FollowUpCommand;
import org.learningloop.followup.FollowUpCommands;
import org.learningloop.followup.FollowUpException;
import org.learningloop.followup.FollowUpQueries;
import org.learningloop.security.AccessLog;
import org.learningloop.web.PageForms;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

  /** One change to make; it throws a {@link DomainException} when it cannot be made. */
  @FunctionalInterface
  interface Step {
    void take();
  }

  /** What a step's form posted: its name on the page, what it bound to, the raw request. */
  record Form(String name, BindingResult binding, HttpServletRequest request) {
    static Form none(String name, HttpServletRequest request) {
      return new Form(name, null, request);
    }
  }

  @GetMapping
  String show(@PathVariable long id, Principal principal, Model model) {
    return render(id, principal, model, List.of(), Map.of());
  }

  @PostMapping("/claim")
  @PreAuthorize(PI_STAFF)
  String claim(
      @PathVariable long id,
      @ModelAttribute("claim") @Valid FollowUpCommand.Claim claim,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("claim", binding, request),
        principal,
        model,
        redirect,
        "You have claimed this follow-up",
        () -> commands.claim(id, principal.getName(), claim));
  }

  @PostMapping("/allocate")
  @PreAuthorize(PI_LEAD)
  String allocate(
      @PathVariable long id,
      @ModelAttribute("allocation") @Valid FollowUpCommand.Allocate allocation,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("allocate", binding, request),
        principal,
        model,
        redirect,
        "The follow-up is allocated to " + (allocation == null ? "" : allocation.officer()),
        () -> commands.allocate(id, principal.getName(), allocation));
  }

  @PostMapping("/reassign")
  @PreAuthorize(PI_LEAD)
  String reassign(
      @PathVariable long id,
      @ModelAttribute("reassignment") @Valid FollowUpCommand.Reassign reassignment,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("reassign", binding, request),
        principal,
        model,
        redirect,
        "The follow-up is reassigned to " + (reassignment == null ? "" : reassignment.officer()),
        () -> commands.reassign(id, principal.getName(), reassignment));
  }

  @PostMapping("/safeguarding")
  @PreAuthorize("hasAnyRole('TEAM_MANAGER','SERVICE_MANAGER','ASSISTANT_DIRECTOR')")
  String confirmSafeguarding(
      @PathVariable long id,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        Form.none("safeguarding", request),
        principal,
        model,
        redirect,
        "You have confirmed the child's current safety has been reviewed",
        () -> commands.confirmSafeguarding(id, principal.getName()));
  }

  /** Schedules a conversation, or moves a scheduled one ({@code step} is which). */
  @PostMapping("/conversations/{conversationId}/{step:schedule|reschedule}")
  @PreAuthorize(PI_STAFF)
  String schedule(
      @PathVariable long id,
      @PathVariable long conversationId,
      @PathVariable String step,
      @ModelAttribute("schedule") @Valid FollowUpCommand.Schedule schedule,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    boolean move = step.equals("reschedule");
    return act(
        id,
        new Form("conversation-" + conversationId, binding, request),
        principal,
        model,
        redirect,
        move
            ? "The conversation is moved; a new invitation is sent"
            : "The conversation is scheduled; the invitation is sent",
        () -> {
          if (move) {
            commands.rescheduleConversation(id, conversationId, principal.getName(), schedule);
          } else {
            commands.scheduleConversation(id, conversationId, principal.getName(), schedule);
          }
        });
  }

  @PostMapping("/conversations/{conversationId}/held")
  @PreAuthorize(PI_STAFF)
  String held(
      @PathVariable long id,
      @PathVariable long conversationId,
      @ModelAttribute("held") @Valid FollowUpCommand.Held held,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("held-" + conversationId, binding, request),
        principal,
        model,
        redirect,
        "The conversation is recorded as held",
        () -> commands.recordConversationHeld(id, conversationId, principal.getName(), held));
  }

  @PostMapping("/conversations/{conversationId}/not-held")
  @PreAuthorize(PI_STAFF)
  String notHeld(
      @PathVariable long id,
      @PathVariable long conversationId,
      @ModelAttribute("why") @Valid FollowUpCommand.Reason why,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("notheld-" + conversationId, binding, request),
        principal,
        model,
        redirect,
        "The conversation is recorded as not held: schedule it again",
        () -> commands.recordConversationNotHeld(id, conversationId, principal.getName(), why));
  }

  @PostMapping("/support-items")
  @PreAuthorize(PI_STAFF)
  String offer(
      @PathVariable long id,
      @ModelAttribute("offer") @Valid FollowUpCommand.OfferSupport offer,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("offer", binding, request),
        principal,
        model,
        redirect,
        "The support is offered; its owner is told by email",
        () -> commands.offerSupport(id, principal.getName(), offer));
  }

  @PostMapping("/support-items/{itemId}/accept")
  String accept(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam(defaultValue = "") String returnTo,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    String done =
        act(
            id,
            Form.none("accept-" + itemId, request),
            principal,
            model,
            redirect,
            "You have accepted the support",
            () -> commands.acceptSupport(id, itemId, principal.getName()));
    return back(done, returnTo);
  }

  @PostMapping("/support-items/{itemId}/decline")
  String decline(
      @PathVariable long id,
      @PathVariable long itemId,
      @ModelAttribute("why") @Valid FollowUpCommand.Reason why,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("decline-" + itemId, binding, request),
        principal,
        model,
        redirect,
        "The support is declined",
        () -> commands.declineSupport(id, itemId, principal.getName(), why));
  }

  @PostMapping("/support-items/{itemId}/complete")
  String complete(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam(defaultValue = "") String returnTo,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    String done =
        act(
            id,
            Form.none("complete-" + itemId, request),
            principal,
            model,
            redirect,
            "The support is marked as completed",
            () -> commands.completeSupport(id, itemId, principal.getName()));
    return back(done, returnTo);
  }

  @PostMapping("/support-items/{itemId}/verify")
  @PreAuthorize(PI_STAFF)
  String verify(
      @PathVariable long id,
      @PathVariable long itemId,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        Form.none("verify-" + itemId, request),
        principal,
        model,
        redirect,
        "The support's completion is verified",
        () -> commands.verifySupport(id, itemId, principal.getName()));
  }

  @PostMapping("/support-items/{itemId}/withdraw")
  @PreAuthorize(PI_STAFF)
  String withdrawItem(
      @PathVariable long id,
      @PathVariable long itemId,
      @ModelAttribute("why") @Valid FollowUpCommand.Reason why,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("withdrawitem-" + itemId, binding, request),
        principal,
        model,
        redirect,
        "The support is withdrawn",
        () -> commands.withdrawSupport(id, itemId, principal.getName(), why));
  }

  @PostMapping("/closure/propose")
  @PreAuthorize(PI_STAFF)
  String propose(
      @PathVariable long id,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        Form.none("propose", request),
        principal,
        model,
        redirect,
        "Closure is proposed: a PI lead will sign it off",
        () -> commands.proposeClosure(id, principal.getName()));
  }

  @PostMapping("/closure/sign-off")
  @PreAuthorize(PI_LEAD)
  String signOff(
      @PathVariable long id,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        Form.none("signoff", request),
        principal,
        model,
        redirect,
        "The follow-up is closed",
        () -> commands.signOff(id, principal.getName()));
  }

  @PostMapping("/closure/send-back")
  @PreAuthorize(PI_LEAD)
  String sendBack(
      @PathVariable long id,
      @ModelAttribute("why") @Valid FollowUpCommand.Reason why,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("sendback", binding, request),
        principal,
        model,
        redirect,
        "The follow-up is sent back to the PI officer",
        () -> commands.sendBack(id, principal.getName(), why));
  }

  @PostMapping("/withdraw")
  @PreAuthorize(PI_LEAD)
  String withdraw(
      @PathVariable long id,
      @ModelAttribute("why") @Valid FollowUpCommand.Reason why,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("withdraw", binding, request),
        principal,
        model,
        redirect,
        "The follow-up is withdrawn",
        () -> commands.withdraw(id, principal.getName(), why));
  }

  @PostMapping("/re-audit")
  @PreAuthorize("hasAnyRole('AUDITOR','PI_LEAD')")
  String reAudit(
      @PathVariable long id,
      @ModelAttribute("reAudit") @Valid FollowUpCommand.ReAudit reAudit,
      BindingResult binding,
      HttpServletRequest request,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        new Form("reaudit", binding, request),
        principal,
        model,
        redirect,
        "The re-audit is linked: the loop is closed",
        () -> commands.recordReAudit(id, principal.getName(), reAudit));
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    return PageForms.errorPage(e);
  }

  /**
   * Takes one step: on success back to the page with a confirmation; wrong input (as bound, or as
   * the step found it) re-shows the page with the errors against this form's fields; anything else
   * (out of order, taken already, changed meanwhile) back with a banner.
   */
  private String act(
      long id,
      Form form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      String success,
      Step step) {
    if (form.binding() != null && form.binding().hasErrors()) {
      return render(
          id, principal, model, PageForms.prefixed(form.name(), errors(form)), values(form));
    }
    try {
      step.take();
      redirect.addFlashAttribute("saved", success);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.INVALID && !e.errors().isEmpty()) {
        return render(
            id, principal, model, PageForms.prefixed(form.name(), e.errors()), values(form));
      }
      redirect.addFlashAttribute("problem", PageForms.message(e));
    } catch (ObjectOptimisticLockingFailureException e) {
      redirect.addFlashAttribute("problem", PageForms.message(e));
    }
    return "redirect:/follow-ups/" + id;
  }

  /**
   * The form's errors as the page shows them: a constraint's own message, or for a value that is
   * not of its kind (a date that is not a date) the sentence messages.properties gives it.
   */
  private List<FieldError> errors(Form form) {
    return form.binding().getFieldErrors().stream()
        .map(e -> new FieldError(e.getField(), messages.getMessage(e, Locale.UK)))
        .toList();
  }

  /** What was typed into the form, as typed, to show it again beside its errors. */
  private static Map<String, String> values(Form form) {
    Map<String, String> values = new LinkedHashMap<>();
    form.request()
        .getParameterMap()
        .forEach(
            (name, given) -> {
              if (!NOT_FIELDS.contains(name) && given.length > 0) {
                values.put(form.name() + "-" + name, given[0]);
              }
            });
    return values;
  }

  private String render(
      long id,
      Principal principal,
      Model model,
      List<FieldError> errors,
      Map<String, String> values) {
    Person me =
        directory
            .findByUsername(principal.getName())
            .orElseThrow(
                () -> FollowUpException.forbidden("Unknown user " + principal.getName() + "."));
    model.addAttribute("v", page.build(queries.get(id, me.username()), me));
    accessLog.record(principal, "VIEW", "FOLLOW_UP", String.valueOf(id));
    model.addAttribute("errors", errors);
    model.addAttribute("fieldErrors", PageForms.byField(errors));
    model.addAttribute("values", values);
    return "follow-ups/show";
  }

  /**
   * Accepting or completing from the person's own work page takes them back there; nowhere else (no
   * open redirect).
   */
  private static String back(String done, String returnTo) {
    return done.startsWith("redirect:") && "/my-work".equals(returnTo) ? "redirect:/my-work" : done;
  }
}
