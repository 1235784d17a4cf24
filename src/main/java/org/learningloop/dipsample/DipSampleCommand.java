package org.learningloop.dipsample;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Recording a thematic dip sample, as the API binds it from JSON and the pages from their form; the
 * rules are written here once ({@link DipSamples#record} checks them again for any other caller).
 * The service area and teams must exist in the directory; the auditor is whoever records it.
 *
 * @param ref e.g. {@code DS-2023-12-HP}; the {@code theme} column of an imported audit row may name
 *     it
 * @param month {@code YYYY-MM}
 * @param unit {@code CASES}, {@code FAMILIES} or {@code ASSESSMENTS}
 * @param teams team names within the service area, or none for the whole area
 */
public record DipSampleCommand(
    @NotBlank(message = "Enter the reference")
        @Size(max = 60, message = "Enter a reference of at most 60 characters")
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
            message = "Use letters, digits, dots, slashes and hyphens only")
        String ref,
    @NotBlank(message = "Enter the theme")
        @Size(max = 300, message = "Enter a theme of at most 300 characters")
        String theme,
    @NotBlank(message = "Enter the month, for example 2023-12")
        @Pattern(
            regexp = "\\d{4}-(0[1-9]|1[0-2])",
            message = "Enter the month as a year and month, for example 2023-12")
        String month,
    @NotBlank(message = "Choose the service area") String serviceArea,
    List<@NotBlank(message = "Name each team") String> teams,
    @NotNull(message = "Choose what was sampled: cases, families or assessments")
        DipSampleUnit unit,
    @NotNull(message = "Enter how many were sampled")
        @Min(value = 1, message = "Enter how many were sampled, from 1 to 10000")
        @Max(value = 10000, message = "Enter how many were sampled, from 1 to 10000")
        Integer sampleSize,
    @Size(max = 4000, message = "Enter findings of at most 4000 characters") String findings) {

  public List<String> teamNames() {
    return teams == null ? List.of() : teams.stream().map(String::strip).distinct().toList();
  }
}
