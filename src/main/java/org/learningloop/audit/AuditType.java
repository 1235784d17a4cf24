package org.learningloop.audit;

public enum AuditType {
  DEEP_DIVE,
  /** Needs a theme, e.g. "Quality of assessments in the Help and Protect teams". */
  THEMATIC_DIP_SAMPLE
}
