package org.learningloop.reporting;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.learningloop.common.TimeConfiguration;

/** A published committee report as the API shows it. */
public record Publication(
    String from, String to, String publishedBy, Instant publishedAt, String link) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
          .withZone(TimeConfiguration.LONDON);

  /** "12 March 2024 at 09:30", London time, for pages. */
  public String publishedAtText() {
    return WHEN.format(publishedAt);
  }

  static Publication of(ReportPublication p) {
    ReportPeriod period = p.period();
    return new Publication(
        period.from().toString(),
        period.to().toString(),
        p.publishedBy(),
        p.publishedAt(),
        "/reports/committee?" + period.query());
  }
}
