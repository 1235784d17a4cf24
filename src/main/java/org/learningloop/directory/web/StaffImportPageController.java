package org.learningloop.directory.web;

import java.io.IOException;
import java.util.List;
import org.learningloop.common.DomainException;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.PageForms;
import org.learningloop.directory.StaffCsvImport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff upload page: an administrator chooses a CSV file; either everyone in it is loaded and
 * the page reports who was added, changed or left as they were, or nothing is and the page lists
 * every line to correct.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class StaffImportPageController {

  private final StaffCsvImport importer;

  StaffImportPageController(StaffCsvImport importer) {
    this.importer = importer;
  }

  @GetMapping("/admin/users/import")
  String page(Model model) {
    return page(model, List.of(), List.of());
  }

  @PostMapping("/admin/users/import")
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    if (file == null || file.isEmpty()) {
      return page(model, List.of(new FieldError("file", "Choose a CSV file of staff")), List.of());
    }
    if (file.getSize() > StaffImportController.MAX_BYTES) {
      return page(
          model,
          List.of(
              new FieldError(
                  "file", StaffFileTooLarge.of(StaffImportController.MAX_BYTES).getMessage())),
          List.of());
    }
    try {
      StaffCsvImport.Result result = importer.importFile(file.getBytes());
      redirect.addFlashAttribute("result", result);
      redirect.addFlashAttribute(
          "saved",
          "Staff loaded: "
              + result.created()
              + " added, "
              + result.updated()
              + " changed, "
              + result.unchanged()
              + " unchanged");
      return "redirect:/admin/users/import";
    } catch (DomainException e) {
      List<FieldError> lines =
          e.errors().isEmpty() ? List.of(new FieldError("file", e.getMessage())) : e.errors();
      List<FieldError> errors =
          lines.stream().map(l -> new FieldError("file", l.field() + ": " + l.message())).toList();
      return page(model, errors, lines);
    }
  }

  private String page(Model model, List<FieldError> errors, List<FieldError> lineErrors) {
    PageForms.errors(model, errors);
    model.addAttribute("lineErrors", lineErrors);
    model.addAttribute("columns", String.join(",", StaffCsvImport.HEADER));
    return "admin/users-import";
  }
}
