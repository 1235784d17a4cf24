/**
 * The follow-up of an inadequate audit: the case the Practice Improvement team works until the loop
 * is closed, with its reflective conversations, support items, closure, effectiveness re-audit and
 * a timeline of who did what, when and why. Its face is {@link
 * org.learningloop.followup.FollowUps}, and {@link org.learningloop.followup.FollowUpStatistics}
 * for the figures other modules report; no other module reads its tables. It drives the process
 * engine only through the port {@link org.learningloop.followup.FollowUpEngine}, which the workflow
 * module implements, and knows no Camunda.
 */
package org.learningloop.followup;
