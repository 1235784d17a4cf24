package org.learningloop.retention;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Administrators see each run of the retention purge and what it removed. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RetentionPageController {

  private final RetentionPurge purge;

  RetentionPageController(RetentionPurge purge) {
    this.purge = purge;
  }

  /** A run as the page shows it: times in UTC, as stored. */
  record Row(
      String startedAt,
      String followUpsEndedBefore,
      int followUpsPurged,
      int auditsCleared,
      String outboxSentBefore,
      int outboxBodiesPurged) {}

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  @GetMapping("/admin/retention")
  String runs(Model model) {
    model.addAttribute(
        "runs",
        purge.recent(50).stream()
            .map(
                run ->
                    new Row(
                        TIME.format(run.startedAt()),
                        DAY.format(run.followUpsEndedBefore()),
                        run.followUpsPurged(),
                        run.auditsCleared(),
                        DAY.format(run.outboxSentBefore()),
                        run.outboxBodiesPurged()))
            .toList());
    return "admin/retention";
  }
}
