/**
 * What is shared by every page and API endpoint: the GOV.UK Frontend assets, the sign-in and home
 * pages, and the one place that turns failures into RFC 9457 problem details. Feature pages and
 * endpoints live with their features.
 */
package org.learningloop.web;
