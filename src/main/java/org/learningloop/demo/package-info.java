/**
 * Demo users (one per role, password {@code demo}) and demo data for the embedded default, so a
 * newcomer sees a working system at once. Never enabled on the {@code mysql} profile.
 */
package org.learningloop.demo;
