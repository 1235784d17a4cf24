package org.learningloop.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A committee report published for a period: by whom and when. Periods are stored as their first
 * and last day.
 */
@Entity
@Table(name = "report_publication")
class ReportPublication {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "period_from", nullable = false)
  private LocalDate periodFrom;

  @Column(name = "period_to", nullable = false)
  private LocalDate periodTo;

  @Column(name = "published_by", nullable = false, length = 100)
  private String publishedBy;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  protected ReportPublication() {}

  ReportPublication(ReportPeriod period, String publishedBy, Instant publishedAt) {
    this.periodFrom = period.from().atDay(1);
    this.periodTo = period.to().atEndOfMonth();
    this.publishedBy = publishedBy;
    this.publishedAt = publishedAt;
  }

  ReportPeriod period() {
    return new ReportPeriod(YearMonth.from(periodFrom), YearMonth.from(periodTo));
  }

  String publishedBy() {
    return publishedBy;
  }

  Instant publishedAt() {
    return publishedAt;
  }
}
