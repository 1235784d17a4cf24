/**
 * The user directory: service areas, teams, staff and their roles. One directory serves the
 * application's sign-in, its authorization rules and the workflow engine's users and candidate
 * groups (see {@link org.learningloop.directory.Role#groupId()}). Other modules use its face:
 * {@link org.learningloop.directory.Directory}, {@link org.learningloop.directory.StaffRegistry}
 * and {@link org.learningloop.directory.StaffAdministration}, which hand out {@link
 * org.learningloop.directory.Person} and {@link org.learningloop.directory.TeamPlace}; the entities
 * and their repositories are inside, in {@code directory.internal}, and password hashes never leave
 * the module.
 */
package org.learningloop.directory;
