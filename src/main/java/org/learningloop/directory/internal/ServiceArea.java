package org.learningloop.directory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A service area of children's social care, e.g. "Help and Protect"; Service Managers see their
 * own.
 */
@Entity
@Table(name = "service_area")
public class ServiceArea {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 200)
  private String name;

  @Version private long version;

  protected ServiceArea() {}

  public ServiceArea(String name) {
    this.name = DirectoryNames.require(name, "service area");
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
