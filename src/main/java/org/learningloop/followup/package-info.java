/**
 * The follow-up of an inadequate audit: the case the Practice Improvement team works until the loop
 * is closed, with its reflective conversations, support items, closure, effectiveness re-audit and
 * a timeline of who did what, when and why. Its face: {@link org.learningloop.followup.FollowUps}
 * (opened, reopened and ended by the audit register, timers of the process), {@link
 * org.learningloop.followup.FollowUpCommands} (the steps people take, each with its {@link
 * org.learningloop.followup.FollowUpCommand} record), {@link
 * org.learningloop.followup.FollowUpQueries} (lists and details) and {@link
 * org.learningloop.followup.FollowUpStatistics} for the figures other modules report; no other
 * module reads its tables. Who may see and do what is the package-private {@code FollowUpAccess},
 * and the aggregate {@link org.learningloop.followup.FollowUp} guards each transition and writes
 * its own timeline. It drives the process engine only through the port {@link
 * org.learningloop.followup.FollowUpEngine}, which the workflow module implements, and knows no
 * Camunda.
 */
package org.learningloop.followup;
