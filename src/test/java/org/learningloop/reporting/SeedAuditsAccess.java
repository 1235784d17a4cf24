package org.learningloop.reporting;

import org.learningloop.audit.AuditRegister;

/** {@link SeedAudits} for tests of other packages. */
public final class SeedAuditsAccess {

  private SeedAuditsAccess() {}

  /** Loads the seed once per database, moved that many years earlier. */
  public static void ensureLoaded(AuditRegister register, int yearsEarlier) {
    SeedAudits.ensureLoaded(register, yearsEarlier);
  }
}
