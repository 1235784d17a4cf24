/**
 * Who may do what: sign-in (form for people, HTTP Basic for API clients) against the user
 * directory, and the rules that keep the engine's REST API and web apps for administrators only.
 */
package org.learningloop.security;
