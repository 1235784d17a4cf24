package org.learningloop.dipsample;

/** What a dip sample counts: the seed samples assessments, families and cases. */
public enum DipSampleUnit {
  CASES("cases", "case"),
  FAMILIES("families", "family"),
  ASSESSMENTS("assessments", "assessment");

  private final String plural;
  private final String singular;

  DipSampleUnit(String plural, String singular) {
    this.plural = plural;
    this.singular = singular;
  }

  /** "16 assessments", "1 family". */
  public String count(long n) {
    return n + " " + (n == 1 ? singular : plural);
  }

  public String label() {
    return Character.toUpperCase(plural.charAt(0)) + plural.substring(1);
  }
}
