package org.learningloop.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The answer of an import: how many rows created, changed or left as they were (the contract {@code
 * {"created","updated","unchanged"}}); {@code refs}, the file's audit refs in its order, stay
 * inside the application (the import page's repeat-child warnings).
 */
record AuditImportResult(int created, int updated, int unchanged, @JsonIgnore List<String> refs) {

  AuditImportResult {
    refs = List.copyOf(refs);
  }
}
