/** The administrators' pages for people, teams and service areas. */
package org.learningloop.directory.web;
