package org.learningloop.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogues over HTTP: anyone signed in reads them, administrators extend, relabel and retire
 * entries.
 */
@RestController
@RequestMapping("/api/catalogues")
class CatalogueController {

  /** A new entry: the code is its stable identifier, the label what people read. */
  record NewEntry(
      @NotBlank
          @Size(max = 60)
          @Pattern(
              regexp = "[A-Za-z][A-Za-z0-9_]*",
              message = "letters, digits and _ only, starting with a letter")
          String code,
      @NotBlank @Size(max = 200) String label,
      @Schema(description = "Support types only: where the resource it offers is (http or https)")
          @Size(max = 500)
          String resourceUrl) {}

  /**
   * A change: a new label, or {@code active=false} to retire it (retired codes are refused for new
   * audits).
   */
  record EntryChange(
      @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
          String label,
      Boolean active,
      @Schema(description = "Support types only: a new link, or \"\" to remove it") @Size(max = 500)
          String resourceUrl) {}

  private final CatalogueService catalogues;

  CatalogueController(CatalogueService catalogues) {
    this.catalogues = catalogues;
  }

  @GetMapping("/factors")
  @Operation(summary = "Contributory factors, active and retired, in catalogue order")
  List<CatalogueEntry> factors() {
    return catalogues.list(CatalogueKind.FACTOR);
  }

  @GetMapping("/support-types")
  @Operation(summary = "Support types, active and retired, in catalogue order")
  List<CatalogueEntry> supportTypes() {
    return catalogues.list(CatalogueKind.SUPPORT);
  }

  @PostMapping("/factors")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Add a contributory factor (admins)")
  CatalogueEntry addFactor(@Valid @RequestBody NewEntry entry) {
    return catalogues.add(CatalogueKind.FACTOR, entry.code(), entry.label(), entry.resourceUrl());
  }

  @PostMapping("/support-types")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Add a support type (admins)")
  CatalogueEntry addSupportType(@Valid @RequestBody NewEntry entry) {
    return catalogues.add(CatalogueKind.SUPPORT, entry.code(), entry.label(), entry.resourceUrl());
  }

  @PutMapping("/factors/{code}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Relabel, retire or reactivate a contributory factor (admins)")
  CatalogueEntry changeFactor(@PathVariable String code, @Valid @RequestBody EntryChange change) {
    return catalogues.change(
        CatalogueKind.FACTOR, code, change.label(), change.active(), change.resourceUrl());
  }

  @PutMapping("/support-types/{code}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Relabel, retire or reactivate a support type (admins)")
  CatalogueEntry changeSupportType(
      @PathVariable String code, @Valid @RequestBody EntryChange change) {
    return catalogues.change(
        CatalogueKind.SUPPORT, code, change.label(), change.active(), change.resourceUrl());
  }
}
