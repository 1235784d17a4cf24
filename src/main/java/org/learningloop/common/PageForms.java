package org.learningloop.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.learningloop.common.DomainException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What the pages share when a form or a step fails: field errors by field for the message beside
 * each field, the GOV.UK error page for a missing or forbidden thing, and the message shown when a
 * step was already taken.
 */
public final class PageForms {

  /**
   * Shown when the same change was made twice (a double click, the back button) or by two people at
   * once.
   */
  public static final String CHANGED_MEANWHILE =
      "Someone changed this at the same time, or the step was already taken. Nothing was changed; check the page and try again.";

  private PageForms() {}

  /** The first message per field, for the message beside it; the summary lists them all. */
  public static Map<String, String> byField(List<FieldError> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
    return byField;
  }

  /**
   * What a form page's template reads of its errors: all of them for the error summary ({@code
   * errors}) and the first per field for the message beside it ({@code fieldErrors}).
   */
  public static void errors(Model model, List<FieldError> errors) {
    model.addAttribute("errors", errors);
    model.addAttribute("fieldErrors", byField(errors));
  }

  /** The errors, and what was typed into each field ({@code values}) to show it again. */
  public static void form(Model model, Map<String, ?> values, List<FieldError> errors) {
    model.addAttribute("values", values);
    errors(model, errors);
  }

  /**
   * The errors of one form on a page of several: each field gets the form's prefix, so ids stay
   * unique.
   */
  public static List<FieldError> prefixed(String form, List<FieldError> errors) {
    return errors.stream()
        .map(e -> new FieldError(form + "-" + e.field(), capitalise(e.field(), e.message())))
        .toList();
  }

  /**
   * A problem with no field (a step out of order, not yours, gone) as a sentence a person can act
   * on.
   */
  public static String message(RuntimeException e) {
    if (e instanceof ObjectOptimisticLockingFailureException) {
      return CHANGED_MEANWHILE;
    }
    if (e instanceof DomainException d
        && !d.errors().isEmpty()
        && d.getMessage().startsWith("Some ")) {
      return d.errors().stream()
          .map(f -> capitalise(f.field(), f.message()))
          .reduce((a, b) -> a + " " + b)
          .orElse(d.getMessage());
    }
    return e.getMessage();
  }

  /**
   * What a domain problem says about a form: its fields at fault, each as a sentence, or its
   * message against {@code field} when it names none.
   */
  public static List<FieldError> fieldErrors(DomainException e, String field) {
    return e.errors().isEmpty()
        ? List.of(new FieldError(field, e.getMessage()))
        : e.errors().stream().map(f -> new FieldError(f.field(), sentence(f))).toList();
  }

  /** One step a page takes as the signed-in person. */
  public interface Step {
    void takeAs(String username);
  }

  /**
   * Takes one step from a page, as the signed-in person: on success back with a confirmation; a
   * problem naming fields at fault shows the page again ({@code reshow}) with them against this
   * form's fields; a missing thing is the not-found page; anything else (out of order, not yours,
   * changed meanwhile) back with a banner.
   *
   * @param form the form's name on the page, which prefixes its fields' ids
   * @param back where to go after the step, e.g. {@code /actions/7}
   */
  public static ModelAndView take(
      HttpServletRequest request,
      String form,
      String saved,
      Step step,
      String back,
      Function<List<FieldError>, ModelAndView> reshow) {
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    try {
      step.takeAs(request.getUserPrincipal().getName());
      flash.put("saved", saved);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      if (e.kind() == DomainException.Kind.INVALID && !e.errors().isEmpty()) {
        return reshow.apply(prefixed(form, e.errors()));
      }
      flash.put("problem", message(e));
    } catch (ObjectOptimisticLockingFailureException e) {
      flash.put("problem", message(e));
    }
    return new ModelAndView("redirect:" + back);
  }

  /**
   * Takes a step whose page needs no form again: a confirmation, or what went wrong as a banner, on
   * the page it redirects to.
   */
  public static void flash(RedirectAttributes redirect, String saved, Runnable step) {
    try {
      step.run();
      redirect.addFlashAttribute("saved", saved);
    } catch (DomainException | ObjectOptimisticLockingFailureException e) {
      redirect.addFlashAttribute("problem", message(e));
    }
  }

  /**
   * The GOV.UK error page (not found, not allowed) for a domain problem met while showing a page.
   */
  public static ModelAndView errorPage(DomainException e) {
    HttpStatus status = HttpStatus.valueOf(e.kind().status());
    ModelAndView page = new ModelAndView("error", Map.of("status", status.value()), status);
    return page;
  }

  /**
   * A field's message as a sentence: "auditDate" with "is required" reads "Audit date is required".
   */
  public static String sentence(FieldError error) {
    return capitalise(error.field(), error.message());
  }

  /**
   * "is required" on field "reason" reads "Reason is required"; messages that are sentences already
   * stay.
   */
  static String capitalise(String field, String message) {
    if (message == null || message.isEmpty() || Character.isUpperCase(message.charAt(0))) {
      return message;
    }
    String words =
        field
            .replaceAll("([a-z])([A-Z])", "$1 $2")
            .replace('_', ' ')
            .toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " " + message;
  }
}
