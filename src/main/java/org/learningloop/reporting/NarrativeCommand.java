package org.learningloop.reporting;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the Assistant Director writes for the committee report: the cover details and the text of
 * each narrative section by key (a section left out or blank falls back to the template's wording,
 * where it has one).
 *
 * @param meetingDate the committee's meeting, for the cover; optional
 * @param portfolio the cabinet portfolio the report falls under; optional
 * @param includedInForwardPlan "Included in Forward Plan" on the cover
 */
public record NarrativeCommand(
    LocalDate meetingDate,
    @Size(max = 200) String portfolio,
    boolean includedInForwardPlan,
    Map<String, @Size(max = 10000) String> sections) {

  public NarrativeCommand {
    sections = sections == null ? Map.of() : sections;
  }
}
