package org.learningloop.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningloop.common.DomainException;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.PageForms;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
 * The catalogues on administrators' pages: contributory factors and support types listed, added,
 * relabelled, linked to a resource (support types) and retired or brought back. Nothing is deleted:
 * old audits and follow-ups still name retired entries. Every form posts, then redirects.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CataloguePagesController {

  private static final Map<String, CatalogueKind> KINDS =
      Map.of("factors", CatalogueKind.FACTOR, "support-types", CatalogueKind.SUPPORT);

  private final CatalogueService catalogues;

  CataloguePagesController(CatalogueService catalogues) {
    this.catalogues = catalogues;
  }

  @GetMapping("/admin/catalogues")
  String list(Model model) {
    model.addAttribute("factors", catalogues.list(CatalogueKind.FACTOR));
    model.addAttribute("supportTypes", catalogues.list(CatalogueKind.SUPPORT));
    return "admin/catalogues";
  }

  @GetMapping("/admin/catalogues/{kind}/new")
  String newEntry(@PathVariable String kind, Model model) {
    return form(
        model,
        kind(kind),
        kind,
        null,
        Map.of("label", "", "code", "", "resourceUrl", ""),
        List.of());
  }

  @PostMapping("/admin/catalogues/{kind}")
  String add(
      @PathVariable String kind,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String label,
      @RequestParam(defaultValue = "") String resourceUrl,
      Model model,
      RedirectAttributes redirect) {
    CatalogueKind catalogue = kind(kind);
    try {
      CatalogueEntry added = catalogues.add(catalogue, code, label, resourceUrl);
      redirect.addFlashAttribute("saved", added.label() + " has been added");
      return "redirect:/admin/catalogues";
    } catch (DomainException problem) {
      return form(
          model,
          catalogue,
          kind,
          null,
          Map.of("code", code, "label", label, "resourceUrl", resourceUrl),
          problem.errors());
    }
  }

  @GetMapping("/admin/catalogues/{kind}/{code}")
  String edit(@PathVariable String kind, @PathVariable String code, Model model) {
    CatalogueKind catalogue = kind(kind);
    CatalogueEntry entry = entry(catalogue, code);
    return form(model, catalogue, kind, entry, values(entry), List.of());
  }

  @PostMapping("/admin/catalogues/{kind}/{code}")
  String change(
      @PathVariable String kind,
      @PathVariable String code,
      @RequestParam(defaultValue = "") String label,
      @RequestParam(defaultValue = "") String resourceUrl,
      @RequestParam(defaultValue = "true") boolean active,
      Model model,
      RedirectAttributes redirect) {
    CatalogueKind catalogue = kind(kind);
    CatalogueEntry entry = entry(catalogue, code);
    try {
      CatalogueEntry changed =
          catalogues.change(
              catalogue,
              code,
              label,
              active,
              catalogue == CatalogueKind.SUPPORT ? resourceUrl : null);
      redirect.addFlashAttribute(
          "saved",
          changed.label()
              + (changed.active() == entry.active()
                  ? " has been saved"
                  : changed.active() ? " is offered again" : " has been retired"));
      return "redirect:/admin/catalogues";
    } catch (DomainException problem) {
      Map<String, String> values = new LinkedHashMap<>(values(entry));
      values.put("label", label);
      values.put("resourceUrl", resourceUrl);
      values.put("active", String.valueOf(active));
      return form(model, catalogue, kind, entry, values, problem.errors());
    } catch (ObjectOptimisticLockingFailureException e) {
      // Changed by another administrator meanwhile (optimistic lock): say so, keep what was typed.
      return form(
          model,
          catalogue,
          kind,
          entry,
          values(entry),
          List.of(new FieldError("label", PageForms.message(e))));
    }
  }

  /** An unknown catalogue or code: the GOV.UK "page not found". */
  @ExceptionHandler(CatalogueProblem.class)
  ModelAndView problem(CatalogueProblem problem) {
    return PageForms.errorPage(problem);
  }

  private static Map<String, String> values(CatalogueEntry entry) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("code", entry.code());
    values.put("label", entry.label());
    values.put("resourceUrl", entry.resourceUrl() == null ? "" : entry.resourceUrl());
    values.put("active", String.valueOf(entry.active()));
    return values;
  }

  private String form(
      Model model,
      CatalogueKind catalogue,
      String kind,
      CatalogueEntry entry,
      Map<String, String> values,
      List<FieldError> errors) {
    model.addAttribute("kind", kind);
    model.addAttribute("support", catalogue == CatalogueKind.SUPPORT);
    model.addAttribute("description", catalogue.description());
    model.addAttribute("entry", entry);
    PageForms.form(model, values, errors);
    return "admin/catalogue-entry";
  }

  private CatalogueEntry entry(CatalogueKind catalogue, String code) {
    return catalogues
        .find(catalogue, code)
        .orElseThrow(() -> CatalogueProblem.notFound(catalogue, code));
  }

  private static CatalogueKind kind(String kind) {
    CatalogueKind catalogue = KINDS.get(kind);
    if (catalogue == null) {
      throw CatalogueProblem.notFound(CatalogueKind.FACTOR, kind);
    }
    return catalogue;
  }
}
