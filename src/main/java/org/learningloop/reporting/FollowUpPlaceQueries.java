package org.learningloop.reporting;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each follow-up of the audits dated in a period belongs (its team and service area, as the
 * follow-up module keeps them), so the KPI rows can be broken down by team. A reporting read of the
 * same range of {@code ix_follow_up_audit_date} as {@link FollowUpKpiQueries}; it never writes.
 */
@Repository
@Transactional(readOnly = true)
class FollowUpPlaceQueries {

  private static final String PLACES =
      "select f.id, f.team_id, f.service_area_id from follow_up f "
          + "where f.audit_date >= :first and f.audit_date <= :last";

  private static final String POPULATION =
      "select a.audit_type, case when coalesce(a.moderated_grade, a.auditor_grade) = 'INADEQUATE'"
          + " then 1 else 0 end as inadequate_now, count(*) as n"
          + " from follow_up f join audit a on a.ref = f.audit_ref"
          + " where f.audit_date >= :first and f.audit_date <= :last"
          + " group by a.audit_type, case when coalesce(a.moderated_grade, a.auditor_grade) ="
          + " 'INADEQUATE' then 1 else 0 end";

  /**
   * What the follow-ups of a period are of: deep dives and dip samples whose audit is still graded
   * inadequate, and audits re-graded since (their follow-up ended as grade revised).
   */
  record Population(long deepDives, long dipSamples, long regraded) {}

  /** A follow-up's team and service area; either may be unknown (null). */
  record Place(Long teamId, Long serviceAreaId) {}

  private final NamedParameterJdbcTemplate jdbc;

  FollowUpPlaceQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Population population(ReportPeriod period) {
    long[] counts = new long[3];
    jdbc.query(
        POPULATION,
        range(period),
        rs -> {
          long n = rs.getLong("n");
          if (rs.getInt("inadequate_now") == 0) {
            counts[2] += n;
          } else if ("THEMATIC_DIP_SAMPLE".equals(rs.getString("audit_type"))) {
            counts[1] += n;
          } else {
            counts[0] += n;
          }
        });
    return new Population(counts[0], counts[1], counts[2]);
  }

  private static MapSqlParameterSource range(ReportPeriod period) {
    return new MapSqlParameterSource()
        .addValue("first", java.sql.Date.valueOf(period.from().atDay(1)))
        .addValue("last", java.sql.Date.valueOf(period.to().atEndOfMonth()));
  }

  Map<Long, Place> places(ReportPeriod period) {
    Map<Long, Place> places = new HashMap<>();
    jdbc.query(
        PLACES,
        range(period),
        rs -> {
          long team = rs.getLong("team_id");
          Long teamId = rs.wasNull() ? null : team;
          long area = rs.getLong("service_area_id");
          Long areaId = rs.wasNull() ? null : area;
          places.put(rs.getLong("id"), new Place(teamId, areaId));
        });
    return places;
  }
}
