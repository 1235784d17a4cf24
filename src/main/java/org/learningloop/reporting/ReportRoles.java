package org.learningloop.reporting;

/** Who may read reports, and who may publish the committee report. */
final class ReportRoles {

  static final String READ =
      "hasAnyRole('SERVICE_MANAGER','ASSISTANT_DIRECTOR','PI_LEAD','PI_OFFICER','AUDITOR','MODERATOR','ADMIN')";

  static final String PUBLISH = "hasAnyRole('PI_LEAD','ADMIN')";

  private ReportRoles() {}
}
