package org.learningloop.audit;

import java.util.Optional;

/** Reads audits for other modules. */
public interface AuditLookup {

  Optional<AuditSummary> findByRef(String ref);
}
