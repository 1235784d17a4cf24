/**
 * The admin-extensible catalogues: contributory factors (why an audit was graded as it was) and
 * support types (what the PI team can offer). Codes are stable identifiers; labels are what people
 * read.
 */
package org.learningloop.catalogue;
