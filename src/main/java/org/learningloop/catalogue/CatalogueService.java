package org.learningloop.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogues, read by every module and extended by administrators (method security sits on the
 * controller).
 */
@Service
@Transactional(readOnly = true)
class CatalogueService implements Catalogues {

  private final CatalogueItemRepository items;

  CatalogueService(CatalogueItemRepository items) {
    this.items = items;
  }

  @Override
  public List<CatalogueEntry> factors() {
    return list(CatalogueKind.FACTOR);
  }

  @Override
  public List<CatalogueEntry> supportTypes() {
    return list(CatalogueKind.SUPPORT);
  }

  @Override
  public Optional<CatalogueEntry> factor(String code) {
    return find(CatalogueKind.FACTOR, code);
  }

  @Override
  public Optional<CatalogueEntry> supportType(String code) {
    return find(CatalogueKind.SUPPORT, code);
  }

  List<CatalogueEntry> list(CatalogueKind kind) {
    return items.findByKindOrderBySortOrderAscCodeAsc(kind).stream()
        .map(CatalogueItem::toEntry)
        .toList();
  }

  Optional<CatalogueEntry> find(CatalogueKind kind, String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return items.findByKindAndCode(kind, normalise(code)).map(CatalogueItem::toEntry);
  }

  /** Adds an entry at the end of its catalogue; codes are upper-case and never reused. */
  @Transactional
  CatalogueEntry add(CatalogueKind kind, String code, String label) {
    String normalised = normalise(code);
    if (items.findByKindAndCode(kind, normalised).isPresent()) {
      throw CatalogueProblem.codeTaken(kind, normalised);
    }
    int last =
        items.findByKindOrderBySortOrderAscCodeAsc(kind).stream()
            .mapToInt(CatalogueItem::getSortOrder)
            .max()
            .orElse(0);
    return items.save(new CatalogueItem(kind, normalised, label.strip(), last + 10)).toEntry();
  }

  /** Relabels, retires or reactivates an entry; a null argument leaves that part as it is. */
  @Transactional
  CatalogueEntry change(CatalogueKind kind, String code, String label, Boolean active) {
    CatalogueItem item =
        items
            .findByKindAndCode(kind, normalise(code))
            .orElseThrow(() -> CatalogueProblem.notFound(kind, code));
    if (label != null) {
      item.relabel(label.strip());
    }
    if (active != null) {
      item.setActive(active);
    }
    return item.toEntry();
  }

  private static String normalise(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }
}
