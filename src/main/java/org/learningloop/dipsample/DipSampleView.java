package org.learningloop.dipsample;

import java.util.List;

/**
 * One thematic dip sample as the API and the pages show it.
 *
 * @param month {@code YYYY-MM}
 * @param auditor the username of the auditor who recorded it
 * @param audits how many audits belong to it: {@code THEMATIC_DIP_SAMPLE} audits whose theme is its
 *     ref, or its theme in the same month and service area
 * @param auditRefs those audits' refs, in date order
 * @param actions how its actions stand
 */
public record DipSampleView(
    String ref,
    String theme,
    String month,
    String serviceArea,
    List<String> teams,
    DipSampleUnit unit,
    int sampleSize,
    String auditor,
    String findings,
    int audits,
    List<String> auditRefs,
    ActionFigures actions) {}
