package org.learningloop.audit;

import org.learningloop.support.OnMariaDb;

/**
 * The repeat-child warning on MariaDB through MySQL Connector/J: a child reference differing only
 * in case is another child there too ({@code child_ref} is {@code utf8mb4_bin}, V19_11).
 */
@OnMariaDb
class RepeatChildWarningIT extends RepeatChildWarningBehaviour {}
