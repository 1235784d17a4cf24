package org.learningloop.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes follow-ups whose retention has run out: closed, withdrawn or ended by a revised grade
 * before the cut-off, with their conversations, support items and timeline. A chunk at a time, so a
 * first run on years of data does not hold one huge transaction.
 */
@Component
public class FollowUpRetention {

  private static final int CHUNK = 500;

  private final NamedParameterJdbcTemplate jdbc;

  FollowUpRetention(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return the audit refs of the follow-ups deleted
   */
  @Transactional
  public List<String> purgeEndedBefore(Instant cutoff) {
    // Stored as UTC wall-clock time (hibernate.jdbc.time_zone=UTC).
    Timestamp before = Timestamp.valueOf(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    List<String> purged = new ArrayList<>();
    while (true) {
      List<Map<String, Object>> ended =
          jdbc.queryForList(
              "select id, audit_ref from follow_up where status in ('CLOSED', 'WITHDRAWN',"
                  + " 'GRADE_REVISED') and coalesce(closed_at, ended_at) < :before order by id"
                  + " fetch first "
                  + CHUNK
                  + " rows only",
              new MapSqlParameterSource("before", before));
      if (ended.isEmpty()) {
        return purged;
      }
      List<Long> ids = ended.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
      MapSqlParameterSource these = new MapSqlParameterSource("ids", ids);
      for (String child :
          List.of("follow_up_conversation", "support_item", "follow_up_event", "open_task")) {
        jdbc.update("delete from " + child + " where follow_up_id in (:ids)", these);
      }
      jdbc.update("delete from follow_up where id in (:ids)", these);
      ended.forEach(row -> purged.add((String) row.get("audit_ref")));
    }
  }
}
