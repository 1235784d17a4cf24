package org.learningloop.catalogue;

/**
 * One entry of a catalogue; retired entries stay for history but cannot be chosen any more.
 *
 * @param resourceUrl for a support type, where the resource it offers is (null when none is set)
 */
public record CatalogueEntry(String code, String label, boolean active, String resourceUrl) {

  public CatalogueEntry(String code, String label, boolean active) {
    this(code, label, active, null);
  }
}
