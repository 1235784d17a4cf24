package org.learningloop.reporting;

/**
 * Who may read reports; who prepares the committee report's draft (PI leads); and who, as the
 * report's owner, writes its narrative and publishes it (Assistant Directors).
 */
final class ReportRoles {

  static final String READ =
      "hasAnyRole('SERVICE_MANAGER','ASSISTANT_DIRECTOR','PI_LEAD','PI_OFFICER','AUDITOR','MODERATOR','ADMIN')";

  static final String PREPARE = "hasRole('PI_LEAD')";

  static final String PUBLISH = "hasRole('ASSISTANT_DIRECTOR')";

  private ReportRoles() {}
}
