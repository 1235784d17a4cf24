package org.learningloop.dipsample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One thematic dip sample: a planned look at one theme in one month of one service area. */
@Entity
@Table(name = "dip_sample")
class DipSample {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 60)
  private String ref;

  @Column(nullable = false, length = 300)
  private String theme;

  @Column(name = "sample_month", nullable = false, length = 7)
  private String month;

  @Column(name = "service_area_id", nullable = false)
  private long serviceAreaId;

  /** Team names, one per line; null when the sample covers the whole service area. */
  @Column(length = 1000)
  private String teams;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DipSampleUnit unit;

  @Column(name = "sample_size", nullable = false)
  private int sampleSize;

  @Column(nullable = false, length = 100)
  private String auditor;

  @Column(length = 4000)
  private String findings;

  @Column(name = "created_at", nullable = false)
  @JdbcTypeCode(SqlTypes.TIMESTAMP)
  private Instant createdAt;

  @Version private long version;

  protected DipSample() {}

  DipSample(
      String ref,
      String theme,
      YearMonth month,
      long serviceAreaId,
      List<String> teams,
      DipSampleUnit unit,
      int sampleSize,
      String auditor,
      String findings,
      Instant createdAt) {
    this.ref = ref;
    this.theme = theme;
    this.month = month.toString();
    this.serviceAreaId = serviceAreaId;
    this.teams = teams.isEmpty() ? null : String.join("\n", teams);
    this.unit = unit;
    this.sampleSize = sampleSize;
    this.auditor = auditor;
    this.findings = findings;
    this.createdAt = createdAt;
  }

  Long getId() {
    return id;
  }

  String getRef() {
    return ref;
  }

  String getTheme() {
    return theme;
  }

  YearMonth getMonth() {
    return YearMonth.parse(month);
  }

  long getServiceAreaId() {
    return serviceAreaId;
  }

  List<String> getTeams() {
    return teams == null ? List.of() : Arrays.asList(teams.split("\n"));
  }

  DipSampleUnit getUnit() {
    return unit;
  }

  int getSampleSize() {
    return sampleSize;
  }

  String getAuditor() {
    return auditor;
  }

  String getFindings() {
    return findings;
  }

  Instant getCreatedAt() {
    return createdAt;
  }
}
