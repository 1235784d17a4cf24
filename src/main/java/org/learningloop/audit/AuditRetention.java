package org.learningloop.audit;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes what links an audit to a child once the follow-up it led to is past retention: the child
 * reference is replaced by {@link #REMOVED}; grades and factors stay, for the reports.
 */
@Component
public class AuditRetention {

  public static final String REMOVED = "REMOVED";

  private static final int CHUNK = 500;

  private final NamedParameterJdbcTemplate jdbc;

  AuditRetention(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return how many audits had a child reference removed
   */
  @Transactional
  public int removeChildReferences(Collection<String> refs) {
    List<String> all = List.copyOf(refs);
    int cleared = 0;
    for (int i = 0; i < all.size(); i += CHUNK) {
      cleared +=
          jdbc.update(
              "update audit set child_ref = :removed, version = version + 1"
                  + " where ref in (:refs) and child_ref <> :removed",
              new MapSqlParameterSource("removed", REMOVED)
                  .addValue("refs", all.subList(i, Math.min(all.size(), i + CHUNK))));
    }
    return cleared;
  }
}
