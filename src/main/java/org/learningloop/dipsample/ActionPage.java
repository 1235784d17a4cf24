package org.learningloop.dipsample;

import java.util.List;

/** One page of actions: its rows, where it is, and how many there are in all. */
public record ActionPage(
    List<ActionSummary> content, int page, int size, long totalElements, int totalPages) {}
