package org.learningloop.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Draws the previous month's moderation sample by itself once its draw day has come ({@code
 * learning-loop.moderation.draw-on-day}), looking every hour. Nodes sharing a database draw it
 * once: a month's draw and each selection are unique, so a second node's draw at the same moment
 * rolls back and the next look finds the month drawn.
 */
@Component
@ConditionalOnProperty(
    prefix = "learning-loop.moderation",
    name = "auto-draw",
    havingValue = "true",
    matchIfMissing = true)
class ModerationDrawSchedule {

  private static final Logger log = LoggerFactory.getLogger(ModerationDrawSchedule.class);

  private final ModerationQueue queue;

  ModerationDrawSchedule(ModerationQueue queue) {
    this.queue = queue;
  }

  @Scheduled(
      initialDelayString = "${learning-loop.moderation.draw-check:PT5M}",
      fixedDelayString = "${learning-loop.moderation.draw-check:PT1H}")
  void drawIfDue() {
    try {
      queue
          .drawIfDue()
          .ifPresent(
              draw ->
                  log.info(
                      "Moderation sample of {} drawn: {} of {} audits selected, {} added to the"
                          + " queue",
                      draw.month(),
                      draw.selected(),
                      draw.audits(),
                      draw.added()));
    } catch (RuntimeException e) {
      log.warn("Moderation draw not made now; the next look tries again: {}", e.getMessage());
    }
  }
}
