package org.learningloop;

import org.learningloop.support.OnMariaDb;

/** The {@code mysql} profile against the real MariaDB, through MySQL Connector/J. */
@OnMariaDb
class MariaDbApplicationIT extends ApplicationBehaviour {}
