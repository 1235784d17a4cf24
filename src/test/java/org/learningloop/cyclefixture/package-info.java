/**
 * Two modules that break the rules on purpose, for {@code ModularityTest}: {@code orders} and
 * {@code invoices} depend on each other, and {@code orders} reaches into {@code invoices.internal}.
 * Test code only; the application never loads it.
 */
package org.learningloop.cyclefixture;
