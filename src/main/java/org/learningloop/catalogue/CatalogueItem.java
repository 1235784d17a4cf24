package org.learningloop.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A stored catalogue entry. Entries are retired, never deleted: old audits and follow-ups still
 * name them.
 */
@Entity
@Table(name = "catalogue_entry")
class CatalogueItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CatalogueKind kind;

  @Column(nullable = false, length = 60)
  private String code;

  @Column(nullable = false, length = 200)
  private String label;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "resource_url", length = 500)
  private String resourceUrl;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Version private long version;

  protected CatalogueItem() {}

  CatalogueItem(CatalogueKind kind, String code, String label, int sortOrder) {
    this.kind = kind;
    this.code = code;
    this.label = label;
    this.sortOrder = sortOrder;
  }

  String getCode() {
    return code;
  }

  int getSortOrder() {
    return sortOrder;
  }

  void relabel(String label) {
    this.label = label;
  }

  void linkTo(String resourceUrl) {
    this.resourceUrl = resourceUrl;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  CatalogueEntry toEntry() {
    return new CatalogueEntry(code, label, active, resourceUrl);
  }
}
