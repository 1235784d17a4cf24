package org.learningloop.directory.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.learningloop.directory.Role;

/**
 * A member of staff: who they are (email is the identity audits and imports use), what they do
 * (roles) and where (team, or service area for managers above a team). Staff created from an audit
 * import have no password until an admin sets one, or sign in through the council's identity
 * provider.
 */
@Entity
@Table(name = "staff")
public class Staff {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 100)
  private String username;

  @Column(nullable = false, unique = true, length = 254)
  private String email;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "team_id")
  private Team team;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "service_area_id")
  private ServiceArea serviceArea;

  @Column(name = "password_hash", length = 200)
  private String passwordHash;

  @Column(nullable = false)
  private boolean enabled = true;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
  @Column(name = "role", nullable = false, length = 40)
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Version private long version;

  protected Staff() {}

  public Staff(String username, String email, String displayName) {
    this.username = DirectoryNames.require(username, "username").toLowerCase(Locale.ROOT);
    this.email = normaliseEmail(email);
    this.displayName = DirectoryNames.require(displayName, "person");
  }

  /** Emails identify people across imports, so they compare without case or surrounding space. */
  public static String normaliseEmail(String email) {
    return DirectoryNames.require(email, "email address").toLowerCase(Locale.ROOT);
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void changeEmail(String email) {
    this.email = normaliseEmail(email);
  }

  public void rename(String displayName) {
    this.displayName = DirectoryNames.require(displayName, "person");
  }

  public Optional<Team> getTeam() {
    return Optional.ofNullable(team);
  }

  /** The team's service area, or the one a manager above teams is placed in. */
  public Optional<ServiceArea> getServiceArea() {
    return team != null ? Optional.of(team.getServiceArea()) : Optional.ofNullable(serviceArea);
  }

  public void placeInTeam(Team team) {
    this.team = team;
    this.serviceArea = null;
  }

  public void placeInServiceArea(ServiceArea serviceArea) {
    this.team = null;
    this.serviceArea = serviceArea;
  }

  public Optional<String> getPasswordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Set<Role> getRoles() {
    return Collections.unmodifiableSet(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public void grant(Role role) {
    roles.add(role);
  }

  public void revoke(Role role) {
    roles.remove(role);
  }
}
