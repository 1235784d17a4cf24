package org.learningloop.reporting;

import jakarta.validation.constraints.Size;

/**
 * Publishing a committee report.
 *
 * @param reason why a new version is made: required from version 2 on (a correction), not asked for
 *     the first
 */
public record PublishCommand(@Size(max = 2000) String reason) {}
