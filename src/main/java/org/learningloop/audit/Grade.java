package org.learningloop.audit;

/** Ofsted-style judgement of a case file, best first. */
public enum Grade {
  OUTSTANDING("Outstanding"),
  GOOD("Good"),
  REQUIRES_IMPROVEMENT("Requires improvement to be good"),
  INADEQUATE("Inadequate");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
