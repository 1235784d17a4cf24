/**
 * The follow-up's pages: one follow-up with the form for whatever the signed-in person must do
 * next, and a practitioner's or team manager's own work. They bind the steps' {@link
 * org.learningloop.followup.FollowUpCommand} records and call {@link
 * org.learningloop.followup.FollowUpCommands} and {@link
 * org.learningloop.followup.FollowUpQueries}, never the API.
 */
package org.learningloop.followup.web;
