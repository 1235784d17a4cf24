package org.learningloop.audit;

import java.util.List;

/** One page of audits, newest audit date first. */
record AuditPage(List<AuditView> items, int page, int size, long totalItems, int totalPages) {}
