package org.learningloop.followup;

import java.util.List;

/** One page of a list: its rows, where it is, and how many there are in all. */
public record PageOf<T>(List<T> content, int page, int size, long totalElements, int totalPages) {}
