package org.learningloop.retention;

import java.time.Instant;

/** One run of the retention purge: when, the cut-offs it applied, and what it removed. */
record RetentionRun(
    Long id,
    Instant startedAt,
    Instant finishedAt,
    Instant followUpsEndedBefore,
    Instant outboxSentBefore,
    int followUpsPurged,
    int auditsCleared,
    int outboxBodiesPurged) {}
