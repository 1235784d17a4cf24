/**
 * Reminders and the escalation ladder: the daily digest of what is due soon or overdue for each
 * person, escalation emails as each rung is reached, managers' hand escalations and due-date
 * extensions, and the managers' dashboard.
 */
package org.learningloop.reminder;
