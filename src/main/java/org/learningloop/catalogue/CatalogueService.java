package org.learningloop.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.learningloop.common.DomainException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogues, read by every module and extended by administrators (method security sits on the
 * controller).
 */
@Service
@Transactional(readOnly = true)
class CatalogueService implements Catalogues {

  private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");

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
    return add(kind, code, label, null);
  }

  /**
   * Adds an entry at the end of its catalogue, a support type with the address of the resource it
   * offers (or none).
   */
  @Transactional
  CatalogueEntry add(CatalogueKind kind, String code, String label, String resourceUrl) {
    List<FieldError> errors = new ArrayList<>();
    if (code == null || !CODE.matcher(code.strip()).matches()) {
      errors.add(
          new FieldError(
              "code", "Enter a code of letters, digits and _ only, starting with a letter"));
    }
    checkLabel(label, errors);
    String url = checkUrl(kind, resourceUrl, errors);
    if (!errors.isEmpty()) {
      throw CatalogueProblem.invalid(errors);
    }
    String normalised = normalise(code);
    if (items.findByKindAndCode(kind, normalised).isPresent()) {
      throw CatalogueProblem.codeTaken(kind, normalised);
    }
    int last =
        items.findByKindOrderBySortOrderAscCodeAsc(kind).stream()
            .mapToInt(CatalogueItem::getSortOrder)
            .max()
            .orElse(0);
    CatalogueItem item = new CatalogueItem(kind, normalised, label.strip(), last + 10);
    item.linkTo(url);
    return items.save(item).toEntry();
  }

  /** Relabels, retires or reactivates an entry; a null argument leaves that part as it is. */
  @Transactional
  CatalogueEntry change(CatalogueKind kind, String code, String label, Boolean active) {
    return change(kind, code, label, active, null);
  }

  /**
   * Relabels, relinks, retires or reactivates an entry; a null argument leaves that part as it is,
   * an empty resource address removes the link. Retired entries stay (old records name them) but
   * are not offered for new ones.
   */
  @Transactional
  CatalogueEntry change(
      CatalogueKind kind, String code, String label, Boolean active, String resourceUrl) {
    List<FieldError> errors = new ArrayList<>();
    if (label != null) {
      checkLabel(label, errors);
    }
    String url = resourceUrl == null ? null : checkUrl(kind, resourceUrl, errors);
    if (!errors.isEmpty()) {
      throw CatalogueProblem.invalid(errors);
    }
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
    if (resourceUrl != null) {
      item.linkTo(url);
    }
    return item.toEntry();
  }

  private static void checkLabel(String label, List<FieldError> errors) {
    if (label == null || label.isBlank()) {
      errors.add(new FieldError("label", "Enter a label"));
    } else if (label.strip().length() > 200) {
      errors.add(new FieldError("label", "Label must be 200 characters or fewer"));
    }
  }

  /** The address, checked: blank means none; only support types link to a resource. */
  private static String checkUrl(CatalogueKind kind, String resourceUrl, List<FieldError> errors) {
    if (resourceUrl == null || resourceUrl.isBlank()) {
      return null;
    }
    String url = resourceUrl.strip();
    if (kind != CatalogueKind.SUPPORT) {
      errors.add(new FieldError("resourceUrl", "Only a support type links to a resource"));
      return null;
    }
    if (url.length() > 500) {
      errors.add(new FieldError("resourceUrl", "Link must be 500 characters or fewer"));
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        throw new URISyntaxException(url, "not a web address");
      }
    } catch (URISyntaxException e) {
      errors.add(
          new FieldError(
              "resourceUrl",
              "Enter a web address starting with https://, like https://example.org/course"));
      return null;
    }
    return url;
  }

  private static String normalise(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }
}
