package org.learningloop.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogueItemRepository extends JpaRepository<CatalogueItem, Long> {

  List<CatalogueItem> findByKindOrderBySortOrderAscCodeAsc(CatalogueKind kind);

  Optional<CatalogueItem> findByKindAndCode(CatalogueKind kind, String code);
}
