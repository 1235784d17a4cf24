package org.learningloop.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The narrative sections of the committee report, in order, as the council's report template has
 * them; the Assistant Director writes them before publishing. Defaults (the template's) in {@code
 * application.yml}; a council with another template lists its own.
 *
 * @param sections in the order they are printed
 */
@Validated
@ConfigurationProperties("learning-loop.reports.narrative")
public record CommitteeNarrativeProperties(@NotEmpty List<@Valid Section> sections) {

  /**
   * One section of the narrative.
   *
   * @param key how the section is stored and posted; lower case letters, digits and hyphens
   * @param heading as printed
   * @param group a heading the section is printed under, shared by the sections that follow it (the
   *     implications, the consultations); blank for none
   * @param hint what to write, shown on the form
   * @param defaultText the template's usual wording, used while nothing is written; blank when the
   *     section must be written before the report is published
   */
  public record Section(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}") String key,
      @NotBlank String heading,
      String group,
      String hint,
      String defaultText) {

    public boolean hasGroup() {
      return group != null && !group.isBlank();
    }

    public boolean hasDefault() {
      return defaultText != null && !defaultText.isBlank();
    }
  }

  public CommitteeNarrativeProperties {
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  /** Each key names one section only. */
  @AssertTrue(message = "each narrative section needs a key of its own")
  public boolean isEachKeyOnce() {
    HashSet<String> keys = new HashSet<>();
    return sections.stream().allMatch(s -> s.key() == null || keys.add(s.key()));
  }
}
