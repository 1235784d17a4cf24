package org.learningloop.followup.web;

import java.security.Principal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningloop.common.DomainException;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.PageForms;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.followup.FollowUpException;
import org.learningloop.followup.FollowUps;
import org.learningloop.followup.SupportOwner;
import org.learningloop.security.AccessLog;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /follow-ups/{id}}: one follow-up and the forms for what the signed-in person may do now.
 * Each form posts to its own address and redirects back (post-redirect-get). Wrong input re-shows
 * the page with the GOV.UK error summary, its fields named by form so that every link in the
 * summary reaches its field; a step out of order or already taken (a second click, the back button)
 * changes nothing and is explained in a banner.
 */
@Controller
@RequestMapping("/follow-ups/{id}")
class FollowUpPageController {

  private static final String PI_STAFF = "hasAnyRole('PI_LEAD','PI_OFFICER')";
  private static final String PI_LEAD = "hasRole('PI_LEAD')";

  private final FollowUps followUps;
  private final FollowUpPage page;
  private final Directory directory;
  private final AccessLog accessLog;

  FollowUpPageController(
      FollowUps followUps, FollowUpPage page, Directory directory, AccessLog accessLog) {
    this.followUps = followUps;
    this.page = page;
    this.directory = directory;
    this.accessLog = accessLog;
  }

  /** One change to make; it throws a {@link DomainException} when it cannot be made. */
  @FunctionalInterface
  interface Step {
    void take();
  }

  @GetMapping
  String show(@PathVariable long id, Principal principal, Model model) {
    return render(id, principal, model, List.of(), Map.of());
  }

  @PostMapping("/claim")
  @PreAuthorize(PI_STAFF)
  String claim(
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean joint,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        "claim",
        principal,
        model,
        redirect,
        Map.of(),
        "You have claimed this follow-up",
        () -> followUps.claim(id, principal.getName(), joint));
  }

  @PostMapping("/allocate")
  @PreAuthorize(PI_LEAD)
  String allocate(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String officer,
      @RequestParam(defaultValue = "false") boolean joint,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        "allocate",
        principal,
        model,
        redirect,
        Map.of("allocate-officer", officer),
        "The follow-up is allocated to " + officer,
        () -> followUps.allocate(id, principal.getName(), officer, joint));
  }

  @PostMapping("/reassign")
  @PreAuthorize(PI_LEAD)
  String reassign(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String officer,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        "reassign",
        principal,
        model,
        redirect,
        Map.of("reassign-officer", officer),
        "The follow-up is reassigned to " + officer,
        () -> followUps.reassign(id, principal.getName(), officer));
  }

  @PostMapping("/safeguarding")
  @PreAuthorize("hasAnyRole('TEAM_MANAGER','SERVICE_MANAGER','ASSISTANT_DIRECTOR')")
  String confirmSafeguarding(
      @PathVariable long id, Principal principal, Model model, RedirectAttributes redirect) {
    return act(
        id,
        "safeguarding",
        principal,
        model,
        redirect,
        Map.of(),
        "You have confirmed the child's current safety has been reviewed",
        () -> followUps.confirmSafeguarding(id, principal.getName()));
  }

  @PostMapping("/conversations/{conversationId}/schedule")
  @PreAuthorize(PI_STAFF)
  String schedule(
      @PathVariable long id,
      @PathVariable long conversationId,
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return scheduleOrMove(id, conversationId, form, principal, model, redirect, false);
  }

  @PostMapping("/conversations/{conversationId}/reschedule")
  @PreAuthorize(PI_STAFF)
  String reschedule(
      @PathVariable long id,
      @PathVariable long conversationId,
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return scheduleOrMove(id, conversationId, form, principal, model, redirect, true);
  }

  private String scheduleOrMove(
      long id,
      long conversationId,
      Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      boolean move) {
    String key = "conversation-" + conversationId;
    Map<String, String> values =
        Map.of(
            key + "-date",
            form.getOrDefault("date", ""),
            key + "-time",
            form.getOrDefault("time", ""),
            key + "-durationMinutes",
            form.getOrDefault("durationMinutes", ""),
            key + "-location",
            form.getOrDefault("location", ""));
    return act(
        id,
        key,
        principal,
        model,
        redirect,
        values,
        move
            ? "The conversation is moved; a new invitation is sent"
            : "The conversation is scheduled; the invitation is sent",
        () -> {
          List<FieldError> errors = new ArrayList<>();
          LocalDate date =
              date("date", form.get("date"), "Enter the date of the conversation", errors);
          LocalTime time = time(form.get("time"), errors);
          Integer minutes = minutes(form.get("durationMinutes"), errors);
          String location = form.getOrDefault("location", "");
          if (location.isBlank()) {
            errors.add(
                new FieldError("location", "Enter the place, or the link of the online meeting"));
          }
          if (!errors.isEmpty()) {
            throw new PageInputProblem(errors);
          }
          LocalDateTime startsAt = LocalDateTime.of(date, time);
          if (move) {
            followUps.rescheduleConversation(
                id,
                conversationId,
                principal.getName(),
                startsAt,
                Duration.ofMinutes(minutes),
                location);
          } else {
            followUps.scheduleConversation(
                id,
                conversationId,
                principal.getName(),
                startsAt,
                Duration.ofMinutes(minutes),
                location);
          }
        });
  }

  @PostMapping("/conversations/{conversationId}/held")
  @PreAuthorize(PI_STAFF)
  String held(
      @PathVariable long id,
      @PathVariable long conversationId,
      @RequestParam(defaultValue = "") String notes,
      @RequestParam(defaultValue = "") String learningPoints,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    String key = "held-" + conversationId;
    return act(
        id,
        key,
        principal,
        model,
        redirect,
        Map.of(key + "-notes", notes, key + "-learningPoints", learningPoints),
        "The conversation is recorded as held",
        () ->
            followUps.recordConversationHeld(
                id, conversationId, principal.getName(), notes, learningPoints));
  }

  @PostMapping("/conversations/{conversationId}/not-held")
  @PreAuthorize(PI_STAFF)
  String notHeld(
      @PathVariable long id,
      @PathVariable long conversationId,
      @RequestParam(defaultValue = "") String reason,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    String key = "notheld-" + conversationId;
    return act(
        id,
        key,
        principal,
        model,
        redirect,
        Map.of(key + "-reason", reason),
        "The conversation is recorded as not held: schedule it again",
        () -> followUps.recordConversationNotHeld(id, conversationId, principal.getName(), reason));
  }

  @PostMapping("/support-items")
  @PreAuthorize(PI_STAFF)
  String offer(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> values =
        Map.of(
            "offer-type",
            form.getOrDefault("type", ""),
            "offer-description",
            form.getOrDefault("description", ""),
            "offer-owner",
            form.getOrDefault("owner", ""),
            "offer-dueDate",
            form.getOrDefault("dueDate", ""));
    return act(
        id,
        "offer",
        principal,
        model,
        redirect,
        values,
        "The support is offered; its owner is told by email",
        () -> {
          List<FieldError> errors = new ArrayList<>();
          if (form.getOrDefault("type", "").isBlank()) {
            errors.add(new FieldError("type", "Choose the type of support"));
          }
          SupportOwner owner = null;
          try {
            owner = SupportOwner.valueOf(form.getOrDefault("owner", "").toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            errors.add(new FieldError("owner", "Choose who the support is for"));
          }
          LocalDate due =
              date("dueDate", form.get("dueDate"), "Enter the date the support is due", errors);
          if (!errors.isEmpty()) {
            throw new PageInputProblem(errors);
          }
          followUps.offerSupport(
              id,
              principal.getName(),
              form.get("type"),
              form.getOrDefault("description", ""),
              owner,
              due);
        });
  }

  @PostMapping("/support-items/{itemId}/accept")
  String accept(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam(defaultValue = "") String returnTo,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    String done =
        act(
            id,
            "accept-" + itemId,
            principal,
            model,
            redirect,
            Map.of(),
            "You have accepted the support",
            () -> followUps.acceptSupport(id, itemId, principal.getName()));
    return back(done, returnTo);
  }

  @PostMapping("/support-items/{itemId}/decline")
  String decline(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam(defaultValue = "") String reason,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    String key = "decline-" + itemId;
    return act(
        id,
        key,
        principal,
        model,
        redirect,
        Map.of(key + "-reason", reason),
        "The support is declined",
        () -> followUps.declineSupport(id, itemId, principal.getName(), reason));
  }

  @PostMapping("/support-items/{itemId}/complete")
  String complete(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam(defaultValue = "") String returnTo,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    String done =
        act(
            id,
            "complete-" + itemId,
            principal,
            model,
            redirect,
            Map.of(),
            "The support is marked as completed",
            () -> followUps.completeSupport(id, itemId, principal.getName()));
    return back(done, returnTo);
  }

  @PostMapping("/support-items/{itemId}/verify")
  @PreAuthorize(PI_STAFF)
  String verify(
      @PathVariable long id,
      @PathVariable long itemId,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        "verify-" + itemId,
        principal,
        model,
        redirect,
        Map.of(),
        "The support's completion is verified",
        () -> followUps.verifySupport(id, itemId, principal.getName()));
  }

  @PostMapping("/support-items/{itemId}/withdraw")
  @PreAuthorize(PI_STAFF)
  String withdrawItem(
      @PathVariable long id,
      @PathVariable long itemId,
      @RequestParam(defaultValue = "") String reason,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    String key = "withdrawitem-" + itemId;
    return act(
        id,
        key,
        principal,
        model,
        redirect,
        Map.of(key + "-reason", reason),
        "The support is withdrawn",
        () -> followUps.withdrawSupport(id, itemId, principal.getName(), reason));
  }

  @PostMapping("/closure/propose")
  @PreAuthorize(PI_STAFF)
  String propose(
      @PathVariable long id, Principal principal, Model model, RedirectAttributes redirect) {
    return act(
        id,
        "propose",
        principal,
        model,
        redirect,
        Map.of(),
        "Closure is proposed: a PI lead will sign it off",
        () -> followUps.proposeClosure(id, principal.getName()));
  }

  @PostMapping("/closure/sign-off")
  @PreAuthorize(PI_LEAD)
  String signOff(
      @PathVariable long id, Principal principal, Model model, RedirectAttributes redirect) {
    return act(
        id,
        "signoff",
        principal,
        model,
        redirect,
        Map.of(),
        "The follow-up is closed",
        () -> followUps.signOff(id, principal.getName()));
  }

  @PostMapping("/closure/send-back")
  @PreAuthorize(PI_LEAD)
  String sendBack(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        "sendback",
        principal,
        model,
        redirect,
        Map.of("sendback-reason", reason),
        "The follow-up is sent back to the PI officer",
        () -> followUps.sendBack(id, principal.getName(), reason));
  }

  @PostMapping("/withdraw")
  @PreAuthorize(PI_LEAD)
  String withdraw(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        "withdraw",
        principal,
        model,
        redirect,
        Map.of("withdraw-reason", reason),
        "The follow-up is withdrawn",
        () -> followUps.withdraw(id, principal.getName(), reason));
  }

  @PostMapping("/re-audit")
  @PreAuthorize("hasAnyRole('AUDITOR','PI_LEAD')")
  String reAudit(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String auditRef,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id,
        "reaudit",
        principal,
        model,
        redirect,
        Map.of("reaudit-auditRef", auditRef),
        "The re-audit is linked: the loop is closed",
        () -> followUps.recordReAudit(id, principal.getName(), auditRef));
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    return PageForms.errorPage(e);
  }

  /**
   * Takes one step: on success back to the page with a confirmation; wrong input re-shows the page
   * with the errors against this form's fields; anything else (out of order, taken already, changed
   * meanwhile) back with a banner.
   */
  private String act(
      long id,
      String form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      Map<String, String> values,
      String success,
      Step step) {
    try {
      step.take();
      redirect.addFlashAttribute("saved", success);
    } catch (PageInputProblem e) {
      return render(id, principal, model, PageForms.prefixed(form, e.errors()), values);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.INVALID && !e.errors().isEmpty()) {
        return render(id, principal, model, PageForms.prefixed(form, e.errors()), values);
      }
      redirect.addFlashAttribute("problem", PageForms.message(e));
    } catch (ObjectOptimisticLockingFailureException e) {
      redirect.addFlashAttribute("problem", PageForms.message(e));
    }
    return "redirect:/follow-ups/" + id;
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
    model.addAttribute("v", page.build(followUps.get(id, me.username()), me));
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

  private static LocalDate date(
      String field, String value, String missing, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, missing));
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "Enter a real date, for example 2026-12-01"));
      return null;
    }
  }

  private static LocalTime time(String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError("time", "Enter the time the conversation starts"));
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("time", "Enter a time as hours and minutes, for example 14:30"));
      return null;
    }
  }

  private static Integer minutes(String value, List<FieldError> errors) {
    try {
      int minutes = Integer.parseInt(value == null ? "" : value.strip());
      if (minutes >= 1 && minutes <= 480) {
        return minutes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new FieldError("durationMinutes", "Enter how long it lasts in minutes, from 1 to 480"));
    return null;
  }

  /** Input the page checks before the service sees it (a date that is not a date). */
  static final class PageInputProblem extends RuntimeException {
    private final transient List<FieldError> errors;

    PageInputProblem(List<FieldError> errors) {
      super("Some fields are missing or wrong", null, false, false);
      this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
      return errors;
    }
  }
}
