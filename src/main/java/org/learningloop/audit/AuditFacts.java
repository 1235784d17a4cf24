package org.learningloop.audit;

import java.time.LocalDate;

/**
 * What an audit is and who took part in it, as recorded: the part of an audit that neither
 * moderation nor its factors change. Staff, teams and service areas are directory ids.
 *
 * @param practitionerId, teamManagerId, auditorId staff ids in the directory
 */
public record AuditFacts(
    String ref,
    LocalDate auditDate,
    AuditType type,
    String theme,
    Long serviceAreaId,
    Long teamId,
    Long practitionerId,
    Long teamManagerId,
    Long auditorId) {}
