package org.learningloop.reporting;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.learningloop.common.TimeConfiguration;
import org.learningloop.common.UkDates;

/**
 * A published version of a committee report as the API and pages show it: which version, why it was
 * made (from version 2 on), who published it and when, the SHA-256 of each part of its snapshot,
 * and the version that superseded it, if any.
 *
 * @param link the version's page (the HTML as published, with a banner once superseded)
 * @param supersededBy the latest version, when this one is not it
 */
public record Publication(
    String from,
    String to,
    int version,
    String reason,
    String publishedBy,
    Instant publishedAt,
    String link,
    String htmlLink,
    String pdfLink,
    String figuresLink,
    String figuresSha256,
    String htmlSha256,
    String pdfSha256,
    Integer supersededBy) {

  private static final DateTimeFormatter WHEN =
      UkDates.DAY_AND_TIME.withZone(TimeConfiguration.LONDON);

  /** "12 March 2024 at 09:30", London time, for pages. */
  public String publishedAtText() {
    return WHEN.format(publishedAt);
  }

  public boolean superseded() {
    return supersededBy != null;
  }

  static Publication of(
      ReportPeriod period,
      int version,
      String reason,
      String publishedBy,
      Instant publishedAt,
      String figuresSha256,
      String htmlSha256,
      String pdfSha256,
      Integer supersededBy) {
    String query = period.query() + "&version=" + version;
    return new Publication(
        period.from().toString(),
        period.to().toString(),
        version,
        reason,
        publishedBy,
        publishedAt,
        "/reports/committee/version?" + query,
        "/reports/committee/version.html?" + query,
        "/reports/committee/version.pdf?" + query,
        "/reports/committee/version.json?" + query,
        figuresSha256,
        htmlSha256,
        pdfSha256,
        supersededBy);
  }
}
