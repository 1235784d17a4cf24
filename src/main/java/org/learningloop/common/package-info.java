/**
 * What every module may use and no module owns: the base of user-facing failures, what every page
 * does with a failed form or step ({@link org.learningloop.common.PageForms}) and how it reads a
 * typed value ({@link org.learningloop.common.FormValues}), the application clock and the
 * scheduler. Nothing here knows a feature, so every module can depend on it without a cycle.
 */
package org.learningloop.common;
