package org.learningloop.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.learningloop.common.UkDates;

/**
 * Everything one committee report shows: the figures (the report view), the cover, the narrative
 * the Assistant Director wrote, the scorecard appendix, the breakdown by service area and team and,
 * once published, which version it is and why it was made.
 *
 * @param whatTheFiguresCount what each count includes, in words
 * @param followUpPopulation how the follow-ups reconcile with the inadequate analysis
 * @param stamp the version being published; null for a draft or a preview
 */
record CommitteeDocument(
    ReportView report,
    CommitteeReportProperties cover,
    LocalDate meetingDate,
    String portfolio,
    boolean inForwardPlan,
    List<NarrativeEntry> narrative,
    Scorecard scorecard,
    ReportBreakdown breakdown,
    String whatTheFiguresCount,
    String followUpPopulation,
    Stamp stamp) {

  /**
   * One section of the narrative as printed.
   *
   * @param group the heading it is printed under; printed once, before the first section of a group
   * @param text what the Assistant Director wrote, else the template's default; null when neither
   * @param written whether the Assistant Director wrote it (else the default stands)
   */
  record NarrativeEntry(
      String key, String heading, String group, boolean startsGroup, String text, boolean written) {

    /** The text's paragraphs, split at blank lines. */
    public List<String> paragraphs() {
      if (text == null) {
        return List.of();
      }
      return List.of(text.strip().split("\\R\\s*\\R"));
    }
  }

  /** The version a snapshot is published as, printed at the top of its HTML and PDF. */
  record Stamp(int version, String reason, String publishedBy, String publishedAtText) {}

  static List<NarrativeEntry> narrative(
      CommitteeNarrativeProperties settings, Map<String, String> written) {
    List<NarrativeEntry> entries = new ArrayList<>();
    String group = null;
    for (CommitteeNarrativeProperties.Section s : settings.sections()) {
      String own = written.get(s.key());
      boolean hasOwn = own != null && !own.isBlank();
      String sectionGroup = s.hasGroup() ? s.group() : null;
      boolean starts = sectionGroup != null && !Objects.equals(sectionGroup, group);
      group = sectionGroup;
      entries.add(
          new NarrativeEntry(
              s.key(),
              s.heading(),
              sectionGroup,
              starts,
              hasOwn ? own.strip() : (s.hasDefault() ? s.defaultText() : null),
              hasOwn));
    }
    return List.copyOf(entries);
  }

  /** "Tuesday 12 March 2024", or null when the meeting date is not set. */
  public String meetingText() {
    return meetingDate == null ? null : UkDates.WEEKDAY.format(meetingDate);
  }

  /** The sections that have neither text nor a default: the report cannot be published yet. */
  List<NarrativeEntry> missing() {
    return narrative.stream().filter(e -> e.text() == null).toList();
  }

  /** Portfolio, blank when not given (the template leaves it empty too). */
  public String portfolioText() {
    return portfolio == null ? "" : portfolio;
  }
}
