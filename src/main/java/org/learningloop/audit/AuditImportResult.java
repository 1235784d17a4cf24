package org.learningloop.audit;

/** The answer of an import: how many rows created, changed or left as they were. */
record AuditImportResult(int created, int updated, int unchanged) {}
