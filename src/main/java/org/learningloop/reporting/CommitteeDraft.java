package org.learningloop.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The committee report of a period as it is being prepared: the cover details and the narrative the
 * Assistant Director has written so far (section key to text; a section not written is absent).
 */
record CommitteeDraft(
    long id,
    ReportPeriod period,
    LocalDate meetingDate,
    String portfolio,
    boolean inForwardPlan,
    Map<String, String> narrative,
    String preparedBy,
    Instant preparedAt,
    String narrativeBy,
    Instant narrativeAt) {}
