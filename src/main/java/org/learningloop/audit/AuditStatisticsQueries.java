package org.learningloop.audit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report aggregates in plain SQL, grouped in the database: each reads a range of the covering
 * index {@code ix_audit_type_date_grades} (type, date, both grades) and never the audit rows; the
 * factors join the inadequate ones to {@code audit_factor}'s primary key. The effective grade is
 * written as {@code coalesce(moderated, auditor)} so that the index alone answers it.
 */
@Repository
@Transactional(readOnly = true)
class AuditStatisticsQueries implements AuditStatistics {

  private static final String GRADE_TALLIES =
      """
      select year(audit_date) as y, month(audit_date) as m, auditor_grade, moderated_grade, count(*) as n
      from audit
      where audit_type = :type and audit_date >= :first and audit_date <= :last
      group by year(audit_date), month(audit_date), auditor_grade, moderated_grade
      """;

  private static final String FACTOR_COUNTS =
      """
      select f.factor_code, count(*) as n
      from audit a join audit_factor f on f.audit_id = a.id
      where a.audit_type = :type and a.audit_date >= :first and a.audit_date <= :last
        and coalesce(a.moderated_grade, a.auditor_grade) = 'INADEQUATE'
      group by f.factor_code
      order by count(*) desc, f.factor_code
      """;

  private static final String DIP_SAMPLE_AUDITS =
      """
      select ref from audit
      where audit_type = 'THEMATIC_DIP_SAMPLE'
        and (theme = :ref
             or (theme = :theme and service_area_id = :area
                 and audit_date >= :first and audit_date <= :last))
      order by audit_date, ref
      """;

  private static final String PLACE_TALLIES =
      """
      select a.service_area_id, sa.name as service_area, a.team_id, t.name as team,
             a.auditor_grade, a.moderated_grade, count(*) as n
      from audit a join team t on t.id = a.team_id join service_area sa on sa.id = a.service_area_id
      where a.audit_type = :type and a.audit_date >= :first and a.audit_date <= :last
      group by a.service_area_id, sa.name, a.team_id, t.name, a.auditor_grade, a.moderated_grade
      order by sa.name, t.name
      """;

  private static final String TEAM_FACTORS =
      """
      select a.team_id, f.factor_code, count(*) as n
      from audit a join audit_factor f on f.audit_id = a.id
      where a.audit_type = :type and a.audit_date >= :first and a.audit_date <= :last
        and coalesce(a.moderated_grade, a.auditor_grade) = 'INADEQUATE'
      group by a.team_id, f.factor_code
      order by a.team_id, count(*) desc, f.factor_code
      """;

  private static final String MODERATION_PAIRS =
      """
      select auditor_id, year(audit_date) as y, month(audit_date) as m,
             auditor_grade, moderated_grade, count(*) as n
      from audit
      where audit_date >= :first and audit_date <= :last and moderated_grade is not null
      group by auditor_id, year(audit_date), month(audit_date), auditor_grade, moderated_grade
      """;

  private static final String EFFECTIVE_GRADES =
      "select ref, effective_grade from audit where ref in (:refs)";

  /** Keeps IN lists well below what any database accepts. */
  private static final int CHUNK = 500;

  private final NamedParameterJdbcTemplate jdbc;

  AuditStatisticsQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<GradeTally> gradeTallies(AuditType type, YearMonth from, YearMonth to) {
    return jdbc.query(
        GRADE_TALLIES,
        range(from, to).addValue("type", type.name()),
        (rs, i) ->
            new GradeTally(
                YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                Grade.valueOf(rs.getString("auditor_grade")),
                moderatedGrade(rs),
                rs.getLong("n")));
  }

  @Override
  public Map<String, Long> inadequateFactorCounts(AuditType type, YearMonth from, YearMonth to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        FACTOR_COUNTS,
        range(from, to).addValue("type", type.name()),
        rs -> {
          counts.put(rs.getString("factor_code"), rs.getLong("n"));
        });
    return counts;
  }

  @Override
  public List<String> dipSampleAuditRefs(
      String dipSampleRef, String theme, YearMonth month, long serviceAreaId) {
    return jdbc.queryForList(
        DIP_SAMPLE_AUDITS,
        range(month, month)
            .addValue("ref", dipSampleRef)
            .addValue("theme", theme)
            .addValue("area", serviceAreaId),
        String.class);
  }

  @Override
  public List<PlaceTally> placeTallies(AuditType type, YearMonth from, YearMonth to) {
    return jdbc.query(
        PLACE_TALLIES,
        range(from, to).addValue("type", type.name()),
        (rs, i) ->
            new PlaceTally(
                rs.getLong("service_area_id"),
                rs.getString("service_area"),
                rs.getLong("team_id"),
                rs.getString("team"),
                Grade.valueOf(rs.getString("auditor_grade")),
                moderatedGrade(rs),
                rs.getLong("n")));
  }

  @Override
  public List<PlaceFactor> inadequateFactorsByTeam(AuditType type, YearMonth from, YearMonth to) {
    return jdbc.query(
        TEAM_FACTORS,
        range(from, to).addValue("type", type.name()),
        (rs, i) ->
            new PlaceFactor(rs.getLong("team_id"), rs.getString("factor_code"), rs.getLong("n")));
  }

  @Override
  public List<ModerationPair> moderationPairs(YearMonth from, YearMonth to) {
    return jdbc.query(
        MODERATION_PAIRS,
        range(from, to),
        (rs, i) ->
            new ModerationPair(
                rs.getLong("auditor_id"),
                YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                Grade.valueOf(rs.getString("auditor_grade")),
                Grade.valueOf(rs.getString("moderated_grade")),
                rs.getLong("n")));
  }

  @Override
  public Map<String, Grade> effectiveGrades(Collection<String> refs) {
    List<String> distinct = refs.stream().distinct().toList();
    Map<String, Grade> grades = new HashMap<>();
    for (int i = 0; i < distinct.size(); i += CHUNK) {
      jdbc.query(
          EFFECTIVE_GRADES,
          new MapSqlParameterSource(
              "refs", distinct.subList(i, Math.min(distinct.size(), i + CHUNK))),
          rs -> {
            grades.put(rs.getString("ref"), Grade.valueOf(rs.getString("effective_grade")));
          });
    }
    return grades;
  }

  private static MapSqlParameterSource range(YearMonth from, YearMonth to) {
    return new MapSqlParameterSource()
        .addValue("first", Date.valueOf(from.atDay(1)))
        .addValue("last", Date.valueOf(to.atEndOfMonth()));
  }

  /** The moderated grade of a row, or null when the audit is not moderated. */
  private static Grade moderatedGrade(ResultSet rs) throws SQLException {
    String moderated = rs.getString("moderated_grade");
    return moderated == null ? null : Grade.valueOf(moderated);
  }
}
