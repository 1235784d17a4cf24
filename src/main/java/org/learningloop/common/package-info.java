/**
 * Small types every module may use: the base of user-facing failures. Nothing here knows a feature.
 */
package org.learningloop.common;
