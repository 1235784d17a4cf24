package org.learningloop.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Committee report drafts and their published versions. A version is only ever inserted: there is
 * no statement here that changes or deletes one, so what was published stays as it was.
 */
@Repository
class CommitteeReportStore {

  private static final TypeReference<LinkedHashMap<String, String>> NARRATIVE =
      new TypeReference<>() {};
  private static final String VERSION_COLUMNS =
      "v.id, v.version, v.reason, v.published_by, v.published_at, v.figures_sha256, v.html_sha256,"
          + " v.pdf_sha256, r.period_from, r.period_to,"
          + " (select max(l.version) from committee_report_version l where l.report_id = v.report_id)"
          + " latest";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  CommitteeReportStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** One stored version's snapshot, byte for byte as published. */
  record Snapshot(byte[] figuresJson, byte[] html, byte[] pdf) {

    String figuresSha256() {
      return Sha256.hex(figuresJson);
    }

    String htmlSha256() {
      return Sha256.hex(html);
    }

    String pdfSha256() {
      return Sha256.hex(pdf);
    }
  }

  Optional<CommitteeDraft> find(ReportPeriod period) {
    return jdbc
        .query(
            "select * from committee_report where period_from = ? and period_to = ?",
            (rs, n) -> draft(rs),
            period.from().atDay(1),
            period.to().atEndOfMonth())
        .stream()
        .findFirst();
  }

  /** The draft, its row locked until the transaction ends: versions are numbered one at a time. */
  Optional<CommitteeDraft> lock(ReportPeriod period) {
    return jdbc
        .query(
            "select * from committee_report where period_from = ? and period_to = ? for update",
            (rs, n) -> draft(rs),
            period.from().atDay(1),
            period.to().atEndOfMonth())
        .stream()
        .findFirst();
  }

  /**
   * @throws org.springframework.dao.DuplicateKeyException when the period already has a draft
   */
  void create(ReportPeriod period, String by, Instant at) {
    jdbc.update(
        "insert into committee_report (period_from, period_to, in_forward_plan, narrative,"
            + " prepared_by, prepared_at) values (?, ?, ?, ?, ?, ?)",
        period.from().atDay(1),
        period.to().atEndOfMonth(),
        false,
        "{}",
        by,
        Timestamp.from(at));
  }

  void saveNarrative(
      long id,
      LocalDate meetingDate,
      String portfolio,
      boolean inForwardPlan,
      Map<String, String> narrative,
      String by,
      Instant at) {
    jdbc.update(
        "update committee_report set meeting_date = ?, portfolio = ?, in_forward_plan = ?,"
            + " narrative = ?, narrative_by = ?, narrative_at = ? where id = ?",
        meetingDate,
        portfolio,
        inForwardPlan,
        write(narrative),
        by,
        Timestamp.from(at),
        id);
  }

  int latestVersion(long reportId) {
    Integer latest =
        jdbc.queryForObject(
            "select max(version) from committee_report_version where report_id = ?",
            Integer.class,
            reportId);
    return latest == null ? 0 : latest;
  }

  void insertVersion(
      long reportId, int version, String reason, String by, Instant at, Snapshot snapshot) {
    jdbc.update(
        "insert into committee_report_version (report_id, version, reason, published_by,"
            + " published_at, figures_json, figures_sha256, html, html_sha256, pdf, pdf_sha256)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reportId,
        version,
        reason,
        by,
        Timestamp.from(at),
        snapshot.figuresJson(),
        snapshot.figuresSha256(),
        snapshot.html(),
        snapshot.htmlSha256(),
        snapshot.pdf(),
        snapshot.pdfSha256());
  }

  List<Publication> versions(long reportId) {
    return jdbc.query(
        "select "
            + VERSION_COLUMNS
            + " from committee_report_version v join committee_report r on r.id = v.report_id"
            + " where v.report_id = ? order by v.version",
        (rs, n) -> publication(rs),
        reportId);
  }

  Optional<Publication> version(ReportPeriod period, int version) {
    return jdbc
        .query(
            "select "
                + VERSION_COLUMNS
                + " from committee_report_version v join committee_report r on r.id = v.report_id"
                + " where r.period_from = ? and r.period_to = ? and v.version = ?",
            (rs, n) -> publication(rs),
            period.from().atDay(1),
            period.to().atEndOfMonth(),
            version)
        .stream()
        .findFirst();
  }

  Optional<Snapshot> snapshot(ReportPeriod period, int version) {
    return jdbc
        .query(
            "select v.figures_json, v.html, v.pdf from committee_report_version v"
                + " join committee_report r on r.id = v.report_id"
                + " where r.period_from = ? and r.period_to = ? and v.version = ?",
            (rs, n) ->
                new Snapshot(rs.getBytes("figures_json"), rs.getBytes("html"), rs.getBytes("pdf")),
            period.from().atDay(1),
            period.to().atEndOfMonth(),
            version)
        .stream()
        .findFirst();
  }

  /** The latest version of each report, most recently published first. */
  List<Publication> recent(int limit) {
    return jdbc.query(
        "select "
            + VERSION_COLUMNS
            + " from committee_report_version v join committee_report r on r.id = v.report_id"
            + " order by v.published_at desc, v.id desc limit "
            + limit,
        (rs, n) -> publication(rs));
  }

  private Publication publication(ResultSet rs) throws SQLException {
    ReportPeriod period = period(rs);
    int version = rs.getInt("version");
    int latest = rs.getInt("latest");
    return Publication.of(
        period,
        version,
        rs.getString("reason"),
        rs.getString("published_by"),
        rs.getTimestamp("published_at").toInstant(),
        rs.getString("figures_sha256"),
        rs.getString("html_sha256"),
        rs.getString("pdf_sha256"),
        latest > version ? latest : null);
  }

  private CommitteeDraft draft(ResultSet rs) throws SQLException {
    Timestamp narrativeAt = rs.getTimestamp("narrative_at");
    java.sql.Date meeting = rs.getDate("meeting_date");
    return new CommitteeDraft(
        rs.getLong("id"),
        period(rs),
        meeting == null ? null : meeting.toLocalDate(),
        rs.getString("portfolio"),
        rs.getBoolean("in_forward_plan"),
        read(rs.getString("narrative")),
        rs.getString("prepared_by"),
        rs.getTimestamp("prepared_at").toInstant(),
        rs.getString("narrative_by"),
        narrativeAt == null ? null : narrativeAt.toInstant());
  }

  private static ReportPeriod period(ResultSet rs) throws SQLException {
    return new ReportPeriod(
        YearMonth.from(rs.getDate("period_from").toLocalDate()),
        YearMonth.from(rs.getDate("period_to").toLocalDate()));
  }

  private Map<String, String> read(String text) {
    try {
      return json.readValue(text, NARRATIVE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A committee report's narrative is not valid JSON", e);
    }
  }

  private String write(Map<String, String> narrative) {
    try {
      return json.writeValueAsString(narrative);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write a committee report's narrative", e);
    }
  }
}
