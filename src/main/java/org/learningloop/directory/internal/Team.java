package org.learningloop.directory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A social work team within one service area. */
@Entity
@Table(name = "team")
public class Team {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 200)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "service_area_id", nullable = false)
  private ServiceArea serviceArea;

  @Version private long version;

  protected Team() {}

  public Team(String name, ServiceArea serviceArea) {
    this.name = DirectoryNames.require(name, "team");
    this.serviceArea = serviceArea;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public ServiceArea getServiceArea() {
    return serviceArea;
  }
}
