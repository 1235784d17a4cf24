/**
 * The county-scale benchmark program ({@link org.learningloop.bench.CountyScaleBenchmark}, run by
 * {@code ./mvnw -Pbench verify}): our cost next to the bare engine's at a large county's scale. A
 * program, not a test: it never runs in the normal build.
 */
package org.learningloop.bench;
