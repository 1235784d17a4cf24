package org.learningloop.catalogue;

/** One entry of a catalogue; retired entries stay for history but cannot be chosen any more. */
public record CatalogueEntry(String code, String label, boolean active) {}
