/**
 * The audit register: case-file audits (deep dives and thematic dip samples), their grades,
 * contributory factors and moderation. Its face: {@link org.learningloop.audit.AuditLookup} to read
 * an audit, and the events {@link org.learningloop.audit.AuditBecameInadequate} and {@link
 * org.learningloop.audit.AuditNoLongerInadequate}, published synchronously inside the transaction
 * that changed the grade, so listeners succeed or fail with it.
 */
package org.learningloop.audit;
