/**
 * Thematic dip samples (a planned look at one theme in one month of one service area) and the
 * actions auditors and PI leads set on a dip sample or on any audit, each followed up by its own
 * small process until it is verified or cancelled. Its face: {@link
 * org.learningloop.dipsample.ActionEngine} (the port the workflow module implements), {@link
 * org.learningloop.dipsample.ActionNotices} (what the process's service tasks call), {@link
 * org.learningloop.dipsample.ActionStage} and {@link
 * org.learningloop.dipsample.DipSampleStatistics} (the reports' figures).
 */
package org.learningloop.dipsample;
