/**
 * The user directory: service areas, teams, staff and their roles. One directory serves the
 * application's sign-in, its authorization rules and the workflow engine's users and candidate
 * groups (see {@link org.learningloop.directory.Role#groupId()}).
 */
package org.learningloop.directory;
