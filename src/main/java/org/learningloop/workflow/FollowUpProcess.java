package org.learningloop.workflow;

/**
 * Names in {@code bpmn/inadequate-audit-follow-up.bpmn}. {@code FollowUpProcessModelTest} fails when a constant and
 * the model disagree.
 */
public final class FollowUpProcess {

  public static final String KEY = "InadequateAuditFollowUp";
  public static final String RESOURCE = "bpmn/inadequate-audit-follow-up.bpmn";

  private FollowUpProcess() {}

  public static final class Elements {
    public static final String StartEvent_InadequateAuditRecorded = "StartEvent_InadequateAuditRecorded";
    public static final String Task_AllocateFollowUp = "Task_AllocateFollowUp";
    public static final String EndEvent_FollowUpAllocated = "EndEvent_FollowUpAllocated";

    private Elements() {}
  }

  public static final class Variables {
    /** The audit's reference; also the process instance's business key. */
    public static final String AUDIT_REF = "auditRef";

    private Variables() {}
  }
}
