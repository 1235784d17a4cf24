package org.learningloop.catalogue;

/** Which catalogue an entry belongs to; stored by name in {@code catalogue_entry.kind}. */
enum CatalogueKind {
  FACTOR("contributory factor"),
  SUPPORT("support type");

  private final String description;

  CatalogueKind(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }
}
