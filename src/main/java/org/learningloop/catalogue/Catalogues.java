package org.learningloop.catalogue;

import java.util.List;
import java.util.Optional;

/** Reads the catalogues for other modules. */
public interface Catalogues {

  List<CatalogueEntry> factors();

  List<CatalogueEntry> supportTypes();

  Optional<CatalogueEntry> factor(String code);

  Optional<CatalogueEntry> supportType(String code);
}
