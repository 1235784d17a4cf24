/**
 * The follow-up's pages: one follow-up with the form for whatever the signed-in person must do
 * next, and a practitioner's or team manager's own work. They call {@link
 * org.learningloop.followup.FollowUps}, never the API.
 */
package org.learningloop.followup.web;
