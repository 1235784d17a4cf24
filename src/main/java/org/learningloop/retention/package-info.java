/**
 * Retention: purges personal data whose period has run out (closed follow-ups and their audits'
 * child references, the bodies of sent emails), on a schedule, and records each run for
 * administrators ({@code /admin/retention}). The access log purges itself (security module).
 */
package org.learningloop.retention;
